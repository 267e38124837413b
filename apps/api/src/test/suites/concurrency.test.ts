import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, ORIGIN, type TestContext } from '../harness.ts'
import { race, tally } from '../race.ts'
import { buildWorld, type World } from './world.ts'
import { createAuction, createQualification } from '@yoryo/db/factories'

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

  it('accepts no bid after the close and loses no update when the window closes during a race', async () => {
    // A few dozen clients change the bids of a few resources, each on the version it read, while
    // one racer closes the bidding window (by the database's clock) in the middle of the race.
    const clients = Number(process.env.RACE_BIDS ?? 36)
    const prisma = t.database.prisma
    const admin = world.callers.participantAdmin.headers
    const auction = await createAuction(prisma)
    const resources = await prisma.resource.findMany({
      where: { participantId: world.own.participantId },
      orderBy: { code: 'asc' },
      take: 4,
    })
    for (const resource of resources) {
      await createQualification(prisma, { auctionId: auction.id, resource, expectedKw: 100_000 })
    }
    const url = (code: string) => `/api/v1/auctions/${auction.id}/bids/${code}`
    for (const r of resources) {
      await t.app.inject({
        method: 'PUT',
        url: url(r.code),
        headers: admin,
        payload: { kw: 1000, price: 1 },
      })
    }
    const versionOf = async (code: string) => {
      const res = await t.app.inject({
        url: `/api/v1/auctions/${auction.id}/bids?q=${code}`,
        headers: admin,
      })
      return res.json().items[0].bid.version as number
    }
    // The closer waits until one change per resource has been accepted; every client tries a
    // few rounds (read the version, change on it), so later rounds meet the closed window.
    const rounds = 3
    let accepted = 0
    let onAccepted = () => {}
    const enoughAccepted = new Promise<void>((resolve) => {
      onAccepted = () => {
        accepted += 1
        if (accepted >= resources.length) resolve()
      }
    })
    const results = (
      await race(clients + 1, async (i) => {
        if (i === clients) {
          await enoughAccepted
          await prisma.$executeRaw`UPDATE market_window SET closes_at = clock_timestamp()
            WHERE auction_id = ${auction.id}::uuid AND kind = 'bidding'`
          return [{ status: 0, messageId: 'close', code: '' }]
        }
        const code = (resources[i % resources.length] as { code: string }).code
        const out: { status: number; messageId: string; code: string }[] = []
        for (let round = 0; round < rounds; round++) {
          const version = await versionOf(code)
          const res = await t.app.inject({
            method: 'PUT',
            url: url(code),
            headers: admin,
            payload: { kw: 1000 + i, price: round, version },
          })
          if (res.statusCode === 200) onAccepted()
          out.push({ status: res.statusCode, messageId: res.json().messageId as string, code })
          if (res.json().messageId === 'E-BID-008') break
        }
        return out
      })
    ).flat()
    const writes = results.filter((r) => r.messageId !== 'close')
    const outcome = tally(writes, (r) => (r.status === 200 ? 200 : `${r.status} ${r.messageId}`))
    summary.push(`bids at the close (${clients} clients) ${JSON.stringify(outcome)}`)
    expect(outcome['200']).toBeGreaterThanOrEqual(resources.length)
    // Only acceptances, version conflicts and refusals after the close
    expect(
      Object.keys(outcome).filter((k) => !['200', '409 E-BID-004', '409 E-BID-008'].includes(k)),
    ).toEqual([])
    const window = await prisma.marketWindow.findFirstOrThrow({
      where: { auctionId: auction.id, kind: 'bidding' },
    })
    const versions = await prisma.bidVersion.findMany({ where: { bid: { auctionId: auction.id } } })
    // 0 accepted after the close (server time)
    expect(versions.filter((v) => v.acceptedAt >= window.closesAt)).toEqual([])
    // 0 lost updates: every accepted change is one version on top of the one before
    for (const r of resources) {
      const bid = await prisma.bid.findFirstOrThrow({
        where: { auctionId: auction.id, resourceId: r.id },
        include: { versions: { orderBy: { versionNo: 'asc' } } },
      })
      const accepted = writes.filter((w) => w.code === r.code && w.status === 200).length
      expect(bid.version).toBe(1 + accepted)
      expect(bid.versions.map((v) => v.versionNo)).toEqual(
        Array.from({ length: bid.version }, (_, k) => k + 1),
      )
      const last = bid.versions.at(-1) as { kw: number; price: number }
      expect({ kw: bid.kw, price: bid.price }).toEqual({ kw: last.kw, price: last.price })
    }
    // A write after the race is refused with the window stated
    const late = await t.app.inject({
      method: 'PUT',
      url: url((resources[0] as { code: string }).code),
      headers: admin,
      payload: { kw: 1000, price: 1, version: 1 },
    })
    expect(late.json().messageId).toBe('E-BID-008')
  })
})
