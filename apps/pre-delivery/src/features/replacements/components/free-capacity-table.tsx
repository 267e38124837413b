import { Skeleton, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ApiErrorAlert, formatNumber, useTranslation } from '@yoryo/ui'
import { replacementQueries } from '../api.ts'

/**
 * The replacing resource's free capacity per month of the delivery year (approved expected
 * capacity − what it already carries) beside the contract's kW not yet replaced; the months of
 * the period are marked, red where `kw` does not fit. Shown while filing and to the reviewer.
 */
export function FreeCapacityTable({
  resourceCode,
  deliveryYear,
  contractId,
  period,
  kw,
}: {
  resourceCode: string
  deliveryYear: number
  contractId: string
  period: Set<string>
  kw: number | undefined
}) {
  const { t } = useTranslation()
  const free = useQuery(replacementQueries.free(resourceCode, deliveryYear, contractId))
  if (free.error) return <ApiErrorAlert error={free.error} />
  if (!free.data) return <Skeleton h={200} />
  const data = free.data
  return (
    <Stack gap="xs">
      <Text fz="sm">
        {data.resourceCode} {data.resourceName} · {t(`resources.area.${data.area}`)} ·{' '}
        {t(`resources.kind.${data.kind}`)}
        {' · '}
        {data.expectedKw === null
          ? t('replacements.form.noExpected', { year: data.deliveryYear })
          : t('replacements.form.expectedKw', { kw: formatNumber(data.expectedKw) })}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table
          withTableBorder
          aria-label={t('replacements.form.freeLabel')}
          data-testid="replacement-free"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('replacements.detail.month')}</Table.Th>
              <Table.Th ta="right">{t('replacements.form.carriedKw')}</Table.Th>
              <Table.Th ta="right">{t('replacements.form.freeKw')}</Table.Th>
              <Table.Th ta="right">{t('replacements.form.contractAvailableKw')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.months.map((m) => {
              const inPeriod = period.has(m.month)
              const short =
                inPeriod &&
                typeof kw === 'number' &&
                (m.freeKw < kw || (m.contractAvailableKw ?? kw) < kw)
              return (
                <Table.Tr key={m.month} bg={inPeriod ? (short ? 'red.0' : 'blue.0') : undefined}>
                  <Table.Td>
                    {m.month.replace('-', '/')}
                    {inPeriod ? ` (${t('replacements.form.inPeriod')})` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(m.carriedKw)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.freeKw)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.contractAvailableKw)}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
