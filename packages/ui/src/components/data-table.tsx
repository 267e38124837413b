import { Box, Skeleton, Table, Text, UnstyledButton } from '@mantine/core'
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ExpandedState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table'
import { Fragment, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SortIcon } from './icons.tsx'

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures (amounts, kW, sizes). */
    numeric?: boolean
    /** Tabular figures, left-aligned (dates and times). */
    tabular?: boolean
    align?: 'left' | 'center' | 'right'
    /** Fixed width in px (keeps columns still while data loads). */
    width?: number
    nowrap?: boolean
    /** Codes in the fixed-width face (IDs, function codes, hashes). */
    mono?: boolean
    /** Long values (e-mail, subjects) wrap at any character: readable in full, never cut. */
    breakAnywhere?: boolean
    /**
     * The column's place in the width plan (`COLUMN_WIDTHS`): what kind of value it shows. A
     * table whose columns declare it lays out fixed: classes of short values get their width,
     * `name` / `email` / `text` share the rest and cut long values with `…` (the full value in
     * the cell's tooltip and in the record's detail); on a narrow screen the table scrolls
     * inside its container instead of squeezing. Optional: `width` and `breakAnywhere` still
     * work as before.
     */
    widthClass?: ColumnWidthClass
  }
}

/** Kinds of values a list column shows, for the width plan of `DataTable`. */
export type ColumnWidthClass =
  | 'code'
  | 'id'
  | 'short'
  | 'label'
  | 'status'
  | 'date'
  | 'datetime'
  | 'period'
  | 'amount'
  | 'actions'
  | 'person'
  | 'name'
  | 'email'
  | 'text'

/**
 * The width plan, in px at the tables' font size: a fixed `width` for values of a known length,
 * a `min` share of the rest for names and free text (the table is never narrower than the sum,
 * so a phone scrolls it sideways). `truncate`: one line, cut with `…`, the full value as tooltip.
 * Sized so that a list of nine columns (020 users for the operator) fits the content area at
 * 1280 px beside the menu (967 px).
 */
export const COLUMN_WIDTHS: Record<
  ColumnWidthClass,
  { width?: number; min: number; truncate: boolean }
> = {
  /** Codes and IDs: 事業者コード, user ID, receipt numbers (longer ones are cut). */
  code: { width: 88, min: 88, truncate: true },
  /** Longer identifiers: receipt numbers, 法人番号, serial numbers, fingerprints. */
  id: { width: 136, min: 136, truncate: true },
  /** Short labels (up to six characters): roles, kinds, record kinds. */
  short: { width: 112, min: 112, truncate: false },
  /** Longer labels: licence categories, operations of the audit log (wrap when longer). */
  label: { width: 144, min: 144, truncate: false },
  /** A status badge. */
  status: { width: 84, min: 84, truncate: false },
  date: { width: 104, min: 104, truncate: false },
  /** `yyyy/MM/dd HH:mm`. */
  datetime: { width: 128, min: 128, truncate: false },
  /** Two dates (`yyyy/MM/dd〜yyyy/MM/dd`), on two lines when needed. */
  period: { width: 108, min: 108, truncate: false },
  amount: { width: 112, min: 112, truncate: false },
  /** A menu or one or two buttons. */
  actions: { width: 96, min: 96, truncate: false },
  /** A person's name. */
  person: { width: 120, min: 120, truncate: true },
  /** Names of companies and records: the rest of the row, shared. */
  name: { min: 112, truncate: true },
  email: { min: 140, truncate: true },
  text: { min: 160, truncate: true },
}

/** The table's least width under the plan (px), or undefined when no column declares a class. */
export function plannedMinWidth(
  metas: readonly ({ widthClass?: ColumnWidthClass; width?: number } | undefined)[],
): number | undefined {
  if (!metas.some((meta) => meta?.widthClass)) return undefined
  return metas.reduce(
    (sum, meta) =>
      sum + (meta?.widthClass ? COLUMN_WIDTHS[meta.widthClass].min : (meta?.width ?? 96)),
    0,
  )
}

export interface DataTableProps<T> {
  /** Accessible name of the table (also its caption for screen readers). */
  label: string
  data: readonly T[] | undefined
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[]
  loading?: boolean
  /** Rows shown as skeletons while loading. */
  skeletonRows?: number
  emptyMessage?: ReactNode
  getRowId?: (row: T, index: number) => string
  /** Enter / double click on a row. */
  onRowActivate?: (row: T) => void
  initialSorting?: SortingState
  /**
   * Sorting done by the server (paged lists): the table shows `sorting` and reports header
   * clicks through `onSortingChange` instead of sorting the rows itself.
   */
  sorting?: SortingState
  onSortingChange?: (sorting: SortingState) => void
  /** Scroll container height; the header stays visible (sticky). */
  maxHeight?: number | string
  testId?: string
  /** Extra class of a row, e.g. `yoryo-tr-changed` for a changed value. */
  rowClassName?: (row: T) => string | undefined
  /**
   * Detail shown in a full-width row under an expanded row. A cell toggles it with
   * `info.row.getToggleExpandedHandler()` (a button with `aria-expanded`).
   */
  renderExpanded?: (row: T) => ReactNode
}

const ROW_HEIGHT = 34
const EMPTY: never[] = []

/**
 * The one table of both SPAs: sortable headers (buttons with `aria-sort`), sticky header,
 * numeric columns right-aligned, fixed-height skeleton rows, empty state, and rows reachable by
 * keyboard (one tab stop; ↑ ↓ Home End move, Enter activates).
 */
export function DataTable<T>({
  label,
  data,
  columns,
  loading = false,
  skeletonRows = 5,
  emptyMessage,
  getRowId,
  onRowActivate,
  initialSorting = [],
  sorting: serverSorting,
  onSortingChange,
  maxHeight,
  testId,
  rowClassName,
  renderExpanded,
}: DataTableProps<T>) {
  const { t } = useTranslation()
  const [localSorting, setSorting] = useState<SortingState>(initialSorting)
  const manualSorting = onSortingChange !== undefined
  const sorting = manualSorting ? (serverSorting ?? []) : localSorting
  const [expanded, setExpanded] = useState<ExpandedState>({})
  const [focusIndex, setFocusIndex] = useState(0)
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    // A new empty array on every render would make the table reset its state in a loop.
    data: (data ?? EMPTY) as T[],
    columns,
    state: { sorting, expanded },
    onSortingChange: manualSorting
      ? (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater)
      : setSorting,
    manualSorting,
    onExpandedChange: setExpanded,
    getRowCanExpand: () => renderExpanded !== undefined,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId,
    autoResetPageIndex: false,
  })
  const rows = table.getRowModel().rows
  const showSkeleton = loading && (data === undefined || data.length === 0)
  const columnCount = table.getVisibleLeafColumns().length
  const detailRows = renderExpanded ? rows.filter((row) => row.getIsExpanded()).length : 0
  const activeIndex = Math.min(focusIndex, Math.max(rows.length - 1, 0))
  const minWidth = plannedMinWidth(
    table.getVisibleLeafColumns().map((column) => column.columnDef.meta),
  )

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    let next: number | null = null
    if (event.key === 'ArrowDown') next = Math.min(index + 1, rows.length - 1)
    else if (event.key === 'ArrowUp') next = Math.max(index - 1, 0)
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = rows.length - 1
    else if (event.key === 'Enter' && onRowActivate && event.target === event.currentTarget) {
      event.preventDefault()
      const row = rows[index]
      if (row) onRowActivate(row.original)
      return
    }
    if (next === null) return
    event.preventDefault()
    setFocusIndex(next)
    // Detail rows of expanded rows sit between the data rows: count data rows only.
    const body = event.currentTarget.parentElement
    const target = body?.querySelectorAll(':scope > tr[data-row-id]').item(next)
    if (target instanceof HTMLElement) target.focus()
  }

  return (
    <Box
      className="yoryo-table-container"
      mah={maxHeight}
      style={{ overflow: 'auto' }}
      data-testid={testId}
    >
      <Table
        stickyHeader
        highlightOnHover
        withTableBorder
        withColumnBorders={false}
        verticalSpacing={6}
        horizontalSpacing="sm"
        fz="sm"
        className={minWidth === undefined ? 'yoryo-table' : 'yoryo-table yoryo-table-planned'}
        layout={minWidth === undefined ? undefined : 'fixed'}
        miw={minWidth}
        aria-busy={showSkeleton || undefined}
        aria-rowcount={showSkeleton ? undefined : rows.length + detailRows + 1}
      >
        <caption className="yoryo-visually-hidden">{label}</caption>
        {minWidth === undefined ? null : (
          // Fixed layout takes the widths of the plan from here (header cells' widths are not enough).
          <colgroup>
            {table.getVisibleLeafColumns().map((column) => {
              const meta = column.columnDef.meta
              const width = meta?.widthClass ? COLUMN_WIDTHS[meta.widthClass].width : meta?.width
              return <col key={column.id} style={width === undefined ? undefined : { width }} />
            })}
          </colgroup>
        )}
        <Table.Thead>
          {table.getHeaderGroups().map((headerGroup) => (
            <Table.Tr key={headerGroup.id}>
              {headerGroup.headers.map((header) => {
                const meta = header.column.columnDef.meta
                const align = meta?.align ?? (meta?.numeric ? 'right' : 'left')
                const planned = meta?.widthClass ? COLUMN_WIDTHS[meta.widthClass] : undefined
                const sorted = header.column.getIsSorted()
                const canSort = header.column.getCanSort()
                const content = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext())
                return (
                  <Table.Th
                    key={header.id}
                    w={planned ? planned.width : meta?.width}
                    ta={align}
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                    className="yoryo-th"
                  >
                    {canSort ? (
                      <UnstyledButton
                        onClick={header.column.getToggleSortingHandler()}
                        className="yoryo-sort-button"
                        data-align={align}
                        title={
                          typeof header.column.columnDef.header === 'string'
                            ? t('table.sortBy', { column: header.column.columnDef.header })
                            : undefined
                        }
                      >
                        <span>{content}</span>
                        <SortIcon sort={sorted} size={12} className="yoryo-sort-icon" />
                      </UnstyledButton>
                    ) : (
                      content
                    )}
                  </Table.Th>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {showSkeleton ? (
            Array.from({ length: skeletonRows }, (_, i) => (
              <Table.Tr key={`skeleton-${i}`} h={ROW_HEIGHT}>
                {table.getVisibleLeafColumns().map((column) => (
                  <Table.Td key={column.id}>
                    <Skeleton
                      h={12}
                      w={column.columnDef.meta?.numeric ? '50%' : '80%'}
                      ml={column.columnDef.meta?.numeric ? 'auto' : 0}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          ) : rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columnCount} className="yoryo-table-empty">
                <Text fz="sm" c="dimmed" ta="center" py="lg">
                  {emptyMessage ?? t('table.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((row, index) => (
              <Fragment key={row.id}>
                <Table.Tr
                  h={ROW_HEIGHT}
                  tabIndex={index === activeIndex ? 0 : -1}
                  onFocus={() => setFocusIndex(index)}
                  onKeyDown={(event) => onRowKeyDown(event, index)}
                  onDoubleClick={onRowActivate ? () => onRowActivate(row.original) : undefined}
                  className={['yoryo-tr', rowClassName?.(row.original)].filter(Boolean).join(' ')}
                  data-row-id={row.id}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta
                    const truncate = meta?.widthClass
                      ? COLUMN_WIDTHS[meta.widthClass].truncate
                      : false
                    const value: unknown = cell.getValue()
                    return (
                      <Table.Td
                        key={cell.id}
                        ta={meta?.align ?? (meta?.numeric ? 'right' : 'left')}
                        title={truncate && typeof value === 'string' ? value : undefined}
                        className={[
                          meta?.numeric ? 'yoryo-numeric' : '',
                          meta?.tabular ? 'yoryo-figures' : '',
                          meta?.nowrap ? 'yoryo-nowrap' : '',
                          meta?.mono ? 'yoryo-mono' : '',
                          meta?.breakAnywhere ? 'yoryo-break-anywhere' : '',
                          truncate ? 'yoryo-cell-truncate' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
                {renderExpanded && row.getIsExpanded() ? (
                  <Table.Tr className="yoryo-tr-detail" data-detail-of={row.id}>
                    <Table.Td colSpan={columnCount}>{renderExpanded(row.original)}</Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Box>
  )
}

export type { ColumnDef, SortingState }
export { createColumnHelper } from '@tanstack/react-table'
