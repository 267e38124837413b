import {
  ForbiddenPage,
  LoginPage,
  MaintenancePage,
  NotFoundPage,
  RequireRole,
  RequireSession,
  RouteErrorPage,
  ServerErrorPage,
  SessionExpiredRedirect,
  ShellSkeleton,
  lazyComponent,
  lazyScreens,
} from '@yoryo/ui'
import { Outlet, createBrowserRouter } from 'react-router'
import { RootLayout } from './root-layout.tsx'

/**
 * Routes of the delivery-period SPA, mounted at `/delivery/` (basename `/delivery`):
 *   /login · /maintenance · /session-expired                   without a session
 *   / (A20 portal) · /attachments (A20) · /permissions (A40, administrators) · /messages (G30)
 *   /password (the forced change, when the session needs one) · /forbidden · /error · *
 *
 * The screens without a session are in the entry chunk; the shell and every screen inside it
 * are loaded on demand (`lazy`), with the shell's skeleton while they load on the first visit.
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
              <Outlet />
            </RequireSession>
          ),
          HydrateFallback: ShellSkeleton,
          children: [
            {
              lazy: lazyScreens.appLayout,
              children: [
                {
                  errorElement: <RouteErrorPage />,
                  children: [
                    {
                      index: true,
                      lazy: lazyComponent(
                        () => import('../features/portal/pages/portal-page.tsx'),
                        'PortalPage',
                      ),
                    },
                    {
                      path: 'attachments',
                      lazy: lazyComponent(
                        () => import('../features/attachments/pages/attachments-page.tsx'),
                        'AttachmentsPage',
                      ),
                    },
                    {
                      path: 'permissions',
                      element: (
                        <RequireRole roles={['participantAdmin']} fallback={<ForbiddenPage />}>
                          <Outlet />
                        </RequireRole>
                      ),
                      children: [
                        {
                          index: true,
                          lazy: lazyComponent(
                            () => import('../features/permissions/pages/permissions-page.tsx'),
                            'PermissionsPage',
                          ),
                        },
                      ],
                    },
                    { path: 'messages', lazy: lazyScreens.messageCatalogue },
                    { path: 'password', lazy: lazyScreens.passwordChange },
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
    },
  ],
  { basename: '/delivery' },
)
