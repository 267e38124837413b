import { createBrowserRouter } from 'react-router'
import { routes } from './routes.tsx'

/** The router of the pre-delivery SPA over `routes.tsx` (built from the function registry). */
export const router = createBrowserRouter(routes)
