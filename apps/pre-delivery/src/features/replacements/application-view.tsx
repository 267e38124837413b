import type { Application } from '@yoryo/contracts'
import { type ApplicationView, type ContentGroup, type Translate } from '@yoryo/ui'

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
 * 電源等差替 (160) in the application screens: the terms the contract holder filed (and the
 * counterparty consented to). No correction panel: the terms cannot change once consented
 * (E-RPL-020); a returned replacement is resubmitted as it is or withdrawn.
 */
export const replacementApplicationView: ApplicationView = {
  functionGroup: '160',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: {},
  documents: [],
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
