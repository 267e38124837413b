import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuction, createQualification } from '@yoryo/db/factories'
import type { Auction, Resource } from '@yoryo/db'
import { verifyReceipt } from '../../lib/receipts.ts'
import { bulkErrors, bulkImport } from '../../test/bulk.ts'
import { createTestApp, loginAs, type TestContext } from '../../test/harness.ts'
import { race, tally } from '../../test/race.ts'

let t: TestContext
let admin: { cookie: string; origin: string }
let other: { cookie: string; origin: string }
let operator: { cookie: string; origin: string }
let resources: Resource[]
let otherResource: Resource

const HOUR = 3_600_000

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginAs(t.app, 'P00001', 'admin01')
  other = await loginAs(t.app, 'P00002', 'admin01')
  operator = await loginAs(t.app, 'OCCTO', 'operator01')
  resources = await t.database.prisma.resource.findMany({
    where: { participant: { code: 'P00001' } },
    orderBy: { code: 'asc' },
  })
  otherResource = await t.database.prisma.resource.findFirstOrThrow({
    where: { participant: { code: 'P00002' } },
  })
}, 120_000)
afterAll(async () => {
  await t.close()
})

/** An auction open for bidding (unless given) with P00001's resources qualified at 5,000 kW. */
async function openAuction(bidding?: { opensAt: Date; closesAt: Date }): Promise<Auction> {
  const prisma = t.database.prisma
  const auction = await createAuction(prisma, bidding ? { bidding } : {})
  for (const resource of [...resources, otherResource]) {
    await createQualification(prisma, { auctionId: auction.id, resource, expectedKw: 5_000 })
  }
  return auction
}

function put(
  session: { cookie: string; origin: string },
  auction: Auction,
  resourceCode: string,
  body: Record<string, unknown>,
) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/auctions/${auction.id}/bids/${resourceCode}`,
    headers: session,
    payload: body,
  })
}

describe('bids (110)', () => {
  it('registers a bid inside the window with a receipt that verifies with the published key', async () => {
    const auction = await openAuction()
    const code = resources[0]!.code
    const res = await put(admin, auction, code, { kw: 3000, price: 8000 })
    expect(res.statusCode, res.body).toBe(201)
    const { bid, receipt } = res.json()
    expect(bid).toMatchObject({ kw: 3000, price: 8000, version: 1, withdrawnAt: null })
    expect(receipt.content).toMatchObject({
      type: 'yoryo.bidReceipt.v1',
      auctionCode: auction.code,
      participantCode: 'P00001',
      resourceCode: code,
      version: 1,
      action: 'register',
      kw: 3000,
      price: 8000,
      acceptedAt: bid.submittedAt,
    })
    const keys = await t.app.inject({ url: '/api/v1/receipt-keys', headers: admin })
    expect(keys.statusCode).toBe(200)
    const [key] = keys.json().keys
    expect(key.keyId).toBe(receipt.keyId)
    expect(verifyReceipt(key.publicKey, receipt)).toBe(true)
    // One byte changed in the signed text: no longer verifies (and the hash no longer matches).
    const tampered = receipt.canonical.replace('"kw":3000', '"kw":3001')
    expect(verifyReceipt(key.publicKey, { ...receipt, canonical: tampered })).toBe(false)
    const sig = Buffer.from(receipt.signature, 'base64')
    sig[0] = sig[0]! ^ 1
    expect(verifyReceipt(key.publicKey, { ...receipt, signature: sig.toString('base64') })).toBe(
      false,
    )
    // The stored receipt, its PDF, one audit entry
    const stored = await t.app.inject({
      url: `/api/v1/bid-versions/${bid.versionId}/receipt`,
      headers: admin,
    })
    expect(stored.json()).toEqual(receipt)
    const pdf = await t.app.inject({
      url: `/api/v1/bid-versions/${bid.versionId}/receipt.pdf`,
      headers: admin,
    })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(
      await t.database.prisma.auditLog.count({
        where: { action: 'bid.register', entityId: bid.id },
      }),
    ).toBe(1)
    // Another participant sees neither the receipt nor the history
    for (const url of [
      `/api/v1/bid-versions/${bid.versionId}/receipt`,
      `/api/v1/bids/${bid.id}/versions`,
    ]) {
      expect((await t.app.inject({ url, headers: other })).statusCode).toBe(404)
    }
  })

  it('refuses a bid before the window opens and after it closed, stating the window', async () => {
    const now = Date.now()
    const closed = await openAuction({
      opensAt: new Date(now - 2 * HOUR),
      closesAt: new Date(now - HOUR),
    })
    const res = await put(admin, closed, resources[0]!.code, { kw: 3000, price: 8000 })
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-BID-008')
    expect(res.json().detail).toContain(`応札受付（${closed.code}）`)
    expect(res.json().detail).toMatch(/受付期間：\d{4}\/\d\d\/\d\d \d\d:\d\d～/)
    const upcoming = await openAuction({
      opensAt: new Date(now + HOUR),
      closesAt: new Date(now + 2 * HOUR),
    })
    const early = await put(admin, upcoming, resources[0]!.code, { kw: 3000, price: 8000 })
    expect(early.json().messageId).toBe('E-BID-008')
    expect(await t.database.prisma.bid.count({ where: { auctionId: closed.id } })).toBe(0)
    // The operator closed bidding (state biddingClosed) while the window still runs: refused too
    const stopped = await openAuction()
    await t.database.prisma.auction.update({
      where: { id: stopped.id },
      data: { state: 'biddingClosed' },
    })
    const late = await put(admin, stopped, resources[0]!.code, { kw: 3000, price: 8000 })
    expect(late.json().messageId).toBe('E-BID-008')
  })

  it('refuses a write sent inside the window that reaches its row lock after the close', async () => {
    const auction = await openAuction()
    const code = resources[1]!.code
    const prisma = t.database.prisma
    let pending!: ReturnType<typeof put>
    await prisma.$transaction(async (tx) => {
      // Hold the row lock the write needs, send the write (window open), then close the window.
      await tx.$queryRaw`SELECT id FROM auction_qualification
        WHERE auction_id = ${auction.id}::uuid FOR UPDATE`
      pending = put(admin, auction, code, { kw: 2000, price: 100 })
      if (process.env.TEST_DATABASE_URL) {
        // PostgreSQL: until the write waits for the row lock (taken up while the window is open).
        // PGlite runs one transaction at a time: there the write starts after this one anyway.
        for (;;) {
          const [waiting] = await prisma.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`
          if (waiting!.n > 0) break
        }
      }
      await tx.$executeRaw`UPDATE market_window SET closes_at = clock_timestamp()
        WHERE auction_id = ${auction.id}::uuid AND kind = 'bidding'`
    })
    const res = await pending
    expect(res.statusCode).toBe(409)
    expect(res.json().messageId).toBe('E-BID-008')
    expect(await prisma.bid.count({ where: { auctionId: auction.id } })).toBe(0)
  })

  it('keeps 1,000 kW ≤ kW ≤ expected capacity and 0 ≤ price ≤ floor(cap)', async () => {
    const auction = await openAuction() // cap 15,112.5 → 15,112
    const code = resources[2]!.code
    const tooSmall = await put(admin, auction, code, { kw: 999, price: 100 })
    expect(tooSmall.statusCode).toBe(400)
    expect(tooSmall.json().errors[0].messageId).toBe('E-BID-001')
    const tooBig = await put(admin, auction, code, { kw: 5001, price: 100 })
    expect(tooBig.statusCode).toBe(400)
    expect(tooBig.json().messageId).toBe('E-BID-002')
    const tooDear = await put(admin, auction, code, { kw: 5000, price: 15_113 })
    expect(tooDear.json().messageId).toBe('E-BID-003')
    expect(tooDear.json().detail).toContain('15112')
    const negative = await put(admin, auction, code, { kw: 5000, price: -1 })
    expect(negative.statusCode).toBe(400)
    const edge = await put(admin, auction, code, { kw: 5000, price: 15_112 })
    expect(edge.statusCode, edge.body).toBe(201)
    const low = await put(admin, resources.length ? auction : auction, resources[3]!.code, {
      kw: 1000,
      price: 0,
    })
    expect(low.statusCode, low.body).toBe(201)
  })

  it('bids for the caller’s own qualified resources only, one bid per resource', async () => {
    const auction = await openAuction()
    const notMine = await put(admin, auction, otherResource.code, { kw: 2000, price: 100 })
    expect(notMine.statusCode).toBe(404)
    expect(notMine.json().messageId).toBe('E-BID-007')
    const excluded = resources[0]!
    await t.database.prisma.auctionQualification.updateMany({
      where: { auctionId: auction.id, resourceId: excluded.id },
      data: { state: 'excluded' },
    })
    const notQualified = await put(admin, auction, excluded.code, { kw: 2000, price: 100 })
    expect(notQualified.json().messageId).toBe('E-BID-007')
    const operatorWrite = await put(operator, auction, resources[1]!.code, { kw: 2000, price: 1 })
    expect(operatorWrite.statusCode).toBe(403)
    expect((await put(admin, auction, resources[1]!.code, { kw: 2000, price: 1 })).statusCode).toBe(
      201,
    )
    const twice = await put(admin, auction, resources[1]!.code, { kw: 2000, price: 1 })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().messageId).toBe('E-BID-005')
  })

  it('changes with optimistic concurrency, withdraws, keeps the history, lists the state', async () => {
    const auction = await openAuction()
    const code = resources[0]!.code
    const first = (await put(admin, auction, code, { kw: 2000, price: 500 })).json()
    const changed = await put(admin, auction, code, { kw: 2500, price: 400, version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().bid).toMatchObject({ version: 2, kw: 2500, price: 400 })
    expect(changed.json().receipt.content.action).toBe('change')
    const stale = await put(admin, auction, code, { kw: 3000, price: 400, version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().messageId).toBe('E-BID-004')
    const withdrawn = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auctions/${auction.id}/bids/${code}?version=2`,
      headers: admin,
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(withdrawn.json().bid.withdrawnAt).not.toBeNull()
    expect(withdrawn.json().receipt.content.action).toBe('withdraw')
    const afterWithdraw = await put(admin, auction, code, { kw: 3000, price: 1, version: 3 })
    expect(afterWithdraw.json().messageId).toBe('E-BID-006')

    const history = await t.app.inject({
      url: `/api/v1/bids/${first.bid.id}/versions`,
      headers: admin,
    })
    expect(history.json().versions.map((v: { action: string }) => v.action)).toEqual([
      'withdraw',
      'change',
      'register',
    ])
    const list = await t.app.inject({ url: `/api/v1/auctions/${auction.id}/bids`, headers: admin })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().total).toBe(resources.length)
    const row = list
      .json()
      .items.find((i: { resource: { code: string } }) => i.resource.code === code)
    expect(row.state).toBe('withdrawn')
    const filtered = await t.app.inject({
      url: `/api/v1/auctions/${auction.id}/bids?state=withdrawn`,
      headers: admin,
    })
    expect(filtered.json().total).toBe(1)
    // The operator sees every participant's qualified resources
    const all = await t.app.inject({
      url: `/api/v1/auctions/${auction.id}/bids`,
      headers: operator,
    })
    expect(all.json().total).toBe(resources.length + 1)
    // A withdrawn bid can be registered again (version 4)
    const again = await put(admin, auction, code, { kw: 1000, price: 1 })
    expect(again.statusCode).toBe(201)
    expect(again.json().bid.version).toBe(4)
    const header = await t.app.inject({
      url: `/api/v1/auctions/${auction.id}/bidding`,
      headers: admin,
    })
    expect(header.json()).toMatchObject({ accepting: true, maxPrice: 15_112, bidCount: 1 })
  })

  it('loses no update: of N changes based on the same version exactly one wins', async () => {
    const auction = await openAuction()
    const code = resources[3]!.code
    await put(admin, auction, code, { kw: 2000, price: 100 })
    const n = 8
    const results = await race(n, (i) =>
      put(admin, auction, code, { kw: 2000 + i, price: 100 + i, version: 1 }),
    )
    expect(tally(results, (r) => r.statusCode)).toEqual({ 200: 1, 409: n - 1 })
    const winner = results.find((r) => r.statusCode === 200)!.json().bid
    const bid = await t.database.prisma.bid.findFirstOrThrow({ where: { auctionId: auction.id } })
    expect({ kw: bid.kw, version: bid.version }).toEqual({ kw: winner.kw, version: 2 })
    expect(await t.database.prisma.bidVersion.count({ where: { bidId: bid.id } })).toBe(2)
    expect(await t.database.prisma.auditLog.count({ where: { entityId: bid.id } })).toBe(2)
  })

  it('imports the 850, 860 and 870 files through the same rules, with receipts', async () => {
    const auction = await openAuction()
    const header = 'オークションID,電源等識別番号,応札容量(kW),応札価格(円/kW)'
    const [a, b, c] = resources.map((r) => r.code)
    const csv = (lines: string[]) => Buffer.from([...lines, ''].join('\r\n'))
    const run = (format: string, lines: string[]) =>
      bulkImport(t.app, admin, { format, mode: 'apply' }, csv(lines))

    const registered = await run('850', [
      header,
      `${auction.code},${a},3000,8000`,
      `${auction.code},${b},2000,7000`,
    ])
    expect(registered.import.state, JSON.stringify(registered.import)).toBe('succeeded')
    expect(registered.import.appliedCount).toBe(2)
    const versions = await t.database.prisma.bidVersion.findMany({
      where: { bid: { auctionId: auction.id } },
    })
    expect(versions).toHaveLength(2)
    const key = (await t.app.inject({ url: '/api/v1/receipt-keys', headers: admin })).json().keys[0]
    for (const v of versions) expect(verifyReceipt(key.publicKey, v)).toBe(true)

    const changed = await run('860', [header, `${auction.code},${a},3500,7500`])
    expect(changed.import.state).toBe('succeeded')
    const either = await run('870', [
      `${header},処理区分`,
      `${auction.code},${b},2100,6900,change`,
      `${auction.code},${c},1000,0,登録`,
    ])
    expect(either.import.state, JSON.stringify(either.import)).toBe('succeeded')
    const bids = await t.database.prisma.bid.findMany({
      where: { auctionId: auction.id },
      include: { resource: true },
    })
    expect(
      Object.fromEntries(bids.map((x) => [x.resource.code, [x.kw, x.price, x.version]])),
    ).toEqual({ [a!]: [3500, 7500, 2], [b!]: [2100, 6900, 2], [c!]: [1000, 0, 1] })

    // Every kind of bad row, named row by row; nothing written
    const bad = await run('850', [
      header,
      `A2099M9,${a},3000,1`, // no such auction
      `${auction.code},${a},3000,1`, // already has a bid
      `${auction.code},${otherResource.code},3000,1`, // not own / not qualified
      `${auction.code},${resources[3]!.code},9000,20000`, // over expected kW and the cap
      `${auction.code},${resources[3]!.code},1000,1`, // twice in the file
      `${auction.code},${resources[3]!.code},500,1`, // below 1,000 kW
    ])
    expect(bad.import.state).toBe('failed')
    const errors = await bulkErrors(t.app, admin, bad.import.id)
    const ids = errors.map((e) => e.find((cell) => /^E-/.test(cell)))
    expect(ids).toEqual(
      expect.arrayContaining(['E-BID-009', 'E-BID-005', 'E-BID-007', 'E-BID-002', 'E-BID-003']),
    )
    expect(ids).toContain('E-BID-010')
    const notBid = await run('860', [header, `${auction.code},${resources[3]!.code},1000,1`])
    expect(notBid.import.state).toBe('failed')
    expect(await t.database.prisma.bid.count({ where: { auctionId: auction.id } })).toBe(3)
  })

  it('refuses a bid file applied after the close, stating the window', async () => {
    const now = Date.now()
    const auction = await openAuction({
      opensAt: new Date(now - 2 * HOUR),
      closesAt: new Date(now - HOUR),
    })
    const res = await bulkImport(
      t.app,
      admin,
      { format: '850', mode: 'apply' },
      Buffer.from(
        `オークションID,電源等識別番号,応札容量(kW),応札価格(円/kW)\r\n${auction.code},${resources[0]!.code},3000,8000\r\n`,
      ),
    )
    expect(res.import.state).toBe('failed')
    const errors = await bulkErrors(t.app, admin, res.import.id)
    expect(errors.flat()).toContain('E-BID-008')
  })

  it('offers samples of 850/860/870 that import for P00001 when its auction is open', async () => {
    for (const code of ['850', '860', '870']) {
      const res = await t.app.inject({
        url: `/api/v1/bulk-formats/${code}/sample?encoding=utf-8`,
        headers: admin,
      })
      expect(res.statusCode).toBe(200)
    }
    // The sample's auction (A<FY+4>M1) is the first main auction of its year: make it exist.
    const sample = (
      await t.app.inject({ url: '/api/v1/bulk-formats/850/sample?encoding=utf-8', headers: admin })
    ).body
    const [auctionCode, resourceCode] = sample
      .split('\r\n')[1]!
      .replace(/^\uFEFF/, '')
      .split(',')
    const auction =
      (await t.database.prisma.auction.findUnique({ where: { code: auctionCode } })) ??
      (await openAuction())
    expect(auction.code).toBe(auctionCode)
    await t.database.prisma.bid.deleteMany({
      where: { auctionId: auction.id, resource: { code: resourceCode } },
    })
    const imported = await bulkImport(
      t.app,
      admin,
      { format: '850', mode: 'apply' },
      Buffer.from(sample),
    )
    expect(imported.import.state, JSON.stringify(imported.import)).toBe('succeeded')
  })
})
