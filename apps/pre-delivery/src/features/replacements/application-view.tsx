import { Anchor, Stack, Title } from '@mantine/core'
import { deliveryYearOfMonth, monthsBetween, type Application } from '@yoryo/contracts'
import { useTranslation, type ApplicationView, type ContentGroup, type Translate } from '@yoryo/ui'
import { Link } from 'react-router'
import { FreeCapacityTable } from './components/free-capacity-table.tsx'
import { ReplacementReasonCorrection } from './components/reason-correction.tsx'

const FIELDS = [
  'contractNo',
  'resourceCode',
  'replacingResourceCode',
  'replacingParticipantCode',
  'kw',
  'fromMonth',
  'toMonth',
  'reason',
] as const
type Field = (typeof FIELDS)[number]

const LABEL_KEYS = {
  contractNo: 'replacements.fields.contractNo',
  resourceCode: 'replacements.fields.resourceCode',
  replacingResourceCode: 'replacements.fields.replacingResourceCode',
  replacingParticipantCode: 'replacements.fields.replacingParticipant',
  kw: 'replacements.fields.kw',
  fromMonth: 'replacements.fields.fromMonth',
  toMonth: 'replacements.fields.toMonth',
  reason: 'replacements.fields.reason',
} as const satisfies Record<Field, string>

function fieldLabel(path: string, t: Translate): string {
  const field = path.split('.').at(-1) ?? path
  return field in LABEL_KEYS ? t(LABEL_KEYS[field as Field]) : path
}

function valueText(_path: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value.toLocaleString('ja-JP')
  return String(value)
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const p = application.proposed
  return [
    {
      key: 'replacement',
      title: t('applications.detail.content'),
      rows: FIELDS.map((f) => ({
        path: f,
        label: fieldLabel(f, t),
        current: '',
        proposed: valueText(f, p[f]),
        changed: false,
        code: f === 'contractNo' || f === 'resourceCode' || f === 'replacingResourceCode',
      })),
    },
  ]
}

/**
 * For the reviewer: the replacing resource's free capacity per month now (the approval checks
 * the same numbers again), and the replacement's own screen with its allocation by month.
 */
function ReplacementExtra({ application }: { application: Application }) {
  const { t } = useTranslation()
  const p = application.proposed as Record<string, unknown>
  const fromMonth = String(p.fromMonth ?? '')
  const toMonth = String(p.toMonth ?? '')
  if (!/^\d{4}-\d{2}$/.test(fromMonth) || !/^\d{4}-\d{2}$/.test(toMonth)) return null
  return (
    <section aria-labelledby="replacement-extra">
      <Stack gap="xs">
        <Title order={2} id="replacement-extra" className="yoryo-section-title">
          {t('replacements.form.freeTitle')}
        </Title>
        <Anchor component={Link} to={`/replacements/${String(p.replacementId)}`} fz="sm">
          {t('replacements.detail.openReplacement')}
        </Anchor>
        {application.state === 'approved' ? null : (
          <FreeCapacityTable
            resourceCode={String(p.replacingResourceCode ?? '')}
            deliveryYear={deliveryYearOfMonth(fromMonth)}
            contractId={String(p.contractId ?? '')}
            period={new Set(monthsBetween(fromMonth, toMonth))}
            kw={typeof p.kw === 'number' ? p.kw : undefined}
          />
        )}
      </Stack>
    </section>
  )
}

/**
 * 電源等差替 (160) in the application screens: the terms the contract holder filed (and the
 * counterparty consented to). A returned one is corrected in its reason only (the terms cannot
 * change once consented, E-RPL-020) and resubmitted, or withdrawn.
 */
export const replacementApplicationView: ApplicationView = {
  functionGroup: '160',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: { register: ReplacementReasonCorrection },
  documents: [],
  Extra: ReplacementExtra,
  approveMessage: (application, t) =>
    t('replacements.approveMessage', { contractNo: String(application.proposed.contractNo ?? '') }),
  issued: (application, t) => {
    const r = application.result
    if (!r || r.amendmentSeq === undefined) return null
    return t('replacements.issued', {
      contractNo: String(r.contractNo ?? ''),
      seq: String(r.amendmentSeq),
    })
  },
}
