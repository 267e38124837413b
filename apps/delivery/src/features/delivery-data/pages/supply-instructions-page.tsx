import { Checkbox, Group, Paper, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { supplyInstructionSortFields, type SupplyInstructionSlot } from '@yoryo/contracts'
import {
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDate,
  formatNumber,
  readId,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { deliveryDataPaths, deliveryDataQueries, readMonth } from '../api.ts'
import { MonthSelect } from '../components/month-select.tsx'
import { ResourceSelect } from '../components/resource-select.tsx'

const column = createColumnHelper<SupplyInstructionSlot>()

/**
 * B70 供給指示対応実績確認 (`/supply-instructions`): the instructed slots of a month with the
 * delivered kW and the shortfall, for all the caller's resources or one.
 */
export function SupplyInstructionsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const ownOnly = session.user.role !== 'operator' && session.user.role !== 'tso'
  const state = useListState(supplyInstructionSortFields)
  const resourceId = readId(state.params, 'resource') ?? ''
  const month = readMonth(state.params)
  const shortfall = state.params.get('shortfall') === 'true'
  const params = {
    month,
    resourceId: resourceId || undefined,
    shortfall: shortfall ? 'true' : undefined,
  }
  const list = useQuery(
    deliveryDataQueries.supplyInstructions({
      ...params,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('date', {
        header: t('deliveryData.fields.date'),
        cell: (info) => formatDate(info.getValue()),
        meta: { widthClass: 'date', tabular: true },
      }),
      column.accessor('time', {
        header: t('deliveryData.fields.time'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'label', tabular: true },
      }),
      column.accessor('resourceCode', {
        header: t('deliveryData.fields.resourceCode'),
        cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
        meta: { widthClass: 'id' },
      }),
      column.accessor('resourceName', {
        header: t('deliveryData.fields.resourceName'),
        cell: (info) => info.getValue(),
        meta: { widthClass: 'name' },
      }),
      ...(ownOnly
        ? []
        : [
            column.accessor('participantCode', {
              header: t('deliveryData.fields.participantCode'),
              cell: (info) => <span className="yoryo-code">{info.getValue()}</span>,
              meta: { widthClass: 'code' },
            }),
          ]),
      column.accessor('instructedKw', {
        header: t('deliveryData.instructions.instructedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('deliveredKw', {
        header: t('deliveryData.instructions.deliveredKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { widthClass: 'amount', numeric: true },
      }),
      column.accessor('shortfallKw', {
        header: t('deliveryData.instructions.shortfallKw'),
        cell: (info) => (
          <Text
            fz="sm"
            component="span"
            c={info.getValue() > 0 ? 'red.8' : undefined}
            fw={info.getValue() > 0 ? 600 : undefined}
          >
            {formatNumber(info.getValue())}
          </Text>
        ),
        meta: { widthClass: 'amount', numeric: true },
      }),
    ],
    [t, ownOnly],
  )
  return (
    <Page
      functionCode="B70"
      title={t('functions.supplyInstructions')}
      description={t('deliveryData.instructions.description')}
    >
      <Paper withBorder p="md" className="yoryo-panel" mb="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <ResourceSelect
            base={deliveryDataPaths.supplyInstructions}
            value={resourceId}
            onChange={(id) => state.update({ resource: id })}
            withAll
          />
          <MonthSelect value={month} onChange={(next) => state.update({ month: next })} />
          <Checkbox
            label={t('deliveryData.instructions.shortfallOnly')}
            checked={shortfall}
            onChange={(e) => state.update({ shortfall: e.currentTarget.checked ? 'true' : '' })}
            mb={8}
            data-testid="instruction-shortfall"
          />
        </Group>
      </Paper>
      <ListScreen
        state={state}
        result={list}
        title={t('deliveryData.instructions.table')}
        columns={columns}
        getRowId={(row) => `${row.resourceId}-${row.date}-${row.slot}`}
        emptyMessage={t('deliveryData.instructions.empty')}
        csv={{
          path: deliveryDataPaths.supplyInstructions,
          query: params,
          fileName: exportFileName('supply-instructions'),
        }}
        testId="instruction-slots"
      />
    </Page>
  )
}
