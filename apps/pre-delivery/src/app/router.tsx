import {
  AppLayout,
  ForbiddenPage,
  LoginPage,
  MaintenancePage,
  MessageCataloguePage,
  NotFoundPage,
  PasswordChangePage,
  RequireRole,
  RequireSession,
  RouteErrorPage,
  ServerErrorPage,
  SessionExpiredRedirect,
} from '@yoryo/ui'
import { createBrowserRouter } from 'react-router'
import { ApiTokensPage } from '../features/auth/pages/api-tokens-page.tsx'
import { PortalPage } from '../features/portal/pages/portal-page.tsx'
import { MaintenanceModePage } from '../features/system/pages/maintenance-mode-page.tsx'
import { RootLayout } from './root-layout.tsx'

/**
 * Routes of the pre-delivery SPA, mounted at `/`:
 *   /login · /maintenance · /session-expired                   without a session
 *   / (010 portal) · /password · /messages (600) · /api-tokens
 *   /maintenance-mode (operator) · /forbidden · /error · *       inside the shell
 */
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      { path: 'login', element: <LoginPage /> },
      { path: 'maintenance', element: <MaintenancePage /> },
      { path: 'session-expired', element: <SessionExpiredRedirect /> },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <PortalPage /> },
              { path: 'password', element: <PasswordChangePage /> },
              { path: 'messages', element: <MessageCataloguePage /> },
              { path: 'api-tokens', element: <ApiTokensPage /> },
              {
                path: 'maintenance-mode',
                element: (
                  <RequireRole roles={['operator']} fallback={<ForbiddenPage />}>
                    <MaintenanceModePage />
                  </RequireRole>
                ),
              },
              { path: 'forbidden', element: <ForbiddenPage /> },
              { path: 'error', element: <ServerErrorPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
])
