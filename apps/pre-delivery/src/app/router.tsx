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
 * Routes of the pre-delivery SPA, mounted at `/`:
 *   /login · /maintenance · /session-expired                   without a session
 *   / (010 portal) · /password · /messages (600) · /api-tokens
 *   /maintenance-mode (operator) · /forbidden · /error · *       inside the shell
 *
 * The screens without a session are in the entry chunk; the shell and every screen inside it
 * are loaded on demand (`lazy`), with the shell's skeleton while they load on the first visit.
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
                  { path: 'password', lazy: lazyScreens.passwordChange },
                  { path: 'messages', lazy: lazyScreens.messageCatalogue },
                  {
                    path: 'api-tokens',
                    lazy: lazyComponent(
                      () => import('../features/auth/pages/api-tokens-page.tsx'),
                      'ApiTokensPage',
                    ),
                  },
                  {
                    path: 'maintenance-mode',
                    element: (
                      <RequireRole roles={['operator']} fallback={<ForbiddenPage />}>
                        <Outlet />
                      </RequireRole>
                    ),
                    children: [
                      {
                        index: true,
                        lazy: lazyComponent(
                          () => import('../features/system/pages/maintenance-mode-page.tsx'),
                          'MaintenanceModePage',
                        ),
                      },
                    ],
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
    ],
  },
])
