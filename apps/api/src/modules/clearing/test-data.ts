import { randomInt } from 'node:crypto'
import { areas, type AuctionType } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import {
  auctionParametersExample,
  createAuction,
  createParticipant,
  createQualification,
  createResource,
  resourceExample,
} from '@yoryo/db/factories'
import type { JobRunner } from '../../lib/jobs.ts'
import { participantProfile } from './demo.ts'
import { publish, startClearing } from './service.ts'

/**
 * A small auction for the end-to-end tests (test-support only): the example parameters (nine
 * areas of 10,000 kW), a bidder of its own with two bids per area, and one qualified resource of
 * `participantCode` in tokyo with a bid (none when `open`). `published` is cleared by the
 * clearing job and published.
 */
export async function createTestAuction(
  db: Db,
  jobs: JobRunner,
  input: {
    state: 'open' | 'biddingClosed' | 'published'
    type: AuctionType
    participantCode?: string
  },
) {
  const auction = await createAuction(db, {
    type: input.type,
    deliveryYear: 2040 + randomInt(50),
    state: input.state === 'published' ? 'biddingClosed' : input.state,
    parameters: auctionParametersExample(),
  })
  const bidder = await createParticipant(db, participantProfile(1, String(randomInt(1e11))))
  let n = 0
  const bid = async (
    participantId: string,
    area: (typeof areas)[number],
    kw: number,
    price: number,
  ) => {
    const resource = await createResource(db, {
      participantId,
      values: { ...resourceExample('stable', randomInt(1_000_000)), area },
    })
    await createQualification(db, { auctionId: auction.id, resource, expectedKw: 20_000 })
    if (input.state !== 'open') {
      await db.bid.create({
        data: {
          auctionId: auction.id,
          resourceId: resource.id,
          participantId,
          kw,
          price,
          submittedAt: new Date(Date.now() - 86_400_000 + ++n * 1_000),
        },
      })
    }
    return resource
  }
  // Hokkaido is short at the national price (2,000 kW + 5,000 kW import < 10,000 kW): it splits.
  for (const [i, area] of areas.entries()) {
    await bid(bidder.id, area, area === 'hokkaido' ? 2_000 : 9_000, 0)
    await bid(bidder.id, area, 3_000, area === 'hokkaido' ? 14_000 : 4_000 + 300 * i)
  }
  const resources = []
  if (input.participantCode) {
    const participant = await db.participant.findUniqueOrThrow({
      where: { code: input.participantCode },
    })
    resources.push(await bid(participant.id, 'tokyo', 8_000, 5_000))
  }
  if (input.state === 'published') {
    const operator = await db.user.findFirstOrThrow({ where: { role: 'operator' } })
    const actor = {
      userId: operator.id,
      label: 'test-support',
      requestId: 'test-support',
      name: operator.name,
    }
    const run = await startClearing(db, jobs, actor, auction.id)
    await jobs.drain()
    // The server's own runner may have taken the job: wait for its end.
    for (let i = 0; i < 200; i++) {
      const row = await db.clearing.findUniqueOrThrow({ where: { id: run.id } })
      if (row.state === 'succeeded') break
      if (row.state === 'failed') throw new Error(row.error ?? 'clearing failed')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await publish(db, actor, auction.id, run.id)
  }
  return {
    id: auction.id,
    code: auction.code,
    resources: resources.map((r) => ({ id: r.id, code: r.code, name: r.name })),
  }
}
