import { Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { jstDateOf, marketExitProposedSchema, type Application } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  formatNumber,
  useTranslation,
  type ApplicationView,
  type ContentGroup,
  type Translate,
} from '@yoryo/ui'
import { penaltyQueries } from './api.ts'
import { CalculationLines } from './components/calculation-lines.tsx'

const FIELDS = ['contractId', 'scope', 'kw', 'reason'] as const

function fieldLabel(path: string, t: Translate): string {
  switch (path) {
    case 'contractId':
      return t('penaltyFactors.application.contract')
    case 'scope':
      return t('penaltyFactors.application.scope')
    case 'kw':
      return t('penaltyFactors.application.kw')
    case 'reason':
      return t('penaltyFactors.application.reason')
    default:
      return path
  }
}

function valueText(path: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return ''
  if (path === 'scope' && (value === 'all' || value === 'part')) {
    return t(`penaltyFactors.scope.${value}`)
  }
  if (path === 'kw' && typeof value === 'number') return formatNumber(value)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function contentGroups(application: Application, t: Translate): ContentGroup[] {
  const p = application.proposed
  return [
    {
      key: 'marketExit',
      title: t('penaltyFactors.application.content'),
      rows: FIELDS.map((path) => ({
        path,
        label: fieldLabel(path, t),
        current: '',
        proposed: valueText(path, p[path], t),
        changed: false,
        code: path === 'contractId',
      })),
    },
  ]
}

/**
 * The contract and the penalty the exit would cost if approved now (the reviewer and the
 * applicant see the same calculation the approval runs, by the filing date).
 */
function ExitPenalty({ application }: { application: Application }) {
  const { t } = useTranslation()
  const proposed = marketExitProposedSchema.safeParse(application.proposed)
  const open = application.state !== 'approved' && application.state !== 'rejected'
  const occurredOn = jstDateOf(new Date(application.submittedAt ?? application.createdAt))
  const calculation = useQuery({
    ...penaltyQueries.calculation({
      contractId: proposed.data?.contractId ?? '',
      factorType: 'marketExit',
      kw: proposed.data?.kw ?? 0,
      occurredOn,
    }),
    enabled: proposed.success && open && application.state !== 'withdrawn',
  })
  if (!proposed.success || !open || application.state === 'withdrawn') return null
  if (calculation.error) return <ApiErrorAlert error={calculation.error} />
  if (!calculation.data) return <Skeleton h={200} />
  return (
    <Stack gap="xs">
      <CalculationLines
        calculation={calculation.data}
        title={t('penaltyFactors.exitForm.penalty')}
      />
      <Text fz="sm" c="dimmed">
        {t('penaltyFactors.detail.formula')}
      </Text>
    </Stack>
  )
}

/** Market exit applications (190, register only). */
export const marketExitApplicationView: ApplicationView = {
  functionGroup: '190',
  contentGroups,
  fieldLabel,
  valueText,
  corrections: {},
  documents: [],
  approveMessage(application, t) {
    const all = application.proposed.scope === 'all'
    return t('penaltyFactors.application.approveMessage', {
      action: t(all ? 'penaltyFactors.application.terminate' : 'penaltyFactors.application.amend'),
    })
  },
  issued(application, t) {
    const factorNo = application.result?.factorNo
    const amount = application.result?.amount
    return typeof factorNo === 'string' && typeof amount === 'number'
      ? t('penaltyFactors.application.issued', { factorNo, amount: formatNumber(amount) })
      : null
  },
  Extra: ExitPenalty,
}
