import { Button, Skeleton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  expectedCapacityOverridesSchema,
  type Application,
  type ExpectedCapacityChangeInput,
  type ExpectedCapacityRegisterInput,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  CancelReasonCorrection,
  useCorrect,
  useTranslation,
  type ApplicationView,
  type ContentGroup,
  type CorrectionPanelProps,
  type Translate,
} from '@yoryo/ui'
import { expectedCapacityQueries } from './api.ts'
import { CalculationPanel } from './components/calculation-panel.tsx'
import { ExpectedCapacityForm } from './components/expected-capacity-form.tsx'

const OVERRIDE_FIELDS = ['installedKw', 'houseLoadPercent', 'storageHours', 'offerableKw'] as const

function fieldLabel(path: string, t: Translate): string {
  const field = path.split('.').at(-1) ?? path
  if ((OVERRIDE_FIELDS as readonly string[]).includes(field)) {
    return `${t(`expectedCapacity.calculation.${field as (typeof OVERRIDE_FIELDS)[number]}`)}（${t('expectedCapacity.calculation.overridden')}）`
  }
  switch (field) {
    case 'resourceId':
      return t('expectedCapacity.fields.resource')
    case 'deliveryYear':
      return t('expectedCapacity.fields.deliveryYear')
    case 'note':
      return t('expectedCapacity.fields.note')
    case 'afterAuction':
      return t('expectedCapacity.fields.afterAuction')
    case 'evidenceAttachmentIds':
      return t('expectedCapacity.form.evidence')
    case 'expectedKw':
      return t('expectedCapacity.fields.expectedKw')
    case 'changedExpectedKw':
      return t('expectedCapacity.fields.changedExpectedKw')
    case 'reason':
      return t('applications.detail.cancelReason')
    default:
      return path
  }
}

function valueText(path: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return ''
  const field = path.split('.').at(-1) ?? path
  if (field === 'deliveryYear' && typeof value === 'number') {
    return t('expectedCapacity.fiscalYear', { year: value })
  }
  if (typeof value === 'boolean') return value ? '✓' : '—'
  if (Array.isArray(value)) return String(value.length)
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return JSON.stringify(value)
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const p = application.proposed
  const changed = new Set(application.diff.map((d) => d.path))
  const current = application.current ?? {}
  const overrides = expectedCapacityOverridesSchema.catch({}).parse(p.overrides ?? {})
  const currentOverrides = expectedCapacityOverridesSchema.catch({}).parse(current.overrides ?? {})
  const row = (path: string, cur: unknown, value: unknown) => ({
    path,
    label: fieldLabel(path, t),
    current: valueText(path, cur, t),
    proposed: valueText(path, value, t),
    // A registration has nothing to differ from.
    changed: application.kind === 'change' && changed.has(path),
    code: path === 'resourceId',
  })
  if (application.kind === 'cancel') {
    return [
      {
        key: 'cancel',
        title: t('applications.detail.content'),
        rows: [row('reason', null, p.reason)],
      },
    ]
  }
  const rows = [
    ...(application.kind === 'register'
      ? [row('resourceId', null, p.resourceId), row('deliveryYear', null, p.deliveryYear)]
      : [
          row('deliveryYear', current.deliveryYear, current.deliveryYear),
          row('afterAuction', null, p.afterAuction),
        ]),
    ...OVERRIDE_FIELDS.filter(
      (f) => overrides[f] !== undefined || currentOverrides[f] !== undefined,
    ).map((f) => row(`overrides.${f}`, currentOverrides[f], overrides[f])),
    row('evidenceAttachmentIds', current.evidenceAttachmentIds, p.evidenceAttachmentIds),
    row('note', current.note, p.note),
  ]
  return [{ key: 'expectedCapacity', title: t('applications.detail.content'), rows }]
}

/**
 * How the proposed values compute, for the reviewer (and the applicant): the same calculation
 * the API runs on approval, with the factor table version in force now.
 */
function ProposedCalculation({ application }: { application: Application }) {
  const p = application.proposed
  const current = application.current ?? {}
  const record = useQuery({
    ...expectedCapacityQueries.detail(application.entityId ?? ''),
    enabled: application.kind !== 'register' && !!application.entityId,
  })
  const resourceId =
    application.kind === 'register' ? String(p.resourceId ?? '') : (record.data?.resource.id ?? '')
  const deliveryYear = Number(
    application.kind === 'register'
      ? p.deliveryYear
      : (current.deliveryYear ?? record.data?.deliveryYear),
  )
  const calculation = useQuery({
    ...expectedCapacityQueries.calculation({
      resourceId,
      deliveryYear,
      overrides: expectedCapacityOverridesSchema.catch({}).parse(p.overrides ?? {}),
    }),
    enabled: application.kind !== 'cancel' && !!resourceId && Number.isInteger(deliveryYear),
  })
  if (application.kind === 'cancel') return null
  if (calculation.error) return <ApiErrorAlert error={calculation.error} />
  if (!calculation.data) return calculation.isPending && resourceId ? <Skeleton h={240} /> : null
  return <CalculationPanel calculation={calculation.data} />
}

/**
 * 修正して再提出 of an expected capacity registration or change (070, 841): the 070 form started
 * from the proposed values, 確認 with the calculation, then resubmitted (a draft is saved), as the
 * resources' correction does.
 */
function ExpectedCapacityCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const correct = useCorrect(application)
  const record = useQuery({
    ...expectedCapacityQueries.detail(application.entityId ?? ''),
    enabled: application.kind === 'change' && !!application.entityId,
  })
  if (application.kind === 'change' && record.error) return <ApiErrorAlert error={record.error} />
  if (application.kind === 'change' && !record.data) return <Skeleton h={240} />
  const resubmitting = application.state === 'returned'
  return (
    <ExpectedCapacityForm
      record={application.kind === 'change' ? (record.data ?? null) : null}
      initial={
        application.proposed as Partial<ExpectedCapacityRegisterInput & ExpectedCapacityChangeInput>
      }
      busy={correct.isPending}
      error={correct.error}
      fileLabel={resubmitting ? t('applications.saveAndResubmit') : t('applications.saveDraft')}
      confirmDescription={t('expectedCapacity.form.resubmitConfirmDescription')}
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

/** Expected capacity applications (070 register / change / cancel, 841 change after the auction). */
export const expectedCapacityApplicationView: ApplicationView = {
  functionGroup: '070',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: {
    register: ExpectedCapacityCorrection,
    change: ExpectedCapacityCorrection,
    cancel: CancelReasonCorrection,
  },
  documents: [],
  issued(application, t) {
    const kw = application.result?.expectedKw ?? application.result?.changedExpectedKw
    return typeof kw === 'number' ? `${t('expectedCapacity.fields.expectedKw')} ${kw}` : null
  },
  Extra: ProposedCalculation,
}
