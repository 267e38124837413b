import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatMessage, messages, type MessageId } from './index.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..', '..')
const ID = /\b[EWI]-[A-Z]+-\d{3}\b/g

/** Every production source file of the apps and packages (not tests), except the catalogue. */
function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'generated', '.tsbuild', 'test-results'].includes(name)) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (path === here) continue
      out.push(...sourceFiles(path))
    } else if (/\.(ts|tsx)$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name)) {
      out.push(path)
    }
  }
  return out
}

function usedIds(): Map<string, string[]> {
  const used = new Map<string, string[]>()
  const dirs = ['apps', 'packages'].flatMap((top) =>
    readdirSync(join(root, top)).map((name) => join(root, top, name, 'src')),
  )
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      for (const id of readFileSync(file, 'utf8').match(ID) ?? []) {
        used.set(id, [...(used.get(id) ?? []), relative(root, file)])
      }
    }
  }
  return used
}

describe('[600] [G30] message catalogue', () => {
  const used = usedIds()

  it('has every message ID that the code uses', () => {
    const missing = [...used.keys()].filter((id) => !(id in messages))
    expect(missing.map((id) => `${id} (${used.get(id)?.join(', ')})`)).toEqual([])
  })

  it('has no message that no code uses', () => {
    const unused = Object.keys(messages).filter((id) => !used.has(id))
    expect(unused).toEqual([])
  })

  it('gives every message a severity matching its ID and text in both languages', () => {
    for (const [id, m] of Object.entries(messages)) {
      expect(id[0], id).toBe({ error: 'E', warning: 'W', info: 'I' }[m.severity])
      expect(m.ja.trim(), id).not.toBe('')
      expect(m.en.trim(), id).not.toBe('')
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(placeholders(m.ja), id).toEqual(placeholders(m.en))
    }
  })

  it('fills placeholders', () => {
    expect(formatMessage('E-AUTH-007' as MessageId, 'ja', { min: 12 })).toBe(
      'パスワードは12文字以上で入力してください。',
    )
  })
})
