import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, ORIGIN, type TestContext } from '../harness.ts'
import {
  exampleOf,
  fillPath,
  multipartBody,
  operationsOf,
  type Operation,
} from './openapi-operations.ts'
import { buildWorld, pathValues, ROLE_NAMES, type Caller, type World } from './world.ts'

/**
 * Suite: the authorisation matrix (issue 8). Every operation of the OpenAPI document × every
 * caller × {own record, another participant's record}, checked against the operation's
 * `x-access` (produced from the route's own access declaration): 401 for anonymous callers,
 * 403 for a role or a right the declaration does not grant, 404 (never data, never a conflict)
 * for another participant's record, an answer for the allowed. Every successful write must have
 * written an audit entry with the request's ID. Then maintenance mode and a pending password
 * change against `duringMaintenance` / `allowPasswordChangePending`.
 */
let t: TestContext
let world: World
let operations: Operation[]
beforeAll(async () => {
  t = await createTestApp({ logLevel: process.env.SUITE_LOG_LEVEL ?? 'silent' })
  world = await buildWorld(t)
  // Ending the caller's own session goes last.
  operations = operationsOf(t.app).sort(
    (a, b) => Number(a.operationId === 'logout') - Number(b.operationId === 'logout'),
  )
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function relogin() {
  world.callers.operator.headers = await loginAs(t.app, 'OCCTO', 'operator01')
  world.callers.participantAdmin.headers = await loginAs(t.app, 'P00001', 'admin01')
}

/** Bodies that keep the world usable: maintenance stays off, passwords stay as they are. */
const SAFE_BODIES: Record<string, unknown> = {
  updateMaintenance: { active: false },
  changePassword: { currentPassword: 'not-the-password', newPassword: 'Whatever-2026-x' },
}

function requestFor(op: Operation, caller: Caller, scope: 'own' | 'other') {
  const mine = caller.name === 'otherParticipantAdmin' ? world.other : world.own
  const theirs = caller.name === 'otherParticipantAdmin' ? world.own : world.other
  const records = scope === 'own' ? mine : theirs
  const url = fillPath(op.path, pathValues(op.path, records, caller, world, scope))
  const query = new URLSearchParams()
  if (op.queryParams.ownerType) query.set('ownerType', 'participant')
  if (op.queryParams.ownerId) query.set('ownerId', records.participantId)
  const headers: Record<string, string> = { origin: ORIGIN, ...caller.headers }
  if (op.headerParams['x-application-key']) {
    headers['x-application-key'] = world.systemUse.accessKey
  }
  let payload: string | Buffer | undefined
  if (op.body === 'multipart') {
    const upload = multipartBody(
      { ownerType: 'participant', ownerId: records.participantId },
      { name: 'a.txt', type: 'text/plain', content: Buffer.from('x') },
    )
    headers['content-type'] = upload.contentType
    payload = upload.payload
  } else if (op.body) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(SAFE_BODIES[op.operationId] ?? exampleOf(op.body))
  }
  const qs = query.toString()
  return {
    method: op.method as 'GET',
    url: qs ? `${url}?${qs}` : url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  }
}

/**
 * Whether an operation addresses one participant's record (path or owner query). An auction is
 * market-wide (every participant sees one that is not a draft): its own operations narrow to the
 * caller's rows themselves (`narrowedBy`, tested in the auctions module).
 */
function addressesRecord(op: Operation): boolean {
  return (
    (op.path.includes('{id}') &&
      !op.path.startsWith('/api/v1/auth/tokens') &&
      !op.path.startsWith('/api/v1/auctions/')) ||
    'ownerId' in op.queryParams ||
    op.path.startsWith('/api/v1/auth/tokens/')
  )
}

type Expected = 401 | 403 | 404 | 'allowed' | 'public'

/** Answers that mean "log in first": never for a public operation or an allowed caller. */
const AUTH_REQUIRED = new Set(['E-AUTH-003', 'E-AUTH-004', 'E-AUTH-014'])

function messageIdOf(res: { statusCode: number; json: () => unknown }): string | undefined {
  return res.statusCode >= 400 ? (res.json() as { messageId?: string }).messageId : undefined
}

function expected(op: Operation, caller: Caller, scope: 'own' | 'other'): Expected {
  const access = op.access
  if (!access) throw new Error('no x-access')
  if (access.public) return 'public'
  if (!caller.role) return 401
  if (access.roles && !access.roles.includes(caller.role)) return 403
  if (access.permission && caller.role === 'participantUser') {
    const has =
      access.permission.mode === 'view' ? caller.rights !== 'none' : caller.rights === 'edit'
    if (!has) return 403
  }
  if (scope === 'other' && caller.role !== 'operator') return 404
  return 'allowed'
}

describe('suite: authorisation matrix from the OpenAPI document', () => {
  it('declares who may call every operation (x-access)', () => {
    const undeclared = operations.filter((op) => !op.access).map((op) => op.operationId)
    expect(undeclared).toEqual([])
  })

  it('answers every operation × caller × record as its declaration says', async () => {
    const failures: string[] = []
    const tally: Record<string, number> = {}
    let requests = 0
    let audited = 0
    for (const op of operations) {
      if (!op.access) continue
      for (const name of ROLE_NAMES) {
        const caller = world.callers[name]
        const scopes = addressesRecord(op) ? (['other', 'own'] as const) : (['own'] as const)
        for (const scope of scopes) {
          const want = expected(op, caller, scope)
          const res = await t.app.inject(requestFor(op, caller, scope))
          requests += 1
          const status = res.statusCode
          const label = `${op.operationId} as ${name} on ${scope}: ${status} ${
            messageIdOf(res) ?? ''
          } (expected ${want})`
          tally[String(want)] = (tally[String(want)] ?? 0) + 1
          let ok: boolean
          if (status >= 500) ok = false
          else if (want === 401 || want === 403) ok = status === want
          else if (want === 404) {
            // Another participant's record: never its data, never a conflict that confirms it;
            // a body the schema refuses (400) is answered before the record is looked up.
            ok = status === 404 || (status === 400 && res.json().messageId === 'E-COMMON-001')
          } else if (want === 'public') ok = !AUTH_REQUIRED.has(messageIdOf(res) ?? '')
          else {
            ok =
              !AUTH_REQUIRED.has(messageIdOf(res) ?? '') &&
              !(messageIdOf(res) === 'E-AUTH-005' && !op.access.narrowedBy)
          }
          if (!ok) failures.push(label)
          if (status < 300 && op.method !== 'GET') {
            const entries = await t.database.prisma.auditLog.count({
              where: { requestId: String(res.headers['x-request-id']) },
            })
            if (entries === 0) failures.push(`${label}: a write without an audit entry`)
            else audited += 1
          }
        }
      }
    }
    console.log(
      `[suite authorisation] ${operations.length} operations × ${ROLE_NAMES.length} callers` +
        ` × {own, other} records: ${requests} requests; expected ${JSON.stringify(tally)};` +
        ` ${audited} successful writes each with an audit entry`,
    )
    expect(failures).toEqual([])
  }, 240_000)

  it('answers 503 during maintenance exactly where the declaration does not allow it', async () => {
    // The matrix ended every caller's session with its last operation (logout): log in again.
    await relogin()
    const operator = world.callers.operator.headers
    const on = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/system/maintenance',
      headers: operator,
      payload: { active: true },
    })
    expect(on.statusCode).toBe(200)
    const failures: string[] = []
    try {
      const admin = world.callers.participantAdmin
      for (const op of operations) {
        if (op.operationId === 'logout' || op.operationId === 'updateMaintenance') continue
        // An operation only the operator may call (e.g. revising the factor tables): the operator
        // is never held by maintenance, and a participant is refused for its role first (403).
        if (op.access?.roles && !op.access.roles.includes('participantAdmin')) continue
        const caller = op.access?.public ? world.callers.anonymous : admin
        const res = await t.app.inject(requestFor(op, caller, 'own'))
        const blocked = res.statusCode === 503 && res.json().messageId === 'E-COMMON-005'
        if (op.operationId === 'getHealth') continue
        if (blocked === Boolean(op.access?.duringMaintenance)) {
          failures.push(`${op.operationId}: ${res.statusCode} during maintenance`)
        }
      }
      console.log(`[suite authorisation] maintenance: ${operations.length} operations checked`)
    } finally {
      await t.app.inject({
        method: 'PUT',
        url: '/api/v1/system/maintenance',
        headers: operator,
        payload: { active: false },
      })
    }
    expect(failures).toEqual([])
  }, 120_000)

  it('answers 403 while a password change is pending, except where declared', async () => {
    await relogin()
    const admin = world.callers.participantAdmin
    const user = await t.database.prisma.user.findFirstOrThrow({
      where: { userId: 'admin01', participant: { code: 'P00001' } },
    })
    await t.database.prisma.user.update({
      where: { id: user.id },
      data: { mustChangePassword: true },
    })
    const failures: string[] = []
    try {
      for (const op of operations) {
        if (op.access?.public || op.operationId === 'logout') continue
        // A role the declaration does not grant is refused first (403 E-AUTH-005).
        if (op.access?.roles && !op.access.roles.includes('participantAdmin')) continue
        const res = await t.app.inject(requestFor(op, admin, 'own'))
        const pending = res.statusCode === 403 && res.json().messageId === 'E-AUTH-013'
        if (pending === Boolean(op.access?.allowPasswordChangePending)) {
          failures.push(`${op.operationId}: ${res.statusCode} with a pending password change`)
        }
      }
    } finally {
      await t.database.prisma.user.update({
        where: { id: user.id },
        data: { mustChangePassword: false },
      })
    }
    expect(failures).toEqual([])
  }, 120_000)
})
