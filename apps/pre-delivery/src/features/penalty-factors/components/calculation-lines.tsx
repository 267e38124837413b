import { Paper, Stack, Text, Title } from '@mantine/core'
import type { PenaltyCalculation, PenaltyCalculationLine } from '@yoryo/contracts'
import { ValueRow, formatDate, formatNumber, useTranslation, type Translate } from '@yoryo/ui'

/** A calculation line's value as shown: numbers grouped, the rate in percent, the deadline with
 * whether the factor occurred before or after it. */
export function lineValue(
  line: PenaltyCalculationLine,
  calculation: Pick<PenaltyCalculation, 'afterDeadline'>,
  t: Translate,
): string {
  switch (line.item) {
    case 'rate':
      return `${formatNumber(Number(line.value) * 100, 2).replace(/\.?0+$/, '')} %`
    case 'deadline':
      return `${formatDate(line.value)}（${t(
        calculation.afterDeadline
          ? 'penaltyFactors.lines.afterDeadline'
          : 'penaltyFactors.lines.beforeDeadline',
      )}）`
    case 'refund':
      return `△ ${formatNumber(Number(line.value))}`
    default:
      return formatNumber(Number(line.value))
  }
}

/**
 * The calculation of a penalty factor line by line, as the rules engine returned it (the same
 * lines the notice prints); a refunded amount is struck through.
 */
export function CalculationLines({
  calculation,
  title,
  testId = 'pen-calculation',
}: {
  calculation: PenaltyCalculation
  title?: string
  testId?: string
}) {
  const { t } = useTranslation()
  const refunded = calculation.refundAmount > 0
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} className="yoryo-section-title">
          {title ?? t('penaltyFactors.detail.calculation')}
        </Title>
        <dl className="yoryo-dl-table">
          {calculation.lines.map((line) => (
            <ValueRow
              key={line.item}
              label={t(`penaltyFactors.lines.${line.item}`)}
              testId={`pen-line-${line.item}`}
              value={
                line.item === 'grossAmount' && refunded ? (
                  <s>{lineValue(line, calculation, t)}</s>
                ) : (
                  lineValue(line, calculation, t)
                )
              }
            />
          ))}
        </dl>
        {calculation.rate !== null ? (
          <Text fz="sm" c="dimmed">
            {t('penaltyFactors.detail.formula')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
