import { describe, expect, it, vi } from 'vitest'
import { catalogueKeys } from './catalogue.ts'
import { MISSING_TEXT_WARNING, createI18n } from './i18n.ts'
import { loadedTexts } from './loader.ts'

// The whole catalogue, core and sections (test/setup.ts loads all of it).
const ja = loadedTexts('ja') ?? {}
const en = loadedTexts('en') ?? {}

function leaves(catalogue: object, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value as object, `${prefix}${key}.`),
  )
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('UI catalogues', () => {
  it('ja and en have exactly the same keys', () => {
    expect(catalogueKeys(en)).toEqual(catalogueKeys(ja))
  })

  it('has no empty texts', () => {
    for (const [key, value] of [...leaves(ja), ...leaves(en)]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('uses the same placeholders in both languages', () => {
    const english = new Map(leaves(en))
    for (const [key, value] of leaves(ja)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })

  it('names every menu entry and function group of the contracts', async () => {
    const { menuEntries } = await import('@yoryo/contracts')
    const { functions, functionGroups } = (await import('./ja.ts')).ja
    for (const entry of menuEntries) {
      expect(Object.keys(functions)).toContain(entry.key)
      expect(Object.keys(functionGroups)).toContain(entry.code)
    }
  })

  it('counts with plural forms in English and one form in Japanese', () => {
    const en = createI18n('en')
    expect(en.t('common.count', { count: 1 })).toBe('1 record')
    expect(en.t('common.count', { count: 3 })).toBe('3 records')
    expect(createI18n('ja').t('common.count', { count: 3 })).toBe('3件')
  })

  it('warns about a text that is not loaded (a section its route does not load)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const i18n = createI18n('ja')
    expect(i18n.t('login.title')).toBe('ログイン')
    expect(warn).not.toHaveBeenCalled()
    i18n.t('noSuchSection.title' as 'login.title')
    expect(warn).toHaveBeenCalledWith(`${MISSING_TEXT_WARNING} noSuchSection.title`)
    warn.mockRestore()
  })
})
