import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { compiledSerializerCompiler } from './serializer.ts'

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' })

const item = z
  .object({ id: z.string(), kind: z.enum(['a', 'b']), at: z.iso.datetime().nullable() })
  .meta({ id: 'SerializerTestItem' })
const page = z.object({
  items: z.array(item),
  total: z.number().int(),
  note: z.string().optional(),
  extra: z.record(z.string(), z.number()),
})

describe('compiled response serialiser', () => {
  it('writes what zod writes, without undeclared properties', () => {
    const data = {
      items: [
        { id: '1', kind: 'a', at: null, secret: 'x' },
        { id: '2', kind: 'b', at: '2026-12-01T00:00:00.000Z' },
      ],
      total: 2,
      extra: { k: 1 },
      passwordHash: 'never',
    }
    for (const crossCheck of [false, true]) {
      const json = compiledSerializerCompiler({ crossCheck })(route(page))(data)
      expect(JSON.parse(json)).toEqual({
        items: [
          { id: '1', kind: 'a', at: null },
          { id: '2', kind: 'b', at: '2026-12-01T00:00:00.000Z' },
        ],
        total: 2,
        extra: { k: 1 },
      })
    }
  })

  it('falls back to zod for what JSON Schema cannot express', () => {
    const schema = z.object({ at: z.date() })
    const json = compiledSerializerCompiler({ crossCheck: false })(route(schema))({
      at: new Date('2026-12-01T00:00:00Z'),
    })
    expect(JSON.parse(json)).toEqual({ at: '2026-12-01T00:00:00.000Z' })
  })

  it('refuses a response that does not match its schema when cross-checking', () => {
    const serialise = compiledSerializerCompiler({ crossCheck: true })(route(page))
    expect(() => serialise({ items: [], total: 'two', extra: {} })).toThrow()
  })
})
