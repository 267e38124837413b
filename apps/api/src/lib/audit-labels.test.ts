import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditActionLabels, auditEntityTypeLabels } from '@yoryo/contracts'

/** Every non-test source file of the API. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

const root = join(import.meta.dirname, '..')
const text = sources(root)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
const literals = (pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((m) => m[1]))]

describe('audit log labels', () => {
  it('has a label for every action the API writes (no raw codes on screen or in CSV)', () => {
    const actions = literals(/action: (?:value\.active \? )?'([a-zA-Z]+\.[a-zA-Z]+)'/g).concat(
      literals(/: '(maintenance\.o(?:n|ff))'/g),
    )
    // `application.${action}`: every transition of the workflow.
    const transitions = ['submit', 'edit', 'withdraw', 'startReview', 'return', 'resubmit']
    transitions.push('approve', 'reject')
    for (const action of transitions) actions.push(`application.${action}`)
    expect(actions.length).toBeGreaterThan(15)
    expect(actions.filter((a) => !Object.hasOwn(auditActionLabels, a as string))).toEqual([])
  })

  it('has a label for every kind of record the API audits', () => {
    const kinds = literals(/entityType: '([a-zA-Z]+)'/g)
    expect(kinds.length).toBeGreaterThan(5)
    expect(kinds.filter((k) => !Object.hasOwn(auditEntityTypeLabels, k as string))).toEqual([])
  })
})
