import { Anchor, Badge, Button } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { factorTableSortFields, type FactorTableSummary } from '@yoryo/contracts'
import {
  ListScreen,
  Page,
  createColumnHelper,
  exportFileName,
  formatDateTime,
  useListState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate } from 'react-router'
import { FACTOR_TABLES_PATH, expectedCapacityQueries } from '../api.ts'

const column = createColumnHelper<FactorTableSummary>()

/** 070 係数表: the versions of the factor tables; the operator revises them. */
export function FactorTablesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const state = useListState(factorTableSortFields)
  const list = useQuery(
    expectedCapacityQueries.factorTables({
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )
  const columns = useMemo(
    () => [
      column.accessor('versionNo', {
        header: t('factorTables.fields.versionNo'),
        cell: (info) => (
          <Anchor
            component={Link}
            to={`/factor-tables/${info.row.original.id}`}
            fz="sm"
            tabIndex={-1}
          >
            {t('factorTables.version', { versionNo: info.getValue() })}
          </Anchor>
        ),
        meta: { width: 90, nowrap: true },
      }),
      column.display({
        id: 'current',
        header: t('factorTables.fields.current'),
        cell: (info) =>
          info.row.original.current ? (
            <Badge size="sm" variant="light" color="green">
              {t('factorTables.currentBadge')}
            </Badge>
          ) : (
            <Badge size="sm" variant="light" color="gray">
              {t('factorTables.supersededBadge')}
            </Badge>
          ),
        meta: { width: 90, nowrap: true },
      }),
      column.accessor('note', { header: t('factorTables.fields.note') }),
      column.display({
        id: 'counts',
        header: t('factorTables.fields.counts'),
        cell: (info) =>
          t('factorTables.counts', {
            adjustment: info.row.original.adjustmentFactorCount,
            dispatchOrder: info.row.original.dispatchOrderFactorCount,
          }),
      }),
      column.accessor('createdByName', {
        header: t('factorTables.fields.createdByName'),
        meta: { width: 140 },
      }),
      column.accessor('createdAt', {
        header: t('factorTables.fields.createdAt'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { width: 150, nowrap: true },
      }),
    ],
    [t],
  )
  return (
    <Page
      functionCode="070"
      title={t('functions.factorTables')}
      description={t('factorTables.description')}
      actions={
        session.user.role === 'operator' ? (
          <Button component={Link} to="/factor-tables/new" data-testid="factor-new">
            {t('factorTables.newVersion')}
          </Button>
        ) : null
      }
    >
      <ListScreen
        state={state}
        result={list}
        title={t('factorTables.list.tableLabel')}
        columns={columns}
        getRowId={(row) => row.id}
        onRowActivate={(row) => void navigate(`/factor-tables/${row.id}`)}
        emptyMessage={t('factorTables.list.empty')}
        csv={{ path: FACTOR_TABLES_PATH, query: {}, fileName: exportFileName('factor-tables') }}
        testId="factor-table-list"
      />
    </Page>
  )
}
