import { successionKinds, type Application, type SuccessionKind } from '@yoryo/contracts'
import type { ApplicationView, ContentGroup, Translate } from '@yoryo/ui'

/**
 * Succession, merger and exit applications (G50, register only): the delivery SPA has the
 * screens (`/delivery/successions/:id`); here the review screen shows the terms.
 */
const FIELDS = [
  'successionNo',
  'kind',
  'participantCode',
  'toParticipantCode',
  'effectiveMonth',
  'resourceCodes',
  'contractNos',
  'reason',
] as const
type Field = (typeof FIELDS)[number]

const LABEL_KEYS = {
  successionNo: 'successions.columns.successionNo',
  kind: 'successions.fields.kind',
  participantCode: 'successions.columns.from',
  toParticipantCode: 'successions.columns.to',
  effectiveMonth: 'successions.fields.effectiveMonth',
  resourceCodes: 'successions.fields.resources',
  contractNos: 'successions.fields.contractNos',
  reason: 'successions.fields.reason',
} as const satisfies Record<Field, string>

function fieldLabel(path: string, t: Translate): string {
  const field = path.split('.').at(-1) ?? path
  return field in LABEL_KEYS ? t(LABEL_KEYS[field as Field]) : path
}

function valueText(path: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined) return ''
  if (path === 'kind' && successionKinds.includes(value as SuccessionKind)) {
    return t(`successions.kind.${value as SuccessionKind}`)
  }
  if (Array.isArray(value)) return value.map(String).join(', ')
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const p = application.proposed
  return [
    {
      key: 'succession',
      title: t('successions.application.content'),
      rows: FIELDS.map((f) => ({
        path: f,
        label: fieldLabel(f, t),
        current: '',
        proposed: valueText(f, p[f], t),
        changed: false,
        code: f === 'successionNo' || f === 'resourceCodes' || f === 'contractNos',
      })),
    },
  ]
}

export const successionApplicationView: ApplicationView = {
  functionGroup: 'G50',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: {},
  documents: [],
  approveMessage: (_application, t) => t('successions.application.approveMessage'),
  issued(application, t) {
    const no = application.result?.successionNo
    const contracts = application.result?.contracts
    return typeof no === 'string' && typeof contracts === 'number'
      ? t('successions.application.issued', { no, contracts })
      : null
  },
}
