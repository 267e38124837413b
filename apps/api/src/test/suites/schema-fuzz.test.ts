import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemSchema } from '@yoryo/contracts'
import { createTestApp, ORIGIN, type TestContext } from '../harness.ts'
import {
  exampleOf,
  fillPath,
  multipartBody,
  operationsOf,
  type JsonSchema,
  type Operation,
} from './openapi-operations.ts'
import { buildWorld, pathValues, type World } from './world.ts'

/**
 * Suite: property-based schema fuzzing of every operation of the OpenAPI document (issue 8).
 * Well-formed and malformed bodies, query and path values — wrong types, NUL and control
 * characters, invalid UTF-8, very long strings, huge numbers, deep nesting, extra properties —
 * sent as the operator and as a participant administrator. Never a 5xx; every answer has a
 * documented status and media type; errors are problem documents; 2xx JSON bodies are checked
 * against the response schema by the serializer itself (a mismatch would be a 500); a
 * successful write has its audit entry. Replay: `FUZZ_SEED=<printed seed> FUZZ_RUNS=<n>`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647)
const RUNS = Number(process.env.FUZZ_RUNS ?? 24)
/** Time budget per operation, so the suite stays bounded on a slow machine. */
const MS_PER_OPERATION = Number(process.env.FUZZ_MS_PER_OPERATION ?? 2_500)

let t: TestContext
let world: World
let operations: Operation[]
beforeAll(async () => {
  t = await createTestApp()
  world = await buildWorld(t)
  operations = operationsOf(t.app).sort(
    (a, b) => Number(a.operationId === 'logout') - Number(b.operationId === 'logout'),
  )
}, 120_000)
afterAll(async () => {
  await t.close()
})

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u001b[31m',
    '\u0007\u0008',
    '\ud800',
    'x\udfffy',
    '%ff',
    '../../etc/passwd',
    "' OR 1=1 --",
    '=HYPERLINK("http://x/?"&A1,"Click")',
    '<script>alert(1)</script>',
    ' ',
    '',
    '0',
    '-1',
    'true',
    'null',
    '1e309',
    '99999999999999999999999999',
    '2026-02-30T25:61:00Z',
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'あ'.repeat(n)),
)
const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -1, 0, 1.5, Number.MAX_SAFE_INTEGER),
)
const deep = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 10, max: 1_500 }).map(deep),
)

type Mutation =
  | { kind: 'valid' }
  | { kind: 'field'; field: number; value: unknown }
  | { kind: 'extra'; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'raw'; raw: string }

const rawBodies = fc.constantFrom(
  '{"a":"\xff\xfe"}',
  '{"password":"\\u0000"}',
  '{',
  '[]',
  'null',
  '"text"',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":1,"a":2}',
  '['.repeat(5_000) + ']'.repeat(5_000),
)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'valid' }),
  fc.record({ kind: fc.constant('field' as const), field: fc.nat(50), value: hostileValue }),
  fc.record({ kind: fc.constant('extra' as const), value: hostileValue }),
  fc.record({ kind: fc.constant('whole' as const), value: hostileValue }),
  fc.record({ kind: fc.constant('raw' as const), raw: rawBodies }),
)

interface Case {
  caller: 'operator' | 'participantAdmin'
  body: Mutation
  query: Record<string, unknown>
  path: Record<string, { raw: boolean; value: unknown } | null>
}

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const queryKeys = Object.keys(op.queryParams)
  const pathKeys = Object.keys(op.pathParams)
  return fc.record({
    caller: fc.constantFrom('operator' as const, 'participantAdmin' as const),
    body: mutation,
    query: fc.record(Object.fromEntries(queryKeys.map((k) => [k, hostileValue])), {
      requiredKeys: [],
    }),
    path: fc.record(
      Object.fromEntries(
        pathKeys.map((k) => [
          k,
          fc.option(fc.record({ raw: fc.boolean(), value: hostileValue }), { nil: null }),
        ]),
      ),
    ),
  })
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? ''
  } catch {
    return '[too deep to print]'
  }
}

const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

const asText = (v: unknown) => (typeof v === 'string' ? v : safeJson(v))

function buildRequest(op: Operation, c: Case) {
  const caller = world.callers[c.caller]
  const values = pathValues(op.path, world.own, caller, world, 'own')
  let url = fillPath(op.path, values)
  for (const [name, override] of Object.entries(c.path)) {
    if (!override) continue
    // A URL carries UTF-8: lone surrogates cannot be sent in one (they are in bodies).
    const text = wellFormed(asText(override.value).slice(0, 3_000))
    const encoded = override.raw ? text.replace(/[/?#\s]/g, '') : encodeURIComponent(text)
    url = url.replace(encodeURIComponent(values[name] ?? ''), encoded || 'x')
  }
  const query = new URLSearchParams()
  if (op.queryParams.ownerType) query.set('ownerType', 'participant')
  if (op.queryParams.ownerId) query.set('ownerId', world.own.participantId)
  for (const [k, v] of Object.entries(c.query)) query.set(k, wellFormed(asText(v).slice(0, 3_000)))
  const headers: Record<string, string> = { origin: ORIGIN, ...caller.headers }
  if (op.headerParams['x-application-key']) headers['x-application-key'] = world.systemUse.accessKey
  let payload: string | Buffer | undefined
  if (op.body === 'multipart') {
    const upload = multipartBody(
      { ownerType: 'participant', ownerId: world.own.participantId },
      {
        name: c.body.kind === 'field' ? asText(c.body.value).slice(0, 200) : 'a.txt',
        type: 'text/plain',
        content: Buffer.from(c.body.kind === 'whole' ? asText(c.body.value) || 'x' : 'x'),
      },
    )
    headers['content-type'] = upload.contentType
    payload = upload.payload
  } else if (op.body || c.body.kind === 'raw') {
    headers['content-type'] = 'application/json'
    const example = (op.body ? exampleOf(op.body as JsonSchema) : {}) as Record<string, unknown>
    const keys = Object.keys(((op.body as JsonSchema)?.properties ?? {}) as object)
    switch (c.body.kind) {
      case 'valid':
        payload = JSON.stringify(example)
        break
      case 'field': {
        const key = keys.length ? (keys[c.body.field % keys.length] as string) : 'x'
        payload = JSON.stringify({ ...example, [key]: c.body.value })
        break
      }
      case 'extra':
        payload = JSON.stringify({ ...example, unexpectedProperty: c.body.value })
        break
      case 'whole':
        payload = JSON.stringify(c.body.value) ?? 'null'
        break
      case 'raw':
        payload = Buffer.from(c.body.raw, 'latin1')
        break
    }
  }
  const qs = query.toString()
  return {
    method: op.method as 'GET',
    url: qs ? `${url}?${qs}` : url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  }
}

/** An idempotent repeat that wrote nothing (revoking a revoked token answers it unchanged). */
function unchanged(op: Operation, res: { json: () => unknown }, sentAt: number): boolean {
  if (op.operationId !== 'revokeApiToken') return false
  const revokedAt = (res.json() as { revokedAt?: string | null }).revokedAt
  return !!revokedAt && Date.parse(revokedAt) < sentAt
}

function mediaType(contentType: unknown): string {
  return String(contentType ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase() as string
}

describe('suite: schema fuzzing of every operation', () => {
  it('never answers 5xx, and answers only documented statuses and media types', async () => {
    let requests = 0
    const failures: string[] = []
    const perOperation: string[] = []
    for (const op of operations) {
      const started = Date.now()
      let runs = 0
      const seed = SEED
      const property = fc.asyncProperty(caseArbitrary(op), async (c) => {
        runs += 1
        requests += 1
        const sentAt = Date.now()
        const res = await t.app.inject(buildRequest(op, c))
        const status = res.statusCode
        const type = mediaType(res.headers['content-type'])
        const problems: string[] = []
        if (status >= 500) problems.push(`${status} ${res.body.slice(0, 300)}`)
        if (!(String(status) in op.responses)) problems.push(`undocumented status ${status}`)
        if (status >= 400) {
          if (type !== 'application/problem+json') problems.push(`error as ${type}`)
          const parsed = problemSchema.safeParse(res.json())
          if (!parsed.success || parsed.data.requestId !== res.headers['x-request-id']) {
            problems.push(`not a problem document: ${res.body.slice(0, 200)}`)
          }
        } else {
          const documented = op.responses[String(status)] ?? []
          const fileOfItsOwnType = documented.includes('application/octet-stream')
          if (type && !fileOfItsOwnType && !documented.includes(type)) {
            problems.push(`${status} as ${type}, documented ${documented.join(', ')}`)
          }
          if (op.method !== 'GET' && !unchanged(op, res, sentAt)) {
            const audited = await t.database.prisma.auditLog.count({
              where: { requestId: String(res.headers['x-request-id']) },
            })
            if (audited === 0) problems.push('a successful write without an audit entry')
          }
        }
        if (op.operationId === 'updateMaintenance' && status === 200) {
          await t.app.inject({
            method: 'PUT',
            url: '/api/v1/system/maintenance',
            headers: { origin: ORIGIN, ...world.callers.operator.headers },
            payload: { active: false },
          })
        }
        if (problems.length) {
          throw new Error(`${op.method} ${op.path}: ${problems.join('; ')}`)
        }
      })
      const result = await fc.check(property, {
        seed,
        numRuns: RUNS,
        endOnFailure: true,
        interruptAfterTimeLimit: MS_PER_OPERATION,
        markInterruptAsFailure: false,
      })
      if (result.failed) {
        failures.push(
          `${op.operationId} (replay: FUZZ_SEED=${seed}, path ${result.counterexamplePath}): ` +
            `${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}` +
            ` — case ${safeJson(result.counterexample).slice(0, 400)}`,
        )
      }
      perOperation.push(
        `${op.operationId}:${runs}${Date.now() - started > MS_PER_OPERATION ? '⏱' : ''}`,
      )
    }
    console.log(
      `[suite fuzz] seed ${SEED}: ${operations.length} operations, ${requests} requests ` +
        `(up to ${RUNS} per operation, ${MS_PER_OPERATION} ms each; ⏱ = cut by time) — ` +
        perOperation.join(' '),
    )
    expect(failures).toEqual([])
  }, 600_000)
})
