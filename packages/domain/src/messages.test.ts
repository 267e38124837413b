/** The message catalogue and the engine agree: every rules message is used, every ID exists. */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { messages } from '@yoryo/contracts'
import { rulesMessages } from '@yoryo/contracts/messages/rules'
import { describe, expect, it } from 'vitest'

const srcDir = dirname(fileURLToPath(import.meta.url))
const source = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts')
  .map((f) => readFileSync(join(srcDir, f), 'utf8'))
  .join('\n')
const usedIds = new Set([...source.matchAll(/'([EWI]-RULES-\d{3})'/g)].map((m) => m[1]))

describe('rules messages', () => {
  it('every catalogue ID is used in the engine', () => {
    expect(Object.keys(rulesMessages).filter((id) => !usedIds.has(id))).toEqual([])
  })

  it('every ID the engine uses is in the shared catalogue', () => {
    expect([...usedIds].filter((id) => id === undefined || !(id in messages))).toEqual([])
  })

  it('every message has Japanese and English text and a matching severity', () => {
    for (const [id, def] of Object.entries(rulesMessages)) {
      expect(def.ja.length).toBeGreaterThan(0)
      expect(def.en.length).toBeGreaterThan(0)
      expect(def.severity).toBe({ E: 'error', W: 'warning', I: 'info' }[id[0] ?? ''])
      // Both languages use the same placeholders.
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(def.ja)).toEqual(names(def.en))
    }
  })
})
