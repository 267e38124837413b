// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { mountPerTest } from '../test/mount.tsx'
import { COLUMN_WIDTHS, createColumnHelper, DataTable, plannedMinWidth } from './data-table.tsx'

interface Row {
  id: string
  name: string
  kw: number
}
const column = createColumnHelper<Row>()
const columns = [
  column.accessor('name', { header: 'Name' }),
  column.accessor('kw', { header: 'kW', meta: { numeric: true } }),
]
const rows: Row[] = [
  { id: 'a', name: 'Beta', kw: 1200 },
  { id: 'b', name: 'Alpha', kw: 300 },
  { id: 'c', name: 'Gamma', kw: 50_000 },
]

const view = mountPerTest()
const render = (ui: React.ReactNode) => view.render(ui)

const bodyRows = () => [...view.container.querySelectorAll('tbody tr')] as HTMLTableRowElement[]
const names = () => bodyRows().map((tr) => tr.cells[0]?.textContent)

describe('DataTable', () => {
  it('shows the empty state', () => {
    render(<DataTable label="t" data={[]} columns={columns} emptyMessage="なし" />)
    expect(view.container.querySelector('tbody')?.textContent).toBe('なし')
  })

  it('shows fixed skeleton rows while loading', () => {
    render(<DataTable label="t" data={undefined} columns={columns} loading skeletonRows={4} />)
    expect(bodyRows()).toHaveLength(4)
    expect(view.container.querySelector('table')?.getAttribute('aria-busy')).toBe('true')
  })

  it('sorts by a header button and marks aria-sort', () => {
    render(<DataTable label="t" data={rows} columns={columns} getRowId={(r) => r.id} />)
    expect(names()).toEqual(['Beta', 'Alpha', 'Gamma'])
    const button = view.container.querySelector('th button') as HTMLButtonElement
    act(() => button.click())
    expect(names()).toEqual(['Alpha', 'Beta', 'Gamma'])
    expect(view.container.querySelector('th')?.getAttribute('aria-sort')).toBe('ascending')
  })

  it('lays out the width plan: fixed widths, a least width, long values cut with a tooltip', () => {
    const planned = [
      column.accessor('id', { header: 'Code', meta: { widthClass: 'code' } }),
      column.accessor('name', { header: 'Name', meta: { widthClass: 'email' } }),
      column.accessor('kw', { header: 'kW', meta: { numeric: true, width: 64 } }),
    ]
    render(<DataTable label="t" data={rows} columns={planned} />)
    const table = view.container.querySelector('table') as HTMLTableElement
    expect(table.className).toContain('yoryo-table-planned')
    const cols = [...table.querySelectorAll('colgroup col')] as HTMLTableColElement[]
    expect(cols.map((col) => col.style.width)).toEqual([
      `${COLUMN_WIDTHS.code.width}px`,
      '',
      '64px',
    ])
    expect(plannedMinWidth(planned.map((c) => c.meta))).toBe(
      COLUMN_WIDTHS.code.min + COLUMN_WIDTHS.email.min + 64,
    )
    const email = bodyRows()[0]?.cells[1] as HTMLTableCellElement
    expect(email.className).toContain('yoryo-cell-truncate')
    expect(email.title).toBe('Beta')
    // Without classes a table keeps its automatic layout, as before.
    render(<DataTable label="t" data={rows} columns={columns} />)
    expect(view.container.querySelector('table')?.className).not.toContain('yoryo-table-planned')
    expect(view.container.querySelector('colgroup')).toBeNull()
  })

  it('right-aligns numeric cells', () => {
    render(<DataTable label="t" data={rows} columns={columns} />)
    expect(bodyRows()[0]?.cells[1]?.className).toContain('yoryo-numeric')
  })

  it('has one tab stop and moves focus with the arrow keys; Enter activates', () => {
    const activated: string[] = []
    render(
      <DataTable
        label="t"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        onRowActivate={(r) => activated.push(r.id)}
      />,
    )
    expect(bodyRows().map((tr) => tr.tabIndex)).toEqual([0, -1, -1])
    const first = bodyRows()[0]!
    act(() => first.focus())
    act(() => {
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))
    })
    expect(document.activeElement).toBe(bodyRows()[1])
    expect(bodyRows().map((tr) => tr.tabIndex)).toEqual([-1, 0, -1])
    act(() => {
      bodyRows()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    })
    expect(activated).toEqual(['b'])
  })
})

describe('DataTable re-rendering', () => {
  it('settles when re-rendered without data (no reset loop)', () => {
    render(<DataTable label="t" data={undefined} columns={columns} />)
    render(<DataTable label="t" data={undefined} columns={columns} emptyMessage="x" />)
    render(<DataTable label="t" data={undefined} columns={columns} emptyMessage="y" />)
    expect(view.container.querySelector('tbody')?.textContent).toBe('y')
  })
})
