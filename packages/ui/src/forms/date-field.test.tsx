// @vitest-environment happy-dom
import { act, useState } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n.ts'
import { mountPerTest } from '../test/mount.tsx'
import { DateField } from './date-field.tsx'

const view = mountPerTest()
let values: string[]

beforeEach(() => {
  values = []
})

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial)
  return (
    <DateField
      label="日付"
      value={value}
      onChange={(next) => {
        values.push(next)
        setValue(next)
      }}
    />
  )
}

function render(initial: string) {
  view.render(<Harness initial={initial} />, { i18n: createI18n('en') })
  return view.container.querySelector('input') as HTMLInputElement
}

/** Types into a React-controlled input. */
function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  act(() => {
    input.focus()
    setter?.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('DateField', () => {
  it('shows yyyy/MM/dd whatever the language, as a text field (no native date control)', () => {
    const input = render('2026-04-01')
    expect(input.type).toBe('text')
    expect(input.value).toBe('2026/04/01')
    expect(input.placeholder).toBe('yyyy/mm/dd')
  })

  it('reads 20261201 as a date and shows it as 2026/12/01 on leaving', () => {
    const input = render('')
    type(input, '20261201')
    expect(values.at(-1)).toBe('2026-12-01')
    act(() => input.blur())
    expect(input.value).toBe('2026/12/01')
  })

  it('keeps text that is no date in the value, for the schema to report', () => {
    const input = render('')
    type(input, '2026/02/30')
    expect(values.at(-1)).toBe('2026/02/30')
    type(input, '')
    expect(values.at(-1)).toBe('')
  })
})

describe('DateTimeField', () => {
  it('combines a yyyy/MM/dd date and an HH:mm time into yyyy-MM-ddTHH:mm', async () => {
    const { DateTimeField } = await import('./date-field.tsx')
    function TimeHarness() {
      const [value, setValue] = useState('2026-04-01T09:30')
      return (
        <DateTimeField
          label="終了予定日時"
          value={value}
          onChange={(next) => {
            values.push(next)
            setValue(next)
          }}
        />
      )
    }
    view.render(<TimeHarness />)
    const [date, time] = [...view.container.querySelectorAll('input')] as HTMLInputElement[]
    expect(date?.value).toBe('2026/04/01')
    expect(time?.value).toBe('09:30')
    type(time!, '1745')
    expect(values.at(-1)).toBe('2026-04-01T17:45')
    type(date!, '20261201')
    expect(values.at(-1)).toBe('2026-12-01T17:45')
    type(time!, '25:00')
    expect(values.at(-1)).toBe('2026-12-01T25:00')
  })
})
