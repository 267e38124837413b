import type { Application, ResourceKind } from '@yoryo/contracts'
import {
  CancelReasonCorrection,
  type ApplicationView,
  type ContentGroup,
  type Translate,
} from '@yoryo/ui'
import {
  COMMON_FIELDS,
  CODE_FIELDS,
  KIND_FIELDS,
  resourceDiffLabel,
  resourceFieldLabel,
  resourceValueText,
} from './values.ts'

function kindOf(values: Record<string, unknown> | null): ResourceKind | undefined {
  const kind = values?.kind
  return typeof kind === 'string' ? (kind as ResourceKind) : undefined
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const proposed = application.proposed
  if (application.kind === 'cancel') {
    return [
      {
        key: 'cancel',
        title: t('applications.detail.content'),
        rows: [
          {
            path: 'reason',
            label: t('resources.fields.reason'),
            current: '',
            proposed: String(proposed.reason ?? ''),
            changed: false,
            code: false,
          },
        ],
      },
    ]
  }
  const current = application.kind === 'change' ? (application.current ?? {}) : null
  const kind = kindOf(proposed) ?? 'stable'
  const changed = new Set(application.diff.map((d) => d.path))
  const row = (path: string, before: unknown, after: unknown) => ({
    path,
    label: resourceFieldLabel(path, t, kind),
    current: current ? resourceValueText(path, before, t) : '',
    proposed: resourceValueText(path, after, t),
    changed: current !== null && changed.has(path),
    code: CODE_FIELDS.has(path.split('.').at(-1) ?? path),
  })
  const field = (f: string) => row(f, current?.[f], proposed[f])
  const groups: ContentGroup[] = [
    {
      key: 'basic',
      title: t('resources.sections.basic'),
      rows: ['kind', ...COMMON_FIELDS].map(field),
    },
  ]
  if (KIND_FIELDS[kind].length > 0) {
    groups.push({
      key: 'capacity',
      title: t('resources.sections.capacity'),
      rows: KIND_FIELDS[kind].map(field),
    })
  }
  for (const list of ['members', 'sites'] as const) {
    const after = Array.isArray(proposed[list]) ? (proposed[list] as unknown[]) : null
    if (!after) continue
    const before = Array.isArray(current?.[list]) ? (current[list] as unknown[]) : []
    // A registration lists every element; a change the elements whose fields changed.
    const rows =
      current === null
        ? after.map((element, i) => row(`${list}[${i}]`, null, element))
        : application.diff
            .filter((d) => d.path.startsWith(`${list}[`))
            .map((d) => ({
              ...row(d.path, d.current, d.proposed),
              label: resourceDiffLabel(d, t, kind),
              changed: true,
            }))
    groups.push({
      key: list,
      title: `${t(`resources.sections.${list}`)}（${t('common.count', { count: after.length })}${
        current ? ` ← ${t('common.count', { count: before.length })}` : ''
      }）`,
      rows,
    })
  }
  return groups
}

/** How the application screens show and correct a resource application (050). */
export const resourceApplicationView: ApplicationView = {
  functionGroup: '050',
  contentGroups,
  fieldLabel: (path, t) => resourceFieldLabel(path, t),
  valueText: resourceValueText,
  corrections: { cancel: CancelReasonCorrection },
  documents: [],
  approveMessage: (application, t) =>
    application.kind === 'register'
      ? t('resources.approveRegister')
      : application.kind === 'change'
        ? t('resources.approveChange')
        : t('resources.approveCancel'),
  issued: (application) => {
    const result = application.result
    if (!result || typeof result.resourceCode !== 'string') return null
    return typeof result.documentNo === 'string'
      ? `${result.resourceCode}（${result.documentNo}）`
      : result.resourceCode
  },
}
