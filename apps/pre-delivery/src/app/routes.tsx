import {
  ForbiddenPage,
  MaintenancePage,
  NotFoundPage,
  RequireSession,
  RouteErrorPage,
  ServerErrorPage,
  SessionExpiredRedirect,
  ShellSkeleton,
  StandaloneSkeleton,
  functionRoutes,
  lazyComponent,
  lazyScreens,
} from '@yoryo/ui'
import { Outlet, type RouteObject } from 'react-router'
import { ApplyFallback } from '../features/system-use/components/apply-fallback.tsx'
import { RootLayout } from './root-layout.tsx'

/**
 * Routes of the pre-delivery SPA, mounted at `/`. Every screen of a function comes from the
 * function registry of @yoryo/contracts (`functionRegistry`: path, sub-paths, who may view),
 * through `functionRoutes(key, screens)`; only the screens without a function are listed here:
 *   /login · /maintenance · /session-expired                   without a session
 *   /forbidden · /error · *                                       inside the shell
 *
 * The maintenance and session-expired screens are in the entry chunk; the login page, the shell
 * and every screen inside it are loaded on demand (`lazy`), with a skeleton while they load on
 * the first visit (issue 7 first-load budget, `pnpm bench:web`).
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      { path: 'login', lazy: lazyScreens.login, HydrateFallback: StandaloneSkeleton },
      { path: 'maintenance', element: <MaintenancePage /> },
      { path: 'session-expired', element: <SessionExpiredRedirect /> },
      {
        // 700/701 system use application: public, no login, loaded on demand.
        HydrateFallback: ApplyFallback,
        ...functionRoutes('systemUse', {
          '': {
            lazy: lazyComponent(
              () => import('../features/system-use/pages/apply-page.tsx'),
              'ApplyPage',
              ['applications', 'lists'],
            ),
          },
          status: {
            lazy: lazyComponent(
              () => import('../features/system-use/pages/apply-status-page.tsx'),
              'ApplyStatusPage',
              ['applications', 'lists'],
            ),
          },
        }),
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
                  functionRoutes('portal', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/portal/pages/portal-page.tsx'),
                        'PortalPage',
                        ['portal', 'applications'],
                      ),
                    },
                  }),
                  functionRoutes('passwordChange', { '': { lazy: lazyScreens.passwordChange } }),
                  functionRoutes('messages', { '': { lazy: lazyScreens.messageCatalogue } }),
                  functionRoutes('apiTokens', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/auth/pages/api-tokens-page.tsx'),
                        'ApiTokensPage',
                        ['auth'],
                      ),
                    },
                  }),
                  functionRoutes('maintenance', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/system/pages/maintenance-mode-page.tsx'),
                        'MaintenanceModePage',
                        ['system', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('users', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/users/pages/users-page.tsx'),
                        'UsersPage',
                        ['users', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('clientCertificates', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/client-certificates/pages/client-certificates-page.tsx'),
                        'ClientCertificatesPage',
                        ['users', 'lists', 'system', 'bulk'],
                      ),
                    },
                  }),
                  functionRoutes('applications', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/applications/pages/applications-page.tsx'),
                        'ApplicationsPage',
                        ['applications', 'lists'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('./application-detail-route.tsx'),
                        'ApplicationDetailRoute',
                        // The record kinds' views (application-detail-route.tsx) use their texts;
                        // the expected capacity correction shows the window's countdown (portal).
                        [
                          'applications',
                          'lists',
                          'system',
                          'resources',
                          'expected-capacity',
                          'penalty-factors',
                          'replacements',
                          'outage-plans',
                          'successions',
                          'portal',
                        ],
                      ),
                    },
                  }),
                  functionRoutes('participant', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/participants/pages/participant-page.tsx'),
                        'ParticipantPage',
                        ['applications', 'lists', 'system'],
                      ),
                    },
                    change: {
                      lazy: lazyComponent(
                        () => import('../features/participants/pages/participant-change-page.tsx'),
                        'ParticipantChangePage',
                        ['applications', 'lists', 'system'],
                      ),
                    },
                  }),
                  functionRoutes('participants', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/participants/pages/participants-page.tsx'),
                        'ParticipantsPage',
                        ['applications', 'lists'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/participants/pages/participant-detail-page.tsx'),
                        'ParticipantDetailPage',
                        ['applications', 'lists', 'system'],
                      ),
                    },
                  }),
                  functionRoutes('resources', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/resources/pages/resources-page.tsx'),
                        'ResourcesPage',
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/resources/pages/resource-form-page.tsx'),
                        'ResourceFormPage',
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/resources/pages/resource-detail-page.tsx'),
                        'ResourceDetailPage',
                      ),
                    },
                    ':id/change': {
                      lazy: lazyComponent(
                        () => import('../features/resources/pages/resource-form-page.tsx'),
                        'ResourceFormPage',
                      ),
                    },
                  }),
                  functionRoutes('expectedCapacities', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/expected-capacities-page.tsx'),
                        'ExpectedCapacitiesPage',
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/expected-capacity-form-page.tsx'),
                        'ExpectedCapacityFormPage',
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/expected-capacity-detail-page.tsx'),
                        'ExpectedCapacityDetailPage',
                      ),
                    },
                    ':id/change': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/expected-capacity-form-page.tsx'),
                        'ExpectedCapacityFormPage',
                      ),
                    },
                  }),
                  functionRoutes('replacementBoard', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/replacement-board/pages/replacement-board-page.tsx'),
                        'ReplacementBoardPage',
                        ['replacement-board', 'replacements', 'resources', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('replacements', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/replacements/pages/replacements-page.tsx'),
                        'ReplacementsPage',
                        ['replacements', 'resources', 'lists'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/replacements/pages/replacement-form-page.tsx'),
                        'ReplacementFormPage',
                        ['replacements', 'resources'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/replacements/pages/replacement-detail-page.tsx'),
                        'ReplacementDetailPage',
                        ['replacements', 'resources'],
                      ),
                    },
                  }),
                  functionRoutes('outagePlans', {
                    '': {
                      lazy: lazyComponent(
                        () => import('@yoryo/ui/outage-plans/outage-plans-page.tsx'),
                        'OutagePlansPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('@yoryo/ui/outage-plans/outage-plan-form-page.tsx'),
                        'OutagePlanFormPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('@yoryo/ui/outage-plans/outage-plan-detail-page.tsx'),
                        'OutagePlanDetailPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                    ':id/change': {
                      lazy: lazyComponent(
                        () => import('@yoryo/ui/outage-plans/outage-plan-form-page.tsx'),
                        'OutagePlanFormPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                  }),
                  functionRoutes('factorTables', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/expected-capacity/pages/factor-tables-page.tsx'),
                        'FactorTablesPage',
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/factor-table-form-page.tsx'),
                        'FactorTableFormPage',
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/expected-capacity/pages/factor-table-page.tsx'),
                        'FactorTablePage',
                      ),
                    },
                  }),
                  functionRoutes('effectivenessTests', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/effectiveness-tests-page.tsx'),
                        'EffectivenessTestsPage',
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () =>
                          import('../features/expected-capacity/pages/effectiveness-test-form-page.tsx'),
                        'EffectivenessTestFormPage',
                      ),
                    },
                  }),
                  functionRoutes('penaltyFactors', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/penalty-factors/pages/penalty-factors-page.tsx'),
                        'PenaltyFactorsPage',
                        ['penalty-factors', 'lists'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () =>
                          import('../features/penalty-factors/pages/penalty-factor-form-page.tsx'),
                        'PenaltyFactorFormPage',
                        ['penalty-factors', 'lists'],
                      ),
                    },
                    exit: {
                      lazy: lazyComponent(
                        () => import('../features/penalty-factors/pages/market-exit-page.tsx'),
                        'MarketExitPage',
                        ['penalty-factors', 'lists'],
                      ),
                    },
                    parameters: {
                      lazy: lazyComponent(
                        () =>
                          import('../features/penalty-factors/pages/penalty-parameters-page.tsx'),
                        'PenaltyParametersPage',
                        ['penalty-factors', 'lists'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/penalty-factors/pages/penalty-factor-detail-page.tsx'),
                        'PenaltyFactorDetailPage',
                        ['penalty-factors', 'lists'],
                      ),
                    },
                    ':id/edit': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/penalty-factors/pages/penalty-factor-form-page.tsx'),
                        'PenaltyFactorFormPage',
                        ['penalty-factors', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('bids', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/bids/pages/bidding-auctions-page.tsx'),
                        'BiddingAuctionsPage',
                        ['bids', 'portal'],
                      ),
                    },
                    ':auctionId': {
                      lazy: lazyComponent(
                        () => import('../features/bids/pages/auction-bids-page.tsx'),
                        'AuctionBidsPage',
                        ['bids', 'portal', 'bulk', 'lists', 'system'],
                      ),
                    },
                  }),
                  functionRoutes('auctionResults', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/auction-results/pages/auction-results-page.tsx'),
                        'AuctionResultsPage',
                        ['auction-results', 'lists'],
                      ),
                    },
                    ':auctionId': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/auction-results/pages/auction-result-detail-page.tsx'),
                        'AuctionResultDetailPage',
                        ['auction-results', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('bidSimulator', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/auction-results/pages/bid-simulator-page.tsx'),
                        'BidSimulatorPage',
                        ['auction-results'],
                      ),
                    },
                  }),
                  functionRoutes('bulkImports', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/bulk-imports/pages/bulk-imports-page.tsx'),
                        'BulkImportsPage',
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/bulk-imports/pages/bulk-import-page.tsx'),
                        'BulkImportPage',
                      ),
                    },
                  }),
                  functionRoutes('fileItems', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/file-items/pages/file-items-page.tsx'),
                        'FileItemsPage',
                      ),
                    },
                  }),
                  functionRoutes('auctions', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/auctions/pages/auctions-page.tsx'),
                        'AuctionsPage',
                        ['auctions', 'lists'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/auctions/pages/auction-new-page.tsx'),
                        'AuctionNewPage',
                        ['auctions', 'lists'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/auctions/pages/auction-detail-page.tsx'),
                        'AuctionDetailPage',
                        // ValueRow shows an empty value with the applications section's text.
                        ['auctions', 'lists', 'resources', 'applications'],
                      ),
                    },
                  }),
                  functionRoutes('qualifications', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/auctions/pages/qualifications-page.tsx'),
                        'QualificationsPage',
                        ['auctions', 'lists'],
                      ),
                    },
                    ':auctionId': {
                      lazy: lazyComponent(
                        () => import('../features/auctions/pages/qualification-page.tsx'),
                        'QualificationPage',
                        ['auctions', 'lists', 'resources'],
                      ),
                    },
                  }),
                  functionRoutes('contracts', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/contracts/pages/contracts-page.tsx'),
                        'ContractsPage',
                        ['contracts', 'lists'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/contracts/pages/contract-detail-page.tsx'),
                        'ContractDetailPage',
                        // ValueRow shows an empty value with the applications section's text.
                        ['contracts', 'lists', 'applications'],
                      ),
                    },
                  }),
                  functionRoutes('auditLog', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/audit-log/pages/audit-log-page.tsx'),
                        'AuditLogPage',
                        ['applications', 'lists'],
                      ),
                    },
                  }),
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
]
