import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ExpectedCapacityCalculation } from '@yoryo/contracts'
import { ValueRow, formatNumber, useTranslation } from '@yoryo/ui'

const FORMULA = {
  stable: 'formulaStable',
  variableSingle: 'formulaVariableSingle',
  variableAggregate: 'formulaVariableAggregate',
  dispatchOrder: 'formulaDispatchOrder',
} as const

/** A number with at most 4 decimals as written (`0.0825`). */
const factorText = (value: number | null) => (value === null ? '' : String(value))

/**
 * How an expected capacity is (or was) computed: the inputs (overridden ones marked), the
 * factor and its table version, the exact product, the truncation and the result; when the
 * resource is not eligible or no result can be computed, the catalogue message says why.
 */
export function CalculationPanel({
  calculation,
  title,
  testId = 'ec-calculation',
}: {
  calculation: ExpectedCapacityCalculation
  title?: string
  testId?: string
}) {
  const { t } = useTranslation()
  const c = calculation
  const overridden = new Set<string>(c.overridden)
  const kw = (value: number | null) => (value === null ? '' : formatNumber(value))
  const input = (key: 'installedKw' | 'houseLoadPercent' | 'storageHours' | 'offerableKw') => {
    const value = c.inputs[key]
    if (value === null) return null
    return (
      <ValueRow
        key={key}
        label={t(`expectedCapacity.calculation.${key}`)}
        testId={`ec-input-${key}`}
        value={
          <Group gap="xs" component="span">
            <span>
              {key === 'houseLoadPercent' || key === 'storageHours' ? String(value) : kw(value)}
            </span>
            {overridden.has(key) ? (
              <Badge size="sm" variant="light" color="orange">
                {t('expectedCapacity.calculation.overridden')}
              </Badge>
            ) : null}
          </Group>
        }
      />
    )
  }
  const factorLabel =
    c.kind === 'dispatchOrder'
      ? t('expectedCapacity.calculation.dispatchOrderFactor')
      : t('expectedCapacity.calculation.adjustmentFactor')
  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} className="yoryo-section-title">
          {title ?? t('expectedCapacity.calculation.title')}
        </Title>
        <dl className="yoryo-dl-table">
          <ValueRow
            label={t('expectedCapacity.fields.kind')}
            value={t(`resources.kind.${c.kind}`)}
          />
          <ValueRow
            label={t('expectedCapacity.fields.area')}
            value={t(`resources.area.${c.area}`)}
          />
          <ValueRow
            label={t('expectedCapacity.fields.deliveryYear')}
            value={t('expectedCapacity.fiscalYear', { year: c.deliveryYear })}
          />
          <ValueRow
            label={t('expectedCapacity.calculation.formula')}
            value={t(`expectedCapacity.calculation.${FORMULA[c.kind]}`)}
          />
          {input('installedKw')}
          {input('houseLoadPercent')}
          {input('storageHours')}
          {input('offerableKw')}
          {c.kind === 'variableSingle' || c.kind === 'dispatchOrder' ? (
            <ValueRow
              label={factorLabel}
              value={factorText(c.adjustmentFactor)}
              testId="ec-factor"
            />
          ) : null}
          <ValueRow
            label={t('expectedCapacity.calculation.factorTable')}
            testId="ec-factor-table"
            value={
              c.kind === 'stable'
                ? t('expectedCapacity.calculation.notUsed')
                : c.factorTable
                  ? t('expectedCapacity.calculation.factorTableVersion', {
                      versionNo: c.factorTable.versionNo,
                    })
                  : ''
            }
          />
          {c.exactKw !== null ? (
            <ValueRow
              label={t('expectedCapacity.calculation.exact')}
              value={`${c.exactKw} kW（${t('expectedCapacity.calculation.rounding')}）`}
              testId="ec-exact"
            />
          ) : null}
          <ValueRow
            label={t('expectedCapacity.calculation.result')}
            value={c.expectedKw === null ? '' : `${kw(c.expectedKw)} kW`}
            testId="ec-expected-kw"
          />
        </dl>
        {c.kind === 'variableAggregate' && c.inputs.members.length > 0 ? (
          <Table withTableBorder fz="sm" data-testid="ec-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('expectedCapacity.calculation.memberName')}</Table.Th>
                <Table.Th>{t('expectedCapacity.calculation.memberType')}</Table.Th>
                <Table.Th ta="right">{t('expectedCapacity.calculation.memberKw')}</Table.Th>
                <Table.Th ta="right">{t('expectedCapacity.calculation.memberFactor')}</Table.Th>
                <Table.Th ta="right">{t('expectedCapacity.calculation.memberExpected')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.inputs.members.map((m, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{t(`resources.generationType.${m.generationType}`)}</Table.Td>
                  <Table.Td ta="right">{kw(m.installedKw)}</Table.Td>
                  <Table.Td ta="right">{factorText(m.adjustmentFactor)}</Table.Td>
                  <Table.Td ta="right">{kw(m.expectedKw)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {c.expectedKw === null ? (
          <Alert
            color="red"
            title={t('expectedCapacity.calculation.notComputable')}
            data-testid="ec-reason"
          >
            <Text fz="sm">{c.message}</Text>
          </Alert>
        ) : c.eligible ? (
          <Text fz="sm" c="teal.9" data-testid="ec-eligible">
            {t('expectedCapacity.calculation.eligible')}
          </Text>
        ) : (
          <Alert
            color="orange"
            title={t('expectedCapacity.calculation.notEligible')}
            data-testid="ec-reason"
          >
            <Text fz="sm">
              {c.message} {c.messageId ? `(${c.messageId})` : ''}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
