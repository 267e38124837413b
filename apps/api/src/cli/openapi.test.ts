import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../config.ts'
import { generateOpenApi } from './openapi.ts'

describe('OpenAPI document', () => {
  it('openapi/openapi.json matches the routes (run `pnpm openapi` after changing a route)', async () => {
    const committed = readFileSync(resolve(repoRoot, 'openapi', 'openapi.json'), 'utf8')
    expect(committed === (await generateOpenApi())).toBe(true)
  })

  it('tags every operation with its module and documents its errors', async () => {
    const doc = JSON.parse(await generateOpenApi())
    for (const [path, item] of Object.entries<
      Record<string, { tags?: string[]; operationId?: string }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0)
        expect(op.operationId, `${method} ${path}`).toBeTruthy()
      }
    }
  })
})
