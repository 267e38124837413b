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
import { RootLayout } from './root-layout.tsx'

/**
 * Routes of the delivery-period SPA, mounted at `/delivery/` (basename `/delivery`). Every
 * screen of a function comes from the function registry of @yoryo/contracts through
 * `functionRoutes(key, screens)`; only the screens without a function are listed here:
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
                  functionRoutes('deliveryPortal', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/portal/pages/portal-page.tsx'),
                        'PortalPage',
                        ['portal', 'applications', 'notices'],
                      ),
                    },
                  }),
                  functionRoutes('notices', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/notices/pages/notices-page.tsx'),
                        'NoticesPage',
                        ['notices', 'lists'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/notices/pages/notice-form-page.tsx'),
                        'NoticeNewPage',
                        ['notices', 'lists', 'shell'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/notices/pages/notice-detail-page.tsx'),
                        'NoticeDetailPage',
                        ['notices'],
                      ),
                    },
                    ':id/edit': {
                      lazy: lazyComponent(
                        () => import('../features/notices/pages/notice-form-page.tsx'),
                        'NoticeEditPage',
                        ['notices', 'lists', 'shell'],
                      ),
                    },
                  }),
                  functionRoutes('deliveryOutagePlans', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/outage-plans/outage-plan-pages.tsx'),
                        'DeliveryOutagePlansPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/outage-plans/outage-plan-pages.tsx'),
                        'DeliveryOutagePlanFormPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/outage-plans/outage-plan-pages.tsx'),
                        'DeliveryOutagePlanDetailPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                    ':id/change': {
                      lazy: lazyComponent(
                        () => import('../features/outage-plans/outage-plan-pages.tsx'),
                        'DeliveryOutagePlanFormPage',
                        ['outage-plans', 'lists', 'portal', 'applications'],
                      ),
                    },
                  }),
                  functionRoutes('assessmentParameters', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/assessment-basis/pages/assessment-parameters-page.tsx'),
                        'AssessmentParametersPage',
                        ['assessment-basis', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('replacementAllocations', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/assessment-basis/pages/replacement-allocations-page.tsx'),
                        'ReplacementAllocationsPage',
                        ['assessment-basis', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('assessmentResults', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/assessment/pages/assessment-results-page.tsx'),
                        'AssessmentResultsPage',
                        ['assessment', 'lists', 'resources', 'bulk', 'shell'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/assessment/pages/assessment-result-page.tsx'),
                        'AssessmentResultPage',
                        ['assessment', 'resources', 'bulk'],
                      ),
                    },
                  }),
                  functionRoutes('outageOmissions', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/assessment/pages/outage-omissions-page.tsx'),
                        'OutageOmissionsPage',
                        ['assessment', 'lists', 'shell'],
                      ),
                    },
                  }),
                  functionRoutes('operationRestraint', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/assessment/pages/exempt-slots-page.tsx'),
                        'ExemptSlotsPage',
                        ['assessment', 'lists', 'bulk', 'shell'],
                      ),
                    },
                  }),
                  functionRoutes('dispatchOrderResults', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/assessment/pages/dispatch-order-results-page.tsx'),
                        'DispatchOrderResultsPage',
                        ['assessment', 'lists', 'bulk', 'shell'],
                      ),
                    },
                  }),
                  functionRoutes('meteredGeneration', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/delivery-data/pages/metered-generation-page.tsx'),
                        'MeteredGenerationPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                    ':resourceId/:date': {
                      lazy: lazyComponent(
                        () => import('../features/delivery-data/pages/metered-day-page.tsx'),
                        'MeteredDayPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('supplyInstructions', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/delivery-data/pages/supply-instructions-page.tsx'),
                        'SupplyInstructionsPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('reserveNotices', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/delivery-data/pages/reserve-notices-page.tsx'),
                        'ReserveNoticesPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                    ':resourceId': {
                      lazy: lazyComponent(
                        () => import('../features/delivery-data/pages/reserve-offers-page.tsx'),
                        'ReserveOffersPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('dispatchOrders', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/delivery-data/pages/dispatch-orders-page.tsx'),
                        'DispatchOrdersPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/delivery-data/pages/dispatch-order-page.tsx'),
                        'DispatchOrderPage',
                        ['delivery-data', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('penaltyTargets', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/economic-penalties/pages/penalty-targets-page.tsx'),
                        'PenaltyTargetsPage',
                        ['economic-penalties', 'lists', 'resources'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/economic-penalties/pages/penalty-target-page.tsx'),
                        'PenaltyTargetPage',
                        ['economic-penalties', 'resources'],
                      ),
                    },
                  }),
                  functionRoutes('penaltyAmounts', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/economic-penalties/pages/penalty-amounts-page.tsx'),
                        'PenaltyAmountsPage',
                        ['economic-penalties', 'lists', 'resources'],
                      ),
                    },
                    ':resourceId': {
                      lazy: lazyComponent(
                        () => import('../features/economic-penalties/pages/penalty-year-page.tsx'),
                        'PenaltyYearPage',
                        ['economic-penalties', 'resources'],
                      ),
                    },
                  }),
                  functionRoutes('attachments', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/attachments/pages/attachments-page.tsx'),
                        'AttachmentsPage',
                        ['system'],
                      ),
                    },
                  }),
                  functionRoutes('permissions', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/permissions/pages/permissions-page.tsx'),
                        'PermissionsPage',
                        ['users', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('contractAmounts', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/settlement/pages/contract-amounts-page.tsx'),
                        'ContractAmountsPage',
                        ['settlement', 'lists', 'bulk', 'shell'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/settlement/pages/contract-amount-page.tsx'),
                        'ContractAmountPage',
                        ['settlement'],
                      ),
                    },
                  }),
                  functionRoutes('settlementDocuments', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/settlement/pages/settlement-documents-page.tsx'),
                        'SettlementDocumentsPage',
                        ['settlement', 'payments', 'lists', 'shell'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/settlement/pages/settlement-document-page.tsx'),
                        'SettlementDocumentPage',
                        ['settlement', 'payments'],
                      ),
                    },
                  }),
                  functionRoutes('payments', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/payments/pages/payments-page.tsx'),
                        'PaymentsPage',
                        ['payments', 'lists', 'shell'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/payments/pages/payment-new-page.tsx'),
                        'PaymentNewPage',
                        ['payments', 'lists', 'shell'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/payments/pages/payment-page.tsx'),
                        'PaymentPage',
                        ['payments', 'shell'],
                      ),
                    },
                  }),
                  functionRoutes('releaseAmounts', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/release-amounts/pages/release-amounts-page.tsx'),
                        'ReleaseAmountsPage',
                        ['release-amounts', 'lists', 'shell'],
                      ),
                    },
                    offers: {
                      lazy: lazyComponent(
                        () => import('../features/release-amounts/pages/release-offers-page.tsx'),
                        'ReleaseOffersPage',
                        ['release-amounts', 'portal', 'shell'],
                      ),
                    },
                  }),
                  functionRoutes('deliveryBulkImports', {
                    '': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/delivery-bulk/pages/delivery-bulk-imports-page.tsx'),
                        'DeliveryBulkImportsPage',
                        ['feeds', 'bulk', 'lists', 'system'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () =>
                          import('../features/delivery-bulk/pages/delivery-bulk-import-page.tsx'),
                        'DeliveryBulkImportPage',
                        ['bulk', 'system'],
                      ),
                    },
                  }),
                  functionRoutes('successions', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/successions/pages/successions-page.tsx'),
                        'SuccessionsPage',
                        ['successions', 'lists', 'shell'],
                      ),
                    },
                    new: {
                      lazy: lazyComponent(
                        () => import('../features/successions/pages/succession-new-page.tsx'),
                        'SuccessionNewPage',
                        ['successions', 'shell'],
                      ),
                    },
                    ':id': {
                      lazy: lazyComponent(
                        () => import('../features/successions/pages/succession-detail-page.tsx'),
                        'SuccessionDetailPage',
                        ['successions', 'applications'],
                      ),
                    },
                  }),
                  functionRoutes('deliveryFileItems', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/file-items/pages/file-items-page.tsx'),
                        'FileItemsPage',
                      ),
                    },
                  }),
                  functionRoutes('documentSamples', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/output-files/pages/document-samples-page.tsx'),
                        'DocumentSamplesPage',
                        ['output-files'],
                      ),
                    },
                  }),
                  functionRoutes('bulkSamples', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/bulk-samples/pages/bulk-samples-page.tsx'),
                        'BulkSamplesPage',
                      ),
                    },
                  }),
                  functionRoutes('outputFileMap', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/output-files/pages/output-files-page.tsx'),
                        'OutputFilesPage',
                        ['output-files'],
                      ),
                    },
                  }),
                  functionRoutes('csvSamples', {
                    '': {
                      lazy: lazyComponent(
                        () => import('../features/output-files/pages/csv-samples-page.tsx'),
                        'CsvSamplesPage',
                        ['output-files', 'lists'],
                      ),
                    },
                  }),
                  functionRoutes('deliveryMessages', {
                    '': { lazy: lazyScreens.messageCatalogue },
                  }),
                  functionRoutes('deliveryPasswordChange', {
                    '': { lazy: lazyScreens.passwordChange },
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
