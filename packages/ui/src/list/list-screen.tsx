import { Group, Paper, Stack, Title } from '@mantine/core'
import { useId, useMemo, useState, type ReactNode } from 'react'
import type { QueryValue } from '../api/api-fetch.ts'
import { CsvExportMenu } from '../components/csv-export-menu.tsx'
import { DataTable, type DataTableProps } from '../components/data-table.tsx'
import { ListPager } from '../components/list-pager.tsx'
import { ApiErrorAlert } from '../messages/message-text.tsx'
import type { ListState } from './use-list-state.ts'

export interface ListScreenProps<T> {
  /** The list's state in the URL (`useListState`). */
  state: ListState
  /** The page being shown (a react-query result of the list endpoint). */
  result: {
    data?: { items: readonly T[]; total: number } | undefined
    error: unknown
    isPending: boolean
  }
  /** Heading of the list panel; also the table's accessible name. */
  title: string
  columns: DataTableProps<T>['columns']
  /** The filters (`FilterBar`), above the list. */
  filters?: ReactNode
  /** The CSV export of the same filter and sort: the list endpoint and its query (no paging). */
  csv?: { path: string; query: Record<string, QueryValue>; fileName: string }
  getRowId: (row: T) => string
  emptyMessage?: ReactNode
  onRowActivate?: (row: T) => void
  renderExpanded?: (row: T) => ReactNode
  rowClassName?: (row: T) => string | undefined
  testId?: string
}

/**
 * The one list screen of both SPAs: filters, the list panel with its CSV export, a table sorted
 * by the server on every column the API declares sortable (the others get no sort button), and
 * the pager. Paging, sorting and filters live in the URL (`useListState`).
 */
export function ListScreen<T>({
  state,
  result,
  title,
  columns,
  filters,
  csv,
  getRowId,
  emptyMessage,
  onRowActivate,
  renderExpanded,
  rowClassName,
  testId,
}: ListScreenProps<T>) {
  const titleId = useId()
  const [exportError, setExportError] = useState<unknown>(null)
  const sortable = useMemo(
    () =>
      columns.map((column) => {
        const id = column.id ?? ('accessorKey' in column ? String(column.accessorKey) : undefined)
        return { ...column, enableSorting: id !== undefined && state.sortFields.includes(id) }
      }),
    [columns, state.sortFields],
  )
  return (
    <Stack gap="sm">
      {filters}
      {exportError ? (
        <ApiErrorAlert error={exportError} withCloseButton onClose={() => setExportError(null)} />
      ) : null}
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby={titleId}
      >
        <Group justify="space-between" align="center" mb="sm" wrap="wrap">
          <Title order={2} id={titleId} className="yoryo-section-title">
            {title}
          </Title>
          {csv ? (
            <CsvExportMenu
              path={csv.path}
              query={{ ...csv.query, sort: state.sort }}
              fileName={csv.fileName}
              onStart={() => setExportError(null)}
              onError={setExportError}
            />
          ) : null}
        </Group>
        {result.error ? <ApiErrorAlert error={result.error} mb="sm" /> : null}
        <DataTable
          label={title}
          data={result.data?.items}
          columns={sortable}
          loading={result.isPending}
          getRowId={getRowId}
          emptyMessage={emptyMessage}
          sorting={state.sorting}
          onSortingChange={(next) => {
            const first = next[0]
            state.update({ sort: first ? (first.desc ? `-${first.id}` : first.id) : undefined })
          }}
          onRowActivate={onRowActivate}
          renderExpanded={renderExpanded}
          rowClassName={rowClassName}
          testId={testId}
        />
        <ListPager
          page={state.page}
          pageSize={state.pageSize}
          total={result.data?.total}
          onPageChange={(page) => state.update({ page })}
          onPageSizeChange={(size) => state.update({ size })}
        />
      </Paper>
    </Stack>
  )
}
