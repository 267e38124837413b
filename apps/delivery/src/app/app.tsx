import { createQueryClient, UiProvider } from '@yoryo/ui'
import { RouterProvider } from 'react-router/dom'
import { router } from './router.tsx'

const queryClient = createQueryClient()

/** Providers of the delivery-period SPA (実需給期間向け機能) around its router. */
export function App() {
  return (
    <UiProvider app="delivery" queryClient={queryClient}>
      <RouterProvider router={router} />
    </UiProvider>
  )
}
