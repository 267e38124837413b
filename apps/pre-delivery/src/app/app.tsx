import { createQueryClient, UiProvider } from '@yoryo/ui'
import { RouterProvider } from 'react-router/dom'
import { router } from './router.tsx'

const queryClient = createQueryClient()

/** Providers of the pre-delivery SPA (実需給期間前向け機能) around its router. */
export function App() {
  return (
    <UiProvider app="preDelivery" queryClient={queryClient}>
      <RouterProvider router={router} />
    </UiProvider>
  )
}
