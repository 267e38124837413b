import { describe, expect, it } from 'vitest'
import { CATALOGUE_SECTIONS, loadedTexts } from './loader.ts'
import { ja } from './ja.ts'

// The on-demand loading itself runs in the SPAs (e2e: language switch, every screen); here the
// split: the core holds no section, and the sections are disjoint from it and from each other.
describe('catalogue split', () => {
  it('keeps each top-level key in exactly one place', async () => {
    const sectionKeys = await Promise.all(
      CATALOGUE_SECTIONS.map(async (name) => {
        const module = (await import(`./sections/${name}.ts`)) as Record<string, { ja: object }>
        const section = Object.values(module)[0]
        return section ? Object.keys(section.ja) : []
      }),
    )
    const all = [Object.keys(ja), ...sectionKeys].flat()
    expect(new Set(all).size).toBe(all.length)
    expect(Object.keys(loadedTexts('ja') ?? {}).sort()).toEqual([...all].sort())
  })
})
