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
import { ApplyFallback } from '../features/system-use/components/apply-fallback.tsx'
import { RootLayout } from './root-layout.tsx'

/**
 * Routes of the pre-delivery SPA, mounted at `/`:
 *   /login · /maintenance · /session-expired                   without a session
 *   /apply · /apply/status (700, public, loaded on demand)
 *   / (010 portal) · /password · /messages (600) · /api-tokens
 *   /maintenance-mode (operator) · /users (020) · /client-certificates (710)
 *   /applications[/:id] (030) · /participant[/change] · /participants[/:id] (030) · /audit-log (020)
 *   /forbidden · /error · *                                       inside the shell
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
        // 700/701 system use application: public, no login, loaded on demand.
        path: 'apply',
        HydrateFallback: ApplyFallback,
        children: [
          {
            index: true,
            lazy: lazyComponent(
              () => import('../features/system-use/pages/apply-page.tsx'),
              'ApplyPage',
            ),
          },
          {
            path: 'status',
            lazy: lazyComponent(
              () => import('../features/system-use/pages/apply-status-page.tsx'),
              'ApplyStatusPage',
            ),
          },
        ],
      },
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
                  {
                    // 020 and 710: participant administrators and the operator only.
                    element: (
                      <RequireRole
                        roles={['operator', 'participantAdmin']}
                        fallback={<ForbiddenPage />}
                      >
                        <Outlet />
                      </RequireRole>
                    ),
                    children: [
                      {
                        path: 'users',
                        lazy: lazyComponent(
                          () => import('../features/users/pages/users-page.tsx'),
                          'UsersPage',
                        ),
                      },
                      {
                        path: 'client-certificates',
                        lazy: lazyComponent(
                          () =>
                            import('../features/client-certificates/pages/client-certificates-page.tsx'),
                          'ClientCertificatesPage',
                        ),
                      },
                    ],
                  },
                  {
                    // 030 applications: the operator's review queue, a participant's own.
                    path: 'applications',
                    lazy: lazyComponent(
                      () => import('../features/applications/pages/applications-page.tsx'),
                      'ApplicationsPage',
                    ),
                  },
                  {
                    path: 'applications/:id',
                    lazy: lazyComponent(
                      () => import('../features/applications/pages/application-detail-page.tsx'),
                      'ApplicationDetailPage',
                    ),
                  },
                  {
                    // 030 participant information: the own participant's.
                    element: (
                      <RequireRole
                        roles={['participantAdmin', 'participantUser']}
                        fallback={<ForbiddenPage />}
                      >
                        <Outlet />
                      </RequireRole>
                    ),
                    children: [
                      {
                        path: 'participant',
                        lazy: lazyComponent(
                          () => import('../features/participants/pages/participant-page.tsx'),
                          'ParticipantPage',
                        ),
                      },
                      {
                        path: 'participant/change',
                        lazy: lazyComponent(
                          () =>
                            import('../features/participants/pages/participant-change-page.tsx'),
                          'ParticipantChangePage',
                        ),
                      },
                    ],
                  },
                  {
                    // 030 participants: the operator reads every participant.
                    element: (
                      <RequireRole roles={['operator']} fallback={<ForbiddenPage />}>
                        <Outlet />
                      </RequireRole>
                    ),
                    children: [
                      {
                        path: 'participants',
                        lazy: lazyComponent(
                          () => import('../features/participants/pages/participants-page.tsx'),
                          'ParticipantsPage',
                        ),
                      },
                      {
                        path: 'participants/:id',
                        lazy: lazyComponent(
                          () =>
                            import('../features/participants/pages/participant-detail-page.tsx'),
                          'ParticipantDetailPage',
                        ),
                      },
                    ],
                  },
                  {
                    // 020 audit log: the operator (all) and participant administrators (own).
                    path: 'audit-log',
                    element: (
                      <RequireRole
                        roles={['operator', 'participantAdmin']}
                        fallback={<ForbiddenPage />}
                      >
                        <Outlet />
                      </RequireRole>
                    ),
                    children: [
                      {
                        index: true,
                        lazy: lazyComponent(
                          () => import('../features/audit-log/pages/audit-log-page.tsx'),
                          'AuditLogPage',
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
