import { OUTAGE_PLANS_B00, OutagePlanFunctionProvider } from '@yoryo/ui/outage-plans/function.tsx'
import { OutagePlanDetailPage } from '@yoryo/ui/outage-plans/outage-plan-detail-page.tsx'
import { OutagePlanFormPage } from '@yoryo/ui/outage-plans/outage-plan-form-page.tsx'
import { OutagePlansPage } from '@yoryo/ui/outage-plans/outage-plans-page.tsx'

/**
 * B00 容量停止計画: 180's screens (@yoryo/ui outage-plans) for the delivery year under way — the
 * same plans, API and rules; the window is the year's 容量停止計画提出受付.
 */
export function DeliveryOutagePlansPage() {
  return (
    <OutagePlanFunctionProvider value={OUTAGE_PLANS_B00}>
      <OutagePlansPage />
    </OutagePlanFunctionProvider>
  )
}

export function DeliveryOutagePlanFormPage() {
  return (
    <OutagePlanFunctionProvider value={OUTAGE_PLANS_B00}>
      <OutagePlanFormPage />
    </OutagePlanFunctionProvider>
  )
}

export function DeliveryOutagePlanDetailPage() {
  return (
    <OutagePlanFunctionProvider value={OUTAGE_PLANS_B00}>
      <OutagePlanDetailPage />
    </OutagePlanFunctionProvider>
  )
}
