import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, ORIGIN, type TestContext } from '../harness.ts'
import { race, tally } from '../race.ts'
import { buildWorld, type World } from './world.ts'

/**
 * Suite: concurrency (issue 8). N concurrent transitions of one record through the race
 * harness (`test/race.ts`): exactly one wins, the others get a conflict or find it gone, and
 * exactly one audit entry is written.
 */
const N = Number(process.env.RACE_N ?? 8)

let t: TestContext
let world: World
beforeAll(async () => {
  t = await createTestApp()
  world = await buildWorld(t)
}, 120_000)
afterAll(async () => {
  await t.close()
})

const summary: string[] = []
afterAll(() => console.log(`[suite concurrency] ${N} at once: ${summary.join('; ')}`))

async function auditCount(action: string, entityId: string) {
  return t.database.prisma.auditLog.count({ where: { action, entityId } })
}

describe('suite: concurrency', () => {
  it('lets exactly one of N operators start the review of one application', async () => {
    const operator = world.callers.operator.headers
    const id = world.own.applicationId
    const { version } = (
      await t.app.inject({ url: `/api/v1/applications/${id}`, headers: operator })
    ).json()
    const results = await race(N, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/transitions/startReview`,
        headers: operator,
        payload: { version, comment: '' },
      }),
    )
    const outcome = tally(results, (r) => r.statusCode)
    summary.push(`application.startReview ${JSON.stringify(outcome)}`)
    expect(outcome).toEqual({ 200: 1, 409: N - 1 })
    expect(await auditCount('application.startReview', id)).toBe(1)
  })

  it('lets exactly one of N requests delete one attachment', async () => {
    const admin = { ...world.callers.participantAdmin.headers, origin: ORIGIN }
    const id = world.own.attachmentId
    const results = await race(N, () =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/attachments/${id}`, headers: admin }),
    )
    const outcome = tally(results, (r) => r.statusCode)
    summary.push(`attachment.delete ${JSON.stringify(outcome)}`)
    expect(outcome).toEqual({ 200: 1, 404: N - 1 })
    expect(await auditCount('attachment.delete', id)).toBe(1)
  })

  it('lets exactly one of N administrators cancel one user', async () => {
    const admin = world.callers.participantAdmin.headers
    const id = world.own.userId
    const { version } = (await t.app.inject({ url: `/api/v1/users/${id}`, headers: admin })).json()
    const results = await race(N, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${id}/cancel`,
        headers: admin,
        payload: { version },
      }),
    )
    const outcome = tally(results, (r) => r.statusCode)
    summary.push(`user.cancel ${JSON.stringify(outcome)}`)
    expect(outcome['200']).toBe(1)
    expect(outcome['409']).toBe(N - 1)
    expect(await auditCount('user.cancel', id)).toBe(1)
  })

  it('revokes one API token once, whatever the number of concurrent revocations', async () => {
    const caller = world.callers.userWithEdit
    const results = await race(N, () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${caller.tokenId}`,
        headers: caller.headers,
      }),
    )
    summary.push(`apiToken.revoke ${JSON.stringify(tally(results, (r) => r.statusCode))}`)
    expect(results.every((r) => r.statusCode === 200)).toBe(true)
    expect(await auditCount('apiToken.revoke', caller.tokenId as string)).toBe(1)
  })
})
