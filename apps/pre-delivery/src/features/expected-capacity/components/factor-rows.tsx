import { Table, Text, Title } from '@mantine/core'
import type { AdjustmentFactorRow, DispatchOrderFactorRow } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'

/** The two tables of a factor table version; `cell` renders a factor (text or an input). */
export function FactorRows({
  adjustmentFactors,
  dispatchOrderFactors,
  cell = (factor) => String(factor),
}: {
  adjustmentFactors: readonly AdjustmentFactorRow[]
  dispatchOrderFactors: readonly DispatchOrderFactorRow[]
  cell?: (factor: number, key: string) => ReactNode
}) {
  const { t } = useTranslation()
  return (
    <>
      <Title order={2} className="yoryo-section-title">
        {t('factorTables.adjustment')}
      </Title>
      <div className="yoryo-table-scroll">
        <Table withTableBorder striped fz="sm" data-testid="factor-adjustment">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('factorTables.fields.area')}</Table.Th>
              <Table.Th>{t('factorTables.fields.generationType')}</Table.Th>
              <Table.Th>{t('factorTables.fields.deliveryYear')}</Table.Th>
              <Table.Th ta="right">{t('factorTables.fields.factor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {adjustmentFactors.map((row, i) => (
              <Table.Tr key={`${row.area}/${row.generationType}/${row.deliveryYear}`}>
                <Table.Td>{t(`resources.area.${row.area}`)}</Table.Td>
                <Table.Td>{t(`resources.generationType.${row.generationType}`)}</Table.Td>
                <Table.Td>{t('expectedCapacity.fiscalYear', { year: row.deliveryYear })}</Table.Td>
                <Table.Td ta="right" className="yoryo-tabular">
                  {cell(row.factor, `adjustmentFactors.${i}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Title order={2} className="yoryo-section-title">
        {t('factorTables.dispatchOrder')}
      </Title>
      <div className="yoryo-table-scroll">
        <Table withTableBorder striped fz="sm" data-testid="factor-dispatch-order">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('factorTables.fields.area')}</Table.Th>
              <Table.Th>{t('factorTables.fields.deliveryYear')}</Table.Th>
              <Table.Th ta="right">{t('factorTables.fields.factor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dispatchOrderFactors.map((row, i) => (
              <Table.Tr key={`${row.area}/${row.deliveryYear}`}>
                <Table.Td>{t(`resources.area.${row.area}`)}</Table.Td>
                <Table.Td>{t('expectedCapacity.fiscalYear', { year: row.deliveryYear })}</Table.Td>
                <Table.Td ta="right" className="yoryo-tabular">
                  {cell(row.factor, `dispatchOrderFactors.${i}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {adjustmentFactors.length + dispatchOrderFactors.length === 0 ? (
        <Text c="dimmed">{t('factorTables.list.empty')}</Text>
      ) : null}
    </>
  )
}
