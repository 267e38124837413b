import { ApplicationViewsProvider, type ApplicationViews } from '@yoryo/ui'
import { ApplicationDetailPage } from '../features/applications/pages/application-detail-page.tsx'
import { expectedCapacityApplicationView } from '../features/expected-capacity/application-view.tsx'
import { outagePlanApplicationView } from '../features/outage-plans/application-view.tsx'
import { participantApplicationView } from '../features/participants/application-view.tsx'
import { marketExitApplicationView } from '../features/penalty-factors/application-view.tsx'
import { replacementApplicationView } from '../features/replacements/application-view.tsx'
import { resourceApplicationView } from '../features/resources/application-view.tsx'
import { successionApplicationView } from '../features/successions/application-view.tsx'

/**
 * The view of every kind of record, by entity type: the application screens render a kind
 * through it and import no record feature. A new kind of record adds its feature's view here
 * (the compiler asks for one per `EntityType`).
 */
export const applicationViews: ApplicationViews = {
  participant: participantApplicationView,
  expectedCapacity: expectedCapacityApplicationView,
  resource: resourceApplicationView,
  marketExit: marketExitApplicationView,
  replacement: replacementApplicationView,
  outagePlan: outagePlanApplicationView,
  succession: successionApplicationView,
}

/** 030 申込詳細 with the registry of application views (loaded with the screen). */
export function ApplicationDetailRoute() {
  return (
    <ApplicationViewsProvider views={applicationViews}>
      <ApplicationDetailPage />
    </ApplicationViewsProvider>
  )
}
