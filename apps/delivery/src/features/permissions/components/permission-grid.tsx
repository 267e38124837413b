import { Checkbox, SimpleGrid, Table, Text } from '@mantine/core'
import { functionGroups, type AppId, type Permission } from '@yoryo/contracts'
import { useLanguage, useTranslation } from '@yoryo/ui'
import { useRef, useState, type KeyboardEvent } from 'react'

/** Where a check box sits: table (app), row, column (0 view, 1 edit). */
interface Cell {
  table: number
  row: number
  col: 0 | 1
}

const APPS: readonly AppId[] = ['preDelivery', 'delivery']
const groupsOf = (app: AppId) => functionGroups.filter((g) => g.app === app)

/** The cell an arrow key moves to, or null at the edge. */
export function moveCell(cell: Cell, key: string, rowsOf: (table: number) => number): Cell | null {
  const rows = rowsOf(cell.table)
  switch (key) {
    case 'ArrowDown':
      return cell.row + 1 < rows ? { ...cell, row: cell.row + 1 } : null
    case 'ArrowUp':
      return cell.row > 0 ? { ...cell, row: cell.row - 1 } : null
    case 'Home':
      return { ...cell, row: 0 }
    case 'End':
      return { ...cell, row: rows - 1 }
    case 'ArrowRight':
      if (cell.col === 0) return { ...cell, col: 1 }
      if (cell.table + 1 < APPS.length) {
        const table = cell.table + 1
        return { table, row: Math.min(cell.row, rowsOf(table) - 1), col: 0 }
      }
      return null
    case 'ArrowLeft':
      if (cell.col === 1) return { ...cell, col: 0 }
      if (cell.table > 0) {
        const table = cell.table - 1
        return { table, row: Math.min(cell.row, rowsOf(table) - 1), col: 1 }
      }
      return null
    default:
      return null
  }
}

export interface PermissionGridProps {
  permissions: readonly Permission[]
  /** The rights as saved: a changed cell is marked. */
  saved: readonly Permission[]
  disabled: boolean
  /** Sets view / edit of one group; edit implies view (the caller keeps that rule). */
  onChange: (
    functionGroup: Permission['functionGroup'],
    right: 'view' | 'edit',
    on: boolean,
  ) => void
  onChangeAll: (app: AppId, right: 'view' | 'edit', on: boolean) => void
}

/**
 * The rights of one general user: a table per app (実需給期間前向け / 実需給期間向け), view and
 * edit per function group. One tab stop for the check boxes (the last one used); the arrow
 * keys, Home and End move between them, Space toggles. Header boxes set a whole column.
 */
export function PermissionGrid({
  permissions,
  saved,
  disabled,
  onChange,
  onChangeAll,
}: PermissionGridProps) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const container = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState<Cell>({ table: 0, row: 0, col: 0 })
  const byCode = new Map(permissions.map((p) => [p.functionGroup, p]))
  const savedByCode = new Map(saved.map((p) => [p.functionGroup, p]))

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, cell: Cell) => {
    const next = moveCell(cell, event.key, (table) => groupsOf(APPS[table] ?? 'delivery').length)
    if (!next && !['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return
    event.preventDefault()
    if (!next) return
    setActive(next)
    container.current
      ?.querySelector<HTMLInputElement>(`[data-cell="${next.table}-${next.row}-${next.col}"]`)
      ?.focus()
  }

  return (
    <SimpleGrid ref={container} cols={2} spacing="md">
      {APPS.map((app, tableIndex) => {
        const groups = groupsOf(app)
        const headingId = `permissions-${app}`
        const column = (right: 'view' | 'edit') => {
          const on = groups.filter((g) =>
            right === 'view' ? byCode.get(g.code)?.canView : byCode.get(g.code)?.canEdit,
          ).length
          return (
            <Checkbox
              size="xs"
              label={t(`permissions.columns.${right}`)}
              checked={on === groups.length}
              indeterminate={on > 0 && on < groups.length}
              onChange={(event) => onChangeAll(app, right, event.currentTarget.checked)}
              disabled={disabled}
              aria-label={t(right === 'view' ? 'permissions.allViewOf' : 'permissions.allEditOf', {
                app: t(`app.appName.${app}`),
              })}
              styles={{ body: { justifyContent: 'center' }, label: { fontWeight: 700 } }}
            />
          )
        }
        return (
          <section key={app} aria-labelledby={headingId}>
            <Text id={headingId} component="h3" fz="sm" fw={700} mt={0} mb={6}>
              {t(`app.appName.${app}`)}
            </Text>
            <Table
              withTableBorder
              verticalSpacing={5}
              horizontalSpacing="sm"
              fz="sm"
              className="yoryo-table"
              aria-labelledby={headingId}
              data-testid={`permission-table-${app}`}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={64}>{t('permissions.columns.code')}</Table.Th>
                  <Table.Th>{t('permissions.columns.name')}</Table.Th>
                  <Table.Th w={72} ta="center">
                    {column('view')}
                  </Table.Th>
                  <Table.Th w={72} ta="center">
                    {column('edit')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((group, row) => {
                  const p = byCode.get(group.code)
                  const before = savedByCode.get(group.code)
                  const changed =
                    !!p &&
                    !!before &&
                    (p.canView !== before.canView || p.canEdit !== before.canEdit)
                  const name = language === 'en' ? group.en : group.ja
                  const box = (col: 0 | 1) => {
                    const cell = { table: tableIndex, row, col }
                    const isActive =
                      active.table === tableIndex && active.row === row && active.col === col
                    const right = col === 0 ? 'view' : 'edit'
                    return (
                      <Checkbox
                        checked={col === 0 ? !!p?.canView : !!p?.canEdit}
                        onChange={(event) =>
                          onChange(group.code, right, event.currentTarget.checked)
                        }
                        onKeyDown={(event) => onKeyDown(event, cell)}
                        onFocus={() => setActive(cell)}
                        tabIndex={isActive ? 0 : -1}
                        disabled={disabled}
                        aria-label={t(col === 0 ? 'permissions.viewFor' : 'permissions.editFor', {
                          name,
                        })}
                        data-cell={`${tableIndex}-${row}-${col}`}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    )
                  }
                  return (
                    <Table.Tr
                      key={group.code}
                      className={changed ? 'yoryo-tr-changed' : undefined}
                      data-function-group={group.code}
                    >
                      <Table.Td className="yoryo-mono">{group.code}</Table.Td>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td ta="center">{box(0)}</Table.Td>
                      <Table.Td ta="center">{box(1)}</Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </section>
        )
      })}
    </SimpleGrid>
  )
}
