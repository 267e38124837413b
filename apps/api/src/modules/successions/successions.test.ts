import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContractAmount, ExitPenalty, SettlementRun, Succession } from '@yoryo/contracts'
import type { Contract, Participant, Resource } from '@yoryo/db'
import {
  createContract,
  createParticipant,
  createResource,
  createUser,
  resourceExample,
  TEST_PASSWORD,
} from '@yoryo/db/factories'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { hashPassword } from '../auth/public.ts'
import { contractHolderOfMonth } from './holders.ts'
import { runSuccessionSchedule, SUCCESSION_SCHEDULE_JOB } from './service.ts'

type Session = { cookie: string; origin: string }

let t: TestContext
let operator: Session

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: session,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })

async function ok<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await call(session, method, url, payload)
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json() as T
}

/** A participant of its own with an administrator and a general user, logged in. */
async function party(): Promise<{ p: Participant; admin: Session; user: Session }> {
  const db = t.database.prisma
  const p = await createParticipant(db)
  const admin = await createUser(db, {
    participantId: p.id,
    role: 'participantAdmin',
    hashPassword,
  })
  const user = await createUser(db, { participantId: p.id, role: 'participantUser', hashPassword })
  // A general user with the edit right of G50: it may file, but consent is the administrator's.
  await db.userPermission.create({
    data: { userId: user.id, functionGroup: 'G50', canView: true, canEdit: true },
  })
  return {
    p,
    admin: await loginAs(t.app, p.code, admin.userId, TEST_PASSWORD),
    user: await loginAs(t.app, p.code, user.userId, TEST_PASSWORD),
  }
}

async function resourceWithContract(
  p: Participant,
  deliveryYear: number,
): Promise<{ r: Resource; c: Contract }> {
  const db = t.database.prisma
  const r = await createResource(db, {
    participantId: p.id,
    values: { ...resourceExample('stable'), area: 'kyushu' },
  })
  const c = await createContract(db, {
    resource: r,
    deliveryYear,
    contractKw: 1_000,
    annualAmount: 12_000_000,
    state: 'active',
  })
  return { r, c }
}

/** The operator starts the review of a succession's application and approves it. */
async function approve(s: Succession): Promise<void> {
  expect(s.applicationId).not.toBeNull()
  await move(operator, s.applicationId as string, 'startReview')
  await move(operator, s.applicationId as string, 'approve')
}

/** One transition of an application at its current version. */
async function move(session: Session, id: string, action: string, comment?: string) {
  const { version } = await ok<{ version: number }>(session, 'GET', `/api/v1/applications/${id}`)
  await ok(session, 'POST', `/api/v1/applications/${id}/transitions/${action}`, {
    version,
    ...(comment ? { comment } : {}),
  })
}

async function settle(month: string): Promise<SettlementRun> {
  const a = await call(operator, 'POST', '/api/v1/assessments/runs', { month })
  expect(a.statusCode, a.body).toBe(202)
  await t.app.jobs.drain()
  const res = await call(operator, 'POST', '/api/v1/settlements', { month })
  expect(res.statusCode, res.body).toBe(202)
  await t.app.jobs.drain()
  const run = await ok<SettlementRun>(operator, 'GET', `/api/v1/settlements/${res.json().id}`)
  expect(run.state, run.error ?? '').toBe('succeeded')
  return run
}

async function linesOf(month: string, contract: Contract): Promise<ContractAmount[]> {
  const page = await ok<{ items: ContractAmount[] }>(
    operator,
    'GET',
    `/api/v1/contract-amounts?month=${month}&contract=${contract.contractNo}`,
  )
  return page.items
}

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
})

afterAll(async () => {
  await t.close()
})

describe('[G50] succession, merger and exit', () => {
  it('a succession mid-year: consent, review, holder of the month; 2015-10 pays the old party, 2015-11 the new', async () => {
    const db = t.database.prisma
    const a = await party()
    const b = await party()
    const other = await party()
    const { r, c } = await resourceWithContract(a.p, 2015)
    const input = {
      kind: 'succession',
      resourceIds: [r.id],
      toParticipantCode: b.p.code,
      effectiveMonth: '2015-11',
      reason: '事業譲渡のため',
    }

    // Refusals when filing: the operator, a resource not the applicant's, the applicant itself.
    expect((await call(operator, 'POST', '/api/v1/successions', input)).statusCode).toBe(403)
    const foreign = await call(b.admin, 'POST', '/api/v1/successions', {
      ...input,
      toParticipantCode: a.p.code,
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().errors[0].messageId).toBe('E-SUCC-002')
    const self = await call(a.admin, 'POST', '/api/v1/successions', {
      ...input,
      toParticipantCode: a.p.code,
    })
    expect(self.json().errors[0].messageId).toBe('E-SUCC-001')
    const noResource = await call(a.admin, 'POST', '/api/v1/successions', {
      ...input,
      resourceIds: [],
    })
    expect(noResource.json().errors[0].messageId).toBe('E-SUCC-008')

    const filed = await call(a.admin, 'POST', '/api/v1/successions', input)
    expect(filed.statusCode, filed.body).toBe(201)
    const s = filed.json() as Succession
    expect(s).toMatchObject({
      kind: 'succession',
      state: 'pendingConsent',
      participantCode: a.p.code,
      toParticipantCode: b.p.code,
      applicationId: null,
    })
    expect(s.resources).toEqual([
      expect.objectContaining({
        resourceCode: r.code,
        contracts: [
          expect.objectContaining({
            contractNo: c.contractNo,
            months: ['2015-11', '2015-12', '2016-01', '2016-02', '2016-03'],
          }),
        ],
      }),
    ])
    // A second one on the same resource while this one is open.
    const twice = await call(a.admin, 'POST', '/api/v1/successions', input)
    expect([twice.statusCode, twice.json().messageId]).toEqual([409, 'E-SUCC-007'])

    // Isolation: a third participant neither sees it nor finds it in its list.
    expect((await call(other.admin, 'GET', `/api/v1/successions/${s.id}`)).statusCode).toBe(404)
    const otherList = await ok<{ total: number }>(other.admin, 'GET', '/api/v1/successions')
    expect(otherList.total).toBe(0)
    const bList = await ok<{ items: Succession[] }>(b.user, 'GET', '/api/v1/successions')
    expect(bList.items.map((x) => x.id)).toEqual([s.id])

    // Consent: only the receiver's administrator; until then nothing to review.
    expect(await db.application.count({ where: { entityType: 'succession' } })).toBe(0)
    const byApplicant = await call(a.admin, 'POST', `/api/v1/successions/${s.id}/consent`, {
      version: s.version,
    })
    expect([byApplicant.statusCode, byApplicant.json().messageId]).toEqual([403, 'E-SUCC-005'])
    const byUser = await call(b.user, 'POST', `/api/v1/successions/${s.id}/consent`, {
      version: s.version,
    })
    expect(byUser.statusCode).toBe(403)
    const consented = await ok<Succession>(b.admin, 'POST', `/api/v1/successions/${s.id}/consent`, {
      version: s.version,
    })
    expect(consented).toMatchObject({ state: 'applied', applicationState: 'submitted' })
    expect(consented.applicationReceiptNo).toMatch(/\S/)

    await approve(consented)
    const approved = await ok<Succession>(a.user, 'GET', `/api/v1/successions/${s.id}`)
    expect(approved.state).toBe('approved')
    // 2015-11 has begun long ago: the current holder switched at approval.
    expect(approved.effectedAt).not.toBeNull()
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.id } })).participantId).toBe(
      b.p.id,
    )
    expect((await db.resource.findUniqueOrThrow({ where: { id: r.id } })).participantId).toBe(
      b.p.id,
    )
    expect(await contractHolderOfMonth(db, c.id, '2015-10')).toBe(a.p.id)
    expect(await contractHolderOfMonth(db, c.id, '2015-11')).toBe(b.p.id)

    // Settlement: each month's line goes to the holder of that month.
    await settle('2015-10')
    const nov = await settle('2015-11')
    expect((await linesOf('2015-10', c)).map((l) => l.participantId)).toEqual([a.p.id])
    expect((await linesOf('2015-11', c)).map((l) => l.participantId)).toEqual([b.p.id])
    // A re-run of the old month still pays the old party.
    await settle('2015-10')
    expect((await linesOf('2015-10', c)).map((l) => l.participantId)).toEqual([a.p.id])

    // Documents of 2015-11 issued: a succession of the contract from 2015-11 is refused now.
    await ok(operator, 'POST', `/api/v1/settlements/${nov.id}/documents`, {})
    const back = await call(b.admin, 'POST', '/api/v1/successions', {
      ...input,
      toParticipantCode: a.p.code,
    })
    expect(back.statusCode).toBe(409)
    expect(back.json().messageId).toBe('E-SUCC-003')
    expect(back.json().detail).toContain(`${c.contractNo} は 2015-11 の`)
    expect(back.json().detail).toContain('2015-12 以降')
    const later = await call(b.admin, 'POST', '/api/v1/successions', {
      ...input,
      toParticipantCode: a.p.code,
      effectiveMonth: '2015-12',
    })
    expect(later.statusCode, later.body).toBe(201)
  })

  it('a merger moves everything of the applicant and closes it: its users can no longer log in', async () => {
    const db = t.database.prisma
    const from = await party()
    const into = await party()
    const { r, c } = await resourceWithContract(from.p, 2016)
    const old = await resourceWithContract(from.p, 2014)
    const filed = await ok<Succession>(from.admin, 'POST', '/api/v1/successions', {
      kind: 'merger',
      toParticipantCode: into.p.code,
      effectiveMonth: '2016-06',
      reason: '合併',
    })
    expect(filed.state).toBe('pendingConsent')
    // The contract wholly before the effective month stays with the old party.
    expect(filed.resources.flatMap((x) => x.contracts.map((k) => k.contractNo))).toEqual([
      c.contractNo,
    ])
    const consented = await ok<Succession>(
      into.admin,
      'POST',
      `/api/v1/successions/${filed.id}/consent`,
      { version: filed.version },
    )
    await approve(consented)
    const p = await db.participant.findUniqueOrThrow({ where: { id: from.p.id } })
    expect(p.status).toBe('cancelled')
    expect((await call(from.admin, 'GET', '/api/v1/successions')).statusCode).toBe(401)
    const users = await db.user.findMany({ where: { participantId: from.p.id } })
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: operator.origin },
      payload: { participantCode: from.p.code, userId: users[0]?.userId, password: TEST_PASSWORD },
    })
    expect(login.statusCode).toBeGreaterThanOrEqual(400)
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.id } })).participantId).toBe(
      into.p.id,
    )
    expect((await db.resource.findUniqueOrThrow({ where: { id: r.id } })).participantId).toBe(
      into.p.id,
    )
    expect((await db.contract.findUniqueOrThrow({ where: { id: old.c.id } })).participantId).toBe(
      from.p.id,
    )
    // The receiver still sees the application; the operator too.
    const seen = await ok<Succession>(into.user, 'GET', `/api/v1/successions/${filed.id}`)
    expect(seen.state).toBe('approved')
  })

  it('an exit ends the contracts with the §6 exit penalty (the 190 computation) and closes the applicant', async () => {
    const db = t.database.prisma
    const leaving = await party()
    const { c } = await resourceWithContract(leaving.p, 2016)
    const preview = await ok<ExitPenalty>(
      leaving.admin,
      'GET',
      '/api/v1/successions/exit-penalty?effectiveMonth=2016-07',
    )
    expect(preview.items.map((i) => i.contractNo)).toEqual([c.contractNo])
    expect(preview.total).toBeGreaterThan(0)
    const filed = await ok<Succession>(leaving.admin, 'POST', '/api/v1/successions', {
      kind: 'exit',
      effectiveMonth: '2016-07',
      reason: '事業撤退',
    })
    // No receiver: submitted for review at once.
    expect(filed).toMatchObject({ state: 'applied', toParticipantId: null })
    await approve(filed)
    const contract = await db.contract.findUniqueOrThrow({ where: { id: c.id } })
    expect(contract.state).toBe('terminated')
    const factor = await db.penaltyFactor.findFirstOrThrow({ where: { contractId: c.id } })
    expect(factor).toMatchObject({ factorType: 'marketExit', participantId: leaving.p.id })
    expect(Number(factor.amount)).toBe(preview.total)
    const p = await db.participant.findUniqueOrThrow({ where: { id: leaving.p.id } })
    expect(p.status).toBe('cancelled')
  })

  it('a return keeps it under review; reject ends it; a decline by the receiver ends it too', async () => {
    const a = await party()
    const b = await party()
    const { r } = await resourceWithContract(a.p, 2016)
    const filed = await ok<Succession>(a.admin, 'POST', '/api/v1/successions', {
      kind: 'succession',
      resourceIds: [r.id],
      toParticipantCode: b.p.code,
      effectiveMonth: '2016-10',
      reason: '譲渡',
    })
    const declined = await ok<Succession>(
      b.admin,
      'POST',
      `/api/v1/successions/${filed.id}/decline`,
      { version: filed.version, reason: '条件が合わないため' },
    )
    expect(declined).toMatchObject({ state: 'declined', declineReason: '条件が合わないため' })

    const again = await ok<Succession>(a.admin, 'POST', '/api/v1/successions', {
      kind: 'succession',
      resourceIds: [r.id],
      toParticipantCode: b.p.code,
      effectiveMonth: '2016-10',
      reason: '譲渡',
    })
    const applied = await ok<Succession>(
      b.admin,
      'POST',
      `/api/v1/successions/${again.id}/consent`,
      { version: again.version },
    )
    const id = applied.applicationId as string
    await move(operator, id, 'startReview')
    await move(operator, id, 'return', '理由を詳しく')
    expect((await ok<Succession>(a.admin, 'GET', `/api/v1/successions/${again.id}`)).state).toBe(
      'applied',
    )
    await move(a.admin, id, 'resubmit')
    await move(operator, id, 'startReview')
    await move(operator, id, 'reject', '書類不備')
    const rejected = await ok<Succession>(a.admin, 'GET', `/api/v1/successions/${again.id}`)
    expect(rejected).toMatchObject({ state: 'rejected', applicationState: 'rejected' })
    expect(
      (await t.database.prisma.resource.findUniqueOrThrow({ where: { id: r.id } })).participantId,
    ).toBe(a.p.id)
  })

  it('a future effective month: the holder switches at the month’s start by the schedule (injected clock)', async () => {
    const db = t.database.prisma
    const a = await party()
    const b = await party()
    const { r } = await resourceWithContract(a.p, 2016)
    const filed = await ok<Succession>(a.admin, 'POST', '/api/v1/successions', {
      kind: 'succession',
      resourceIds: [r.id],
      toParticipantCode: b.p.code,
      effectiveMonth: '2099-01',
      reason: '将来の譲渡',
    })
    await approve(
      await ok<Succession>(b.admin, 'POST', `/api/v1/successions/${filed.id}/consent`, {
        version: filed.version,
      }),
    )
    const approved = await ok<Succession>(a.admin, 'GET', `/api/v1/successions/${filed.id}`)
    expect(approved).toMatchObject({ state: 'approved', effectedAt: null })
    expect((await db.resource.findUniqueOrThrow({ where: { id: r.id } })).participantId).toBe(
      a.p.id,
    )
    // 2098-12-31 23:59 JST: not yet; the schedule of the real clock neither.
    expect(await runSuccessionSchedule(db, new Date('2098-12-31T14:59:00Z'))).toEqual([])
    await t.app.jobs.queueRecurring(SUCCESSION_SCHEDULE_JOB)
    await t.app.jobs.drain()
    expect((await db.resource.findUniqueOrThrow({ where: { id: r.id } })).participantId).toBe(
      a.p.id,
    )
    // 2099-01-01 00:00 JST: it takes effect, once.
    expect(await runSuccessionSchedule(db, new Date('2098-12-31T15:00:00Z'))).toEqual([
      approved.successionNo,
    ])
    expect(await runSuccessionSchedule(db, new Date('2099-02-01T00:00:00Z'))).toEqual([])
    expect((await db.resource.findUniqueOrThrow({ where: { id: r.id } })).participantId).toBe(
      b.p.id,
    )
  })

  it('lists with filters and CSV', async () => {
    const all = await ok<{ items: Succession[]; total: number }>(
      operator,
      'GET',
      '/api/v1/successions?kind=exit',
    )
    expect(all.total).toBe(1)
    const res = await call(operator, 'GET', '/api/v1/successions?format=csv&encoding=utf-8')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('効力発生月')
  })
})
