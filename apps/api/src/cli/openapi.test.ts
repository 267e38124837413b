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

  it('says what is sent: problem+json errors, file media types, public operations (issue 8)', async () => {
    type Op = {
      operationId: string
      security?: unknown[]
      responses: Record<string, { content?: Record<string, unknown> }>
    }
    const doc = JSON.parse(await generateOpenApi()) as { paths: Record<string, Record<string, Op>> }
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item))
    const byId = new Map(ops.map((op) => [op.operationId, op]))
    for (const op of ops) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && op.operationId !== 'getHealth') {
          expect(Object.keys(response.content ?? {}), `${op.operationId} ${status}`).toEqual([
            'application/problem+json',
          ])
        }
      }
    }
    const media = (id: string) => Object.keys(byId.get(id)?.responses['200']?.content ?? {})
    expect(media('printApplication')).toEqual(['application/pdf'])
    expect(media('printSystemUseApplication')).toEqual(['application/pdf'])
    expect(media('downloadAttachment')).toEqual(['application/octet-stream'])
    expect(media('listUsers')).toEqual(['application/json', 'text/csv'])
    for (const id of ['login', 'getHealth', 'listMessages', 'getMaintenance']) {
      expect(byId.get(id)?.security, id).toEqual([])
    }
    expect(byId.get('getSessionUser')?.security).toBeUndefined()
  })
})
