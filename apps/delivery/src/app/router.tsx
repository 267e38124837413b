import { createBrowserRouter } from 'react-router'
import { routes } from './routes.tsx'

/** The router of the delivery-period SPA over `routes.tsx`, mounted at `/delivery/`. */
export const router = createBrowserRouter(routes, { basename: '/delivery' })
