import { ActionIcon, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import type { AdjustmentFactorRow, DispatchOrderFactorRow } from '@yoryo/contracts'
import { TrashIcon, useTranslation } from '@yoryo/ui'
import type { ReactNode } from 'react'

type Factor = number | ''

/**
 * The two tables of a factor table version; `cell` renders a factor (text or an input). In the
 * revision form, `onRemove` adds a delete button per row and `add` the row-adding controls below
 * each table.
 */
export function FactorRows({
  adjustmentFactors,
  dispatchOrderFactors,
  cell = (factor) => String(factor),
  onRemove,
  add,
}: {
  adjustmentFactors: readonly (Omit<AdjustmentFactorRow, 'factor'> & { factor: Factor })[]
  dispatchOrderFactors: readonly (Omit<DispatchOrderFactorRow, 'factor'> & { factor: Factor })[]
  cell?: (factor: Factor, key: string) => ReactNode
  onRemove?: (key: string) => void
  add?: { adjustment: ReactNode; dispatchOrder: ReactNode }
}) {
  const { t } = useTranslation()
  const removeHeader = onRemove ? (
    <Table.Th w={48}>
      <VisuallyHidden>{t('factorTables.form.removeRow')}</VisuallyHidden>
    </Table.Th>
  ) : null
  const remove = (key: string, label: string) =>
    onRemove ? (
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`${label} ${t('factorTables.form.removeRow')}`}
          onClick={() => onRemove(key)}
          data-testid={`factor-remove-${key}`}
        >
          <TrashIcon />
        </ActionIcon>
      </Table.Td>
    ) : null
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
              {removeHeader}
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
                {remove(
                  `adjustmentFactors.${i}`,
                  `${t(`resources.area.${row.area}`)} ${t(`resources.generationType.${row.generationType}`)} ${row.deliveryYear}`,
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {add?.adjustment}
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
              {removeHeader}
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
                {remove(
                  `dispatchOrderFactors.${i}`,
                  `${t(`resources.area.${row.area}`)} ${row.deliveryYear}`,
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {add?.dispatchOrder}
      {adjustmentFactors.length + dispatchOrderFactors.length === 0 ? (
        <Text c="dimmed">{t('factorTables.list.empty')}</Text>
      ) : null}
    </>
  )
}
