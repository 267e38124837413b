import { Button } from '@mantine/core'
import type { Application, ResourceInput, ResourceKind } from '@yoryo/contracts'
import {
  CancelReasonCorrection,
  useCorrect,
  useTranslation,
  type ApplicationView,
  type ContentGroup,
  type CorrectionPanelProps,
  type Translate,
} from '@yoryo/ui'
import { ResourceForm } from './components/resource-form.tsx'
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

/**
 * 修正して再提出 of a resource registration or change (050): the kind's form started from the
 * proposed values, 確認 (the difference from the resource for a change), then resubmitted; a
 * draft is saved at once.
 */
function ResourceCorrection({ application, onDone, onCancel }: CorrectionPanelProps) {
  const { t } = useTranslation()
  const correct = useCorrect(application)
  const resubmitting = application.state === 'returned'
  const current =
    application.kind === 'change' && application.current
      ? (application.current as ResourceInput)
      : undefined
  return (
    <ResourceForm
      initial={application.proposed as ResourceInput}
      current={current}
      busy={correct.isPending}
      error={correct.error}
      confirmStep={resubmitting}
      fileLabel={resubmitting ? t('applications.saveAndResubmit') : t('applications.saveDraft')}
      confirmDescription={t('resources.form.resubmitConfirmDescription')}
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

/** How the application screens show and correct a resource application (050). */
export const resourceApplicationView: ApplicationView = {
  functionGroup: '050',
  contentGroups,
  fieldLabel: (path, t, change) =>
    change ? resourceDiffLabel(change, t) : resourceFieldLabel(path, t),
  valueText: resourceValueText,
  corrections: {
    register: ResourceCorrection,
    change: ResourceCorrection,
    cancel: CancelReasonCorrection,
  },
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
