// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { mountPerTest } from '../test/mount.tsx'
import { csvExportHref } from './csv-export-menu.tsx'
import { createColumnHelper, DataTable } from './data-table.tsx'

interface Row {
  id: string
  name: string
  changed: boolean
}
const column = createColumnHelper<Row>()
const columns = [
  column.accessor('name', { header: 'Name' }),
  column.display({
    id: 'toggle',
    header: '',
    cell: (info) => (
      <button type="button" onClick={info.row.getToggleExpandedHandler()}>
        toggle
      </button>
    ),
  }),
]
const rows: Row[] = [
  { id: 'a', name: 'Alpha', changed: false },
  { id: 'b', name: 'Beta', changed: true },
  { id: 'c', name: 'Gamma', changed: false },
]

const view = mountPerTest()
const render = (ui: React.ReactNode) => view.render(ui)

const dataRows = () =>
  [...view.container.querySelectorAll('tbody tr[data-row-id]')] as HTMLElement[]

describe('DataTable rows', () => {
  it('adds a class to the rows it is asked to mark', () => {
    render(
      <DataTable
        label="t"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        rowClassName={(r) => (r.changed ? 'yoryo-tr-changed' : undefined)}
      />,
    )
    expect(dataRows().map((tr) => tr.classList.contains('yoryo-tr-changed'))).toEqual([
      false,
      true,
      false,
    ])
  })

  it('shows a detail row under an expanded row; the arrow keys skip it', () => {
    render(
      <DataTable
        label="t"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        renderExpanded={(r) => <p>detail of {r.name}</p>}
      />,
    )
    const toggle = dataRows()[0]!.querySelector('button') as HTMLButtonElement
    act(() => toggle.click())
    const detail = view.container.querySelector('tr[data-detail-of="a"]')
    expect(detail?.textContent).toBe('detail of Alpha')
    expect(view.container.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5')
    const first = dataRows()[0]!
    act(() => first.focus())
    act(() => {
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))
    })
    expect(document.activeElement).toBe(dataRows()[1])
    act(() => toggle.click())
    expect(view.container.querySelector('tr[data-detail-of]')).toBeNull()
  })
})

describe('csvExportHref', () => {
  it('keeps the filter, drops paging and empty values, adds format and encoding', () => {
    expect(
      csvExportHref(
        '/api/v1/audit-log',
        { page: 3, pageSize: 50, action: 'user.', actor: '', from: undefined },
        'shift_jis',
      ),
    ).toBe('/api/v1/audit-log?action=user.&format=csv&encoding=shift_jis')
  })
})
