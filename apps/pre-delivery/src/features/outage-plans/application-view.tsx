import { Button, Skeleton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  outagePlanReasons,
  type Application,
  type OutagePlanReason,
  type OutagePlanRegisterInput,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  CancelReasonCorrection,
  formatDateTime,
  formatNumber,
  useCorrect,
  useTranslation,
  type ApplicationView,
  type ContentGroup,
  type CorrectionPanelProps,
  type Translate,
} from '@yoryo/ui'
import { AllowancePanel } from '@yoryo/ui/outage-plans/allowance-panel.tsx'
import { outagePlanQueries } from '@yoryo/ui/outage-plans/api.ts'
import { OutagePlanForm } from '@yoryo/ui/outage-plans/outage-plan-form.tsx'

const FIELDS = [
  'resourceId',
  'deliveryYear',
  'startAt',
  'endAt',
  'reducedKw',
  'reason',
  'note',
] as const

function fieldLabel(path: string, t: Translate): string {
  switch (path) {
    case 'resourceId':
      return t('outagePlans.fields.resource')
    case 'deliveryYear':
    case 'startAt':
    case 'endAt':
    case 'reducedKw':
    case 'note':
      return t(`outagePlans.fields.${path}`)
    case 'reason':
      return t('outagePlans.fields.reason')
    default:
      return path
  }
}

function valueText(path: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return ''
  if (path === 'deliveryYear' && typeof value === 'number') {
    return t('outagePlans.fiscalYear', { year: value })
  }
  if ((path === 'startAt' || path === 'endAt') && typeof value === 'string') {
    return formatDateTime(value)
  }
  if (path === 'reducedKw' && typeof value === 'number') return `${formatNumber(value)} kW`
  // A plan's reason is one of the codes; a cancellation's reason is free text.
  if (path === 'reason' && (outagePlanReasons as readonly unknown[]).includes(value)) {
    return t(`outagePlans.reason.${value as OutagePlanReason}`)
  }
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value)
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const p = application.proposed
  const changed = new Set(application.diff.map((d) => d.path))
  const current = application.current ?? {}
  const row = (path: string, cur: unknown, value: unknown) => ({
    path,
    label: fieldLabel(path, t),
    current: valueText(path, cur, t),
    proposed: valueText(path, value, t),
    changed: application.kind === 'change' && changed.has(path),
    code: path === 'resourceId',
  })
  if (application.kind === 'cancel') {
    return [
      {
        key: 'cancel',
        title: t('applications.detail.content'),
        rows: [{ ...row('reason', null, p.reason), label: t('applications.detail.cancelReason') }],
      },
    ]
  }
  const rows = FIELDS.filter((f) => application.kind === 'register' || f !== 'resourceId').map(
    (f) => row(f, application.kind === 'register' ? null : current[f], p[f]),
  )
  return [{ key: 'outagePlan', title: t('applications.detail.content'), rows }]
}

/** The resource-year against the allowance with the proposed plan, for the reviewer. */
function ProposedAllowance({ application }: { application: Application }) {
  const p = application.proposed
  const record = useQuery({
    ...outagePlanQueries.detail(application.entityId ?? ''),
    enabled: application.kind !== 'register' && !!application.entityId,
  })
  const resourceId =
    application.kind === 'register' ? String(p.resourceId ?? '') : (record.data?.resource.id ?? '')
  const deliveryYear = Number(p.deliveryYear ?? record.data?.deliveryYear)
  const allowance = useQuery({
    ...outagePlanQueries.allowance({
      resourceId,
      deliveryYear,
      ...(application.kind !== 'cancel' &&
      typeof p.startAt === 'string' &&
      typeof p.endAt === 'string'
        ? {
            startAt: p.startAt,
            endAt: p.endAt,
            reducedKw: Number(p.reducedKw),
            ...(application.entityId ? { planId: application.entityId } : {}),
            applicationId: application.id,
          }
        : {}),
    }),
    enabled: !!resourceId && Number.isInteger(deliveryYear),
  })
  if (allowance.error) return <ApiErrorAlert error={allowance.error} />
  if (!allowance.data) return allowance.isPending && resourceId ? <Skeleton h={160} /> : null
  return <AllowancePanel allowance={allowance.data} />
}

/** 修正して再提出 of an outage plan registration or change: the 180 form from the proposed values. */
function OutagePlanCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const correct = useCorrect(application)
  const record = useQuery({
    ...outagePlanQueries.detail(application.entityId ?? ''),
    enabled: application.kind === 'change' && !!application.entityId,
  })
  if (application.kind === 'change' && record.error) return <ApiErrorAlert error={record.error} />
  if (application.kind === 'change' && !record.data) return <Skeleton h={240} />
  const resubmitting = application.state === 'returned'
  return (
    <OutagePlanForm
      record={application.kind === 'change' ? (record.data ?? null) : null}
      initial={application.proposed as Partial<OutagePlanRegisterInput>}
      busy={correct.isPending}
      error={correct.error}
      fileLabel={resubmitting ? t('applications.saveAndResubmit') : t('applications.saveDraft')}
      confirmDescription={t('outagePlans.form.resubmitConfirmDescription')}
      headingOrder={3}
      cancel={
        <Button variant="default" onClick={onCancel}>
          {t('applications.cancelCorrect')}
        </Button>
      }
      onFile={async (proposed) => {
        correct.reset()
        const updated = await correct.mutateAsync(proposed)
        onDone(updated.state === 'submitted')
      }}
    />
  )
}

/** Outage plan applications (180 register / change / cancel). */
export const outagePlanApplicationView: ApplicationView = {
  functionGroup: '180',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: {
    register: OutagePlanCorrection,
    change: OutagePlanCorrection,
    cancel: CancelReasonCorrection,
  },
  documents: [],
  issued(application, t) {
    const planNo = application.result?.planNo
    return typeof planNo === 'string' ? `${t('outagePlans.fields.planNo')} ${planNo}` : null
  },
  Extra: ProposedAllowance,
}
