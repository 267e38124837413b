import {
  AppLayout,
  ForbiddenPage,
  LoginPage,
  MaintenancePage,
  MessageCataloguePage,
  NotFoundPage,
  PasswordChangePage,
  RequireSession,
  RouteErrorPage,
  ServerErrorPage,
  SessionExpiredRedirect,
} from '@yoryo/ui'
import { createBrowserRouter } from 'react-router'
import { AttachmentsPage } from '../features/attachments/pages/attachments-page.tsx'
import { PortalPage } from '../features/portal/pages/portal-page.tsx'
import { RootLayout } from './root-layout.tsx'

/**
 * Routes of the delivery-period SPA, mounted at `/delivery/` (basename `/delivery`):
 *   /login · /maintenance · /session-expired                   without a session
 *   / (A20 portal) · /attachments (A20) · /messages (G30)
 *   /password (the forced change, when the session needs one) · /forbidden · /error · *
 */
export const router = createBrowserRouter(
  [
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
                { path: 'attachments', element: <AttachmentsPage /> },
                { path: 'messages', element: <MessageCataloguePage /> },
                { path: 'password', element: <PasswordChangePage /> },
                { path: 'forbidden', element: <ForbiddenPage /> },
                { path: 'error', element: <ServerErrorPage /> },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ],
  { basename: '/delivery' },
)
