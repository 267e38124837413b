/** Properties of the clearing on random instances (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prepareClearing } from './clearing-input.ts'
import {
  clearAuction,
  compareMeritOrder,
  explainClearing,
  runClearing,
  sortMeritOrder,
} from './clearing.ts'
import { AREAS } from './types.ts'
import type { Area, BidInput, ClearingInput, ClearingResult } from './types.ts'

// More runs with FC_RUNS=… (e.g. before changing the clearing); CI runs the default.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) }

/** Random instances: a few areas, links, adders, a curve, and up to 40 bids with many ties. */
const instance: fc.Arbitrary<ClearingInput> = fc
  .subarray([...AREAS], { minLength: 1, maxLength: 5 })
  .chain((areas) => {
    const area = fc.constantFrom(...areas)
    const bidArb = fc.record({
      area,
      kind: fc.constantFrom('stable', 'stable', 'variableSingle', 'dispatchOrder' as const),
      kw: fc.integer({ min: 1000, max: 6000 }),
      price: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
      second: fc.integer({ min: 0, max: 5 }),
      code: fc.integer({ min: 0, max: 5 }),
      rate: fc.option(fc.constantFrom(0, 0.5, 0.9, 1), { nil: undefined }),
    })
    return fc.record({
      areas: fc.constant(areas),
      required: fc.array(fc.integer({ min: 0, max: 15_000 }), {
        minLength: areas.length,
        maxLength: areas.length,
      }),
      links: fc.array(
        fc.record({ from: area, to: area, limitKw: fc.integer({ min: 0, max: 4000 }) }),
        { maxLength: 8 },
      ),
      adders: fc.array(fc.record({ area, kw: fc.integer({ min: 0, max: 3000 }) }), {
        maxLength: 3,
      }),
      cap: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: null }),
      curve: fc.record({
        capTwice: fc.integer({ min: 1000, max: 3001 }),
        qCap: fc.integer({ min: 1, max: 30_000 }),
        dTarget: fc.integer({ min: 0, max: 20_000 }),
        dZero: fc.integer({ min: 0, max: 30_000 }),
        conePct: fc.integer({ min: 0, max: 100 }),
      }),
      bids: fc.array(bidArb, { maxLength: 40 }),
    })
  })
  .map((r) => {
    const cap = r.curve.capTwice / 2
    const maxPrice = Math.floor(cap)
    const seen = new Set<string>()
    const interconnections = r.links.filter((l) => {
      const key = `${l.from}>${l.to}`
      if (l.from === l.to || seen.has(key)) return false
      seen.add(key)
      return true
    })
    const bids: BidInput[] = r.bids.map((b, i) => ({
      bidId: `b${i}`,
      resourceCode: `r${b.code}`,
      area: b.area,
      kind: b.kind,
      kw: b.kw,
      price: Math.min(b.price, maxPrice),
      submittedAt: `2024-07-01T10:00:0${b.second}+09:00`,
      ...(b.kind === 'dispatchOrder' && b.rate !== undefined ? { achievementRate: b.rate } : {}),
    }))
    return {
      demandCurve: {
        priceCap: cap,
        quantityAtCap: r.curve.qCap,
        netCone: Math.floor((maxPrice * r.curve.conePct) / 100),
        targetQuantity: r.curve.qCap + r.curve.dTarget,
        quantityAtZero: r.curve.qCap + r.curve.dTarget + r.curve.dZero,
      },
      areas: r.areas.map((area, i) => ({ area, requiredKw: r.required[i] ?? 0 })),
      interconnections,
      adders: r.adders.map((a) => ({ ...a, label: 'adder' })),
      dispatchOrderCapKw: r.cap,
      bids,
    }
  })

function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice()
  let s = seed >>> 0
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    const j = s % (i + 1)
    const t = out[i] as T
    out[i] = out[j] as T
    out[j] = t
  }
  return out
}

const withoutBids = (r: ClearingResult) => ({ ...r, bids: [] })

describe('clearing properties', () => {
  it('awarded kW never exceeds offered, and an award is all or nothing', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = clearAuction(input)
        result.bids.forEach((b, i) => {
          const offered = input.bids[i]?.kw ?? 0
          expect(b.awardedKw).toBe(b.awarded ? offered : 0)
          expect(b.awarded).toBe(b.reason === 'national' || b.reason === 'blockAddition')
        })
      }),
      RUNS,
    )
  })

  it("every awarded bid's price is at most its area price; area prices ≥ the national price", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = clearAuction(input)
        const areaPrice = new Map(result.areas.map((a) => [a.area, a.price]))
        result.bids.forEach((b, i) => {
          const offer = input.bids[i] as BidInput
          if (b.awarded) {
            expect(b.price).toBe(areaPrice.get(offer.area))
            expect(offer.price).toBeLessThanOrEqual(b.price ?? -1)
          } else expect(b.price).toBeNull()
        })
        for (const a of result.areas) expect(a.price).toBeGreaterThanOrEqual(result.nationalPrice)
      }),
      RUNS,
    )
  })

  it('dispatch-order awards stay within the cap', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = clearAuction(input)
        const total = result.bids.reduce(
          (sum, b, i) => sum + (input.bids[i]?.kind === 'dispatchOrder' ? b.awardedKw : 0),
          0,
        )
        if (input.dispatchOrderCapKw !== null)
          expect(total).toBeLessThanOrEqual(input.dispatchOrderCapKw)
      }),
      RUNS,
    )
  })

  it('totals add up', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = clearAuction(input)
        const byReason = (reason: string) =>
          result.bids.filter((b) => b.reason === reason).reduce((s, b) => s + b.awardedKw, 0)
        expect(result.nationalAwardedKw).toBe(byReason('national'))
        expect(result.totalAwardedKw).toBe(byReason('national') + byReason('blockAddition'))
        expect(result.blocks.reduce((s, b) => s + b.addedKw, 0)).toBe(byReason('blockAddition'))
        expect(result.areas.reduce((s, a) => s + a.awardedKw, 0)).toBe(result.totalAwardedKw)
      }),
      RUNS,
    )
  })

  it('does not depend on the order of the input bids', () => {
    fc.assert(
      fc.property(instance, fc.integer(), (input, seed) => {
        const result = clearAuction(input)
        const order = shuffle(
          input.bids.map((_, i) => i),
          seed,
        )
        const shuffled = clearAuction({
          ...input,
          bids: order.map((i) => input.bids[i] as BidInput),
        })
        expect(withoutBids(shuffled)).toEqual(withoutBids(result))
        order.forEach((original, k) => expect(shuffled.bids[k]).toEqual(result.bids[original]))
      }),
      RUNS,
    )
  })

  it('removing a bid that was neither awarded nor a block addition changes nothing', () => {
    fc.assert(
      fc.property(instance, fc.nat(), (input, pick) => {
        const result = clearAuction(input)
        const losers = result.bids.flatMap((b, i) => (b.awarded ? [] : [i]))
        if (losers.length === 0) return
        const removed = losers[pick % losers.length] as number
        const smaller = clearAuction({ ...input, bids: input.bids.filter((_, i) => i !== removed) })
        expect(withoutBids(smaller)).toEqual(withoutBids(result))
        expect(smaller.bids).toEqual(result.bids.filter((_, i) => i !== removed))
      }),
      RUNS,
    )
  })

  it('blocks end adequate or without bids left to add', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = clearAuction(input)
        let dispatchOrderKw = 0
        result.bids.forEach((b, i) => {
          if (input.bids[i]?.kind === 'dispatchOrder') dispatchOrderKw += b.awardedKw
        })
        const cap = input.dispatchOrderCapKw
        for (const block of result.blocks.filter((b) => !b.adequate)) {
          const areas = new Set<Area>(block.areas)
          result.bids.forEach((b, i) => {
            const offer = input.bids[i] as BidInput
            if (!areas.has(offer.area) || b.awarded) return
            // The only bids left are dispatch-order bids that do not fit under the cap.
            expect(offer.kind).toBe('dispatchOrder')
            expect(cap !== null && dispatchOrderKw + offer.kw > cap).toBe(true)
          })
        }
      }),
      RUNS,
    )
  })

  it('the fast merit-order sort equals sorting with the comparator', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const bids = prepareClearing(input).bids
        const expected = bids.slice().sort(compareMeritOrder)
        expect(sortMeritOrder(bids).map((b) => b.bidId)).toEqual(expected.map((b) => b.bidId))
      }),
      RUNS,
    )
  })

  it('gives the same result when the flow is re-maximised after every block addition', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const prep = prepareClearing(input)
        const lazy = runClearing(prep, { explain: false }).result
        const eager = runClearing(prep, { explain: false, recomputeEveryAddition: true }).result
        expect(lazy).toEqual(eager)
        expect(explainClearing(input).result).toEqual(lazy)
      }),
      RUNS,
    )
  })

  it('the explanation is consistent with the result', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const why = explainClearing(input)
        expect(why.meritOrder).toHaveLength(input.bids.length)
        expect(why.intersection.nationalPrice).toBe(why.result.nationalPrice)
        expect(why.blocks.map((b) => b.blockId)).toEqual(why.result.blocks.map((b) => b.blockId))
        expect(why.blockAdditions.length).toBe(
          why.result.bids.filter((b) => b.reason === 'blockAddition').length,
        )
        for (const block of why.blocks) {
          expect(block.adequate).toBe(block.shortfallAfterKw === 0)
          expect(block.shortfallBeforeKw).toBeGreaterThan(0)
        }
        const shortAfter = why.maxFlow.afterBlockAdditions.areas.filter((a) => a.shortfallKw > 0)
        for (const area of shortAfter) {
          // Any area still short after the additions lies in a block that stayed short.
          const block = why.result.blocks.find((b) => b.areas.includes(area.area))
          expect(block?.adequate).toBe(false)
        }
      }),
      RUNS,
    )
  })
})
