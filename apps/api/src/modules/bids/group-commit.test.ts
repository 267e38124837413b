import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAuction,
  createQualification,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import type { Auction, Resource } from '@yoryo/db'
import type { Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { receiptKey, verifyReceipt, type ReceiptKey } from '../../lib/receipts.ts'
import { createTestApp, type TestContext } from '../../test/harness.ts'
import { BidGroupCommit } from './group-commit.ts'
import type { BidWrite, BidWriteRequest, BidWriteResult } from './service.ts'

let t: TestContext
let key: ReceiptKey
let participant: { id: string; code: string }
let userId: string
let resources: Resource[]

beforeAll(async () => {
  t = await createTestApp()
  const prisma = t.database.prisma
  key = await receiptKey(prisma)
  const p = await prisma.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  participant = { id: p.id, code: p.code }
  userId = (await prisma.user.findFirstOrThrow({ where: { participantId: p.id } })).id
  resources = []
  for (let i = 0; i < 8; i++) {
    resources.push(
      await createResource(prisma, {
        participantId: p.id,
        values: resourceExample('stable', 20_000 + i),
      }),
    )
  }
}, 120_000)
afterAll(async () => {
  await t.close()
})

async function openAuction(): Promise<Auction> {
  const prisma = t.database.prisma
  const auction = await createAuction(prisma)
  for (const resource of resources) {
    await createQualification(prisma, { auctionId: auction.id, resource, expectedKw: 5_000 })
  }
  return auction
}

let requests = 0
function write(
  auction: Auction,
  resource: Resource,
  fields: Partial<BidWriteRequest> = {},
): BidWrite & { actor: Actor } {
  requests += 1
  return {
    actor: { userId, label: 'P00001 admin01 test', requestId: `req-${requests}` },
    req: {
      auctionId: auction.id,
      participant,
      resourceCode: resource.code,
      action: 'register',
      kw: 2_000,
      price: 100,
      lang: 'ja',
      ...fields,
    },
  }
}

type Settled = { ok: BidWriteResult; error?: undefined } | { ok?: undefined; error: unknown }
const settle = (p: Promise<BidWriteResult>): Promise<Settled> =>
  p.then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error }),
  )
const messageOf = (s: Settled) => (s.error instanceof AppError ? s.error.messageId : undefined)

describe('group commit of bid writes (110)', () => {
  it('writes the writes waiting meanwhile as one group, each checked, signed and answered alone', async () => {
    const auction = await openAuction()
    const prisma = t.database.prisma
    const committer = new BidGroupCommit(prisma, async () => key, {
      maxGroup: 10,
      maxInFlight: 1,
    })
    const [r0, r1, r2, r3, r4] = resources as [Resource, Resource, Resource, Resource, Resource]
    const writes = [
      write(auction, r0), // alone: nothing is being written yet
      write(auction, r1, { kw: 2_500, price: 300 }),
      write(auction, r2, { kw: 9_000 }), // over the expected capacity
      write(auction, r3, { kw: 3_000 }),
      write(auction, r4, { action: 'change', version: 1 }), // no bid to change
      write(auction, r1, { kw: 1_000 }), // the same resource: the next group (already bid)
    ]
    const results = await Promise.all(writes.map((w) => settle(committer.write(w))))
    expect(committer.stats).toEqual({ groups: 3, writes: 6 })
    expect(results.map((r) => (r.ok ? r.ok.bid.version : messageOf(r)))).toEqual([
      1,
      1,
      'E-BID-002',
      1,
      'E-BID-006',
      'E-BID-005',
    ])
    for (const r of results.filter((r) => r.ok)) {
      expect(verifyReceipt(key.publicKeyPem, r.ok!.receipt)).toBe(true)
      expect(r.ok!.receipt.content.acceptedAt).toBe(r.ok!.bid.submittedAt)
    }
    expect(await prisma.bid.count({ where: { auctionId: auction.id } })).toBe(3)

    // The rows of one accepted write: the bid, its version with the receipt, one audit entry
    const { bid, receipt } = results[1]!.ok!
    const acceptedAt = new Date(receipt.content.acceptedAt)
    expect(await prisma.bid.findUniqueOrThrow({ where: { id: bid.id } })).toMatchObject({
      auctionId: auction.id,
      resourceId: r1.id,
      participantId: participant.id,
      kw: 2_500,
      price: 300,
      version: 1,
      submittedAt: acceptedAt,
      withdrawnAt: null,
    })
    expect(await prisma.bidVersion.findMany({ where: { bidId: bid.id } })).toEqual([
      {
        id: bid.versionId,
        bidId: bid.id,
        versionNo: 1,
        action: 'register',
        kw: 2_500,
        price: 300,
        acceptedAt,
        userId,
        userName: 'P00001 admin01 test',
        canonical: receipt.canonical,
        sha256: receipt.sha256,
        signature: receipt.signature,
        keyId: key.keyId,
      },
    ])
    const [entry, ...more] = await prisma.auditLog.findMany({ where: { entityId: bid.id } })
    expect(more).toEqual([])
    expect(entry).toMatchObject({
      actorUserId: userId,
      actorLabel: 'P00001 admin01 test',
      participantId: participant.id,
      action: 'bid.register',
      entityType: 'bid',
      requestId: writes[1]!.actor.requestId,
      before: null,
      after: {
        auctionCode: auction.code,
        resourceCode: r1.code,
        version: 1,
        kw: 2_500,
        price: 300,
        acceptedAt: receipt.content.acceptedAt,
        receiptSha256: receipt.sha256,
      },
    })

    // A change and a withdrawal in one group: each audit entry holds the bid before it
    const [changed, withdrawn] = await Promise.all([
      committer.write(write(auction, r1, { action: 'change', version: 1, kw: 1_500, price: 7 })),
      committer.write(write(auction, r3, { action: 'withdraw', version: 1 })),
    ])
    expect(changed.bid).toMatchObject({ version: 2, kw: 1_500, price: 7, withdrawnAt: null })
    expect(withdrawn.bid).toMatchObject({ version: 2, kw: 3_000, price: 100 })
    expect(withdrawn.bid.withdrawnAt).toBe(withdrawn.receipt.content.acceptedAt)
    expect(withdrawn.bid.submittedAt).toBe(results[3]!.ok!.bid.submittedAt)
    const changeEntry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: bid.id, action: 'bid.change' },
    })
    expect(changeEntry.before).toEqual({ version: 1, kw: 2_500, price: 300, withdrawnAt: null })
    const withdrawEntry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: withdrawn.bid.id, action: 'bid.withdraw' },
    })
    expect(withdrawEntry.after).toMatchObject({ version: 2, kw: 3_000, price: 100 })
  })

  it('tries each write of a group that failed as a whole again on its own: only the faulty one fails', async () => {
    const auction = await openAuction()
    const prisma = t.database.prisma
    const committer = new BidGroupCommit(prisma, async () => key, {
      maxGroup: 10,
      maxInFlight: 1,
    })
    const [r0, r1, r2] = resources as [Resource, Resource, Resource]
    const first = await committer.write(write(auction, r0))
    // A stray version 2 of r0's bid: r0's change to version 2 breaks the group's write statement
    await prisma.bidVersion.create({
      data: {
        bidId: first.bid.id,
        versionNo: 2,
        action: 'change',
        kw: 1_000,
        price: 1,
        acceptedAt: new Date(),
        userName: 'stray',
        canonical: '{}',
        sha256: '',
        signature: '',
        keyId: '',
      },
    })
    const results = await Promise.all(
      [
        write(auction, r2), // alone
        write(auction, r0, { action: 'change', version: 1, kw: 3_000 }),
        write(auction, r1),
      ].map((w) => settle(committer.write(w))),
    )
    expect(committer.stats).toEqual({ groups: 3, writes: 4 })
    expect(results[0]!.ok?.bid.version).toBe(1)
    expect(results[1]!.error).toBeDefined()
    expect(results[1]!.error).not.toBeInstanceOf(AppError)
    expect(results[2]!.ok?.bid.version).toBe(1)
    const bids = await prisma.bid.findMany({
      where: { auctionId: auction.id },
      include: { _count: { select: { versions: true } } },
      orderBy: { submittedAt: 'asc' },
    })
    expect(bids.map((b) => [b.resourceId, b.version, b._count.versions])).toEqual([
      [r0.id, 1, 2],
      [r2.id, 1, 1],
      [r1.id, 1, 1],
    ])
  })

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'does not wait for a row lock held elsewhere: that write follows on its own (PostgreSQL)',
    async () => {
      const auction = await openAuction()
      const prisma = t.database.prisma
      const committer = new BidGroupCommit(prisma, async () => key, {
        maxGroup: 10,
        maxInFlight: 1,
      })
      const [r0, r1, r2] = resources as [Resource, Resource, Resource]
      let lockedWrite!: Promise<Settled>
      let lockedSettled = false
      let others!: Settled[]
      await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM auction_qualification
          WHERE auction_id = ${auction.id}::uuid AND resource_id = ${r1.id}::uuid FOR UPDATE`
        const alone = settle(committer.write(write(auction, r0)))
        lockedWrite = settle(committer.write(write(auction, r1))).then((s) => {
          lockedSettled = true
          return s
        })
        const grouped = settle(committer.write(write(auction, r2)))
        // Both answered while r1's lock is still held: the group did not wait for it
        others = await Promise.all([alone, grouped])
        expect(lockedSettled).toBe(false)
      })
      expect(others.map((s) => s.ok?.bid.version)).toEqual([1, 1])
      expect((await lockedWrite).ok?.bid.version).toBe(1)
      expect(committer.stats).toEqual({ groups: 2, writes: 3 })
    },
  )
})
