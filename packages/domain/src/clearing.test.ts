import { describe, expect, it } from 'vitest'
import { clearAuction, explainClearing } from './clearing.ts'
import { RulesValidationError } from './errors.ts'
import { bid, clearingInput, link, SIMPLE_CURVE } from './test-support.ts'
import type { BidInput, ClearingInput, ClearingResult } from './types.ts'

// SIMPLE_CURVE: D = 1500 up to 10,000 kW, then −1/4 yen per kW: 1250 at 11,000, 1000 at 12,000,
// 750 at 13,000, 500 at 14,000, 0 from 16,000.

function byId(result: ClearingResult, bidId: string) {
  const found = result.bids.find((b) => b.bidId === bidId)
  if (found === undefined) throw new Error(`no bid ${bidId}`)
  return found
}

function awardedIds(result: ClearingResult): string[] {
  return result.bids.filter((b) => b.awarded).map((b) => b.bidId)
}

describe('national clearing (rules.md §3.4)', () => {
  it('on a step: the clearing bid sets the price and wins in full', () => {
    const input = clearingInput({
      bids: [bid('A', 6000, 0), bid('B', 5000, 1000), bid('C', 2000, 1200), bid('D', 1000, 1300)],
    })
    const result = clearAuction(input)
    expect(result.nationalPrice).toBe(1200)
    expect(awardedIds(result)).toEqual(['A', 'B', 'C'])
    expect(result.nationalAwardedKw).toBe(13_000)
    expect(byId(result, 'C')).toEqual({
      bidId: 'C',
      awarded: true,
      awardedKw: 2000,
      price: 1200,
      reason: 'national',
    })
    expect(byId(result, 'D')).toEqual({
      bidId: 'D',
      awarded: false,
      awardedKw: 0,
      price: null,
      reason: 'notAwarded',
    })
    const why = explainClearing(input).intersection
    expect(why).toMatchObject({
      case: 'step',
      bidId: 'C',
      rank: 3,
      bidPrice: 1200,
      quantityBeforeKw: 11_000,
      quantityAfterKw: 13_000,
      curvePriceBefore: '1250',
      curvePriceAfter: '750',
      nationalPrice: 1200,
    })
  })

  it('a bid exactly on the curve reaches it', () => {
    const result = clearAuction(clearingInput({ bids: [bid('A', 6000, 0), bid('B', 6000, 1000)] }))
    expect(result.nationalPrice).toBe(1000)
    expect(awardedIds(result)).toEqual(['A', 'B'])
  })

  it('on a vertical jump: the price is floor(D(Q_{k*-1})) and the clearing bid loses', () => {
    const input = clearingInput({
      bids: [bid('A', 6000, 0), bid('B', 5001, 1000), bid('C', 2000, 1300)],
    })
    const result = clearAuction(input)
    // D(11,001) = 1249.75
    expect(result.nationalPrice).toBe(1249)
    expect(awardedIds(result)).toEqual(['A', 'B'])
    expect(result.nationalAwardedKw).toBe(11_001)
    expect(byId(result, 'C').reason).toBe('notAwarded')
    expect(explainClearing(input).intersection).toMatchObject({
      case: 'verticalJump',
      bidId: 'C',
      curvePriceBefore: '1249.75',
      nationalPrice: 1249,
    })
  })

  it('supply short of the curve: every bid wins at floor(D(Q_total))', () => {
    const atCap = clearAuction(
      clearingInput({
        demandCurve: { ...SIMPLE_CURVE, priceCap: 1500.5 },
        bids: [bid('A', 6000, 0), bid('B', 2000, 100)],
      }),
    )
    expect(atCap.nationalPrice).toBe(1500)
    expect(awardedIds(atCap)).toEqual(['A', 'B'])
    const input = clearingInput({ bids: [bid('A', 6000, 0), bid('B', 5001, 100)] })
    expect(clearAuction(input).nationalPrice).toBe(1249)
    expect(explainClearing(input).intersection).toMatchObject({
      case: 'supplyShort',
      bidId: null,
      rank: null,
      quantityBeforeKw: 11_001,
      quantityAfterKw: null,
      curvePriceAfter: null,
    })
  })

  it('no bids at all: floor(D(adders))', () => {
    const input = clearingInput({ adders: [{ area: 'tokyo', kw: 11_001, label: 'FIT' }], bids: [] })
    const result = clearAuction(input)
    expect(result.nationalPrice).toBe(1249)
    expect(result.nationalAwardedKw).toBe(0)
    expect(result.areas).toEqual([
      { area: 'tokyo', price: 1249, awardedKw: 0, supplyKw: 11_001, requiredKw: 0, blockId: null },
    ])
    expect(explainClearing(input).intersection.case).toBe('noBids')
    expect(clearAuction(clearingInput({ bids: [] })).nationalPrice).toBe(1500)
  })

  it('adders beyond the zero-price point: price 0, only 0-yen bids win', () => {
    const adders = [{ area: 'tokyo' as const, kw: 17_000, label: 'FIT' }]
    const zero = clearAuction(
      clearingInput({ adders, bids: [bid('A', 1000, 0), bid('B', 1000, 5)] }),
    )
    expect(zero.nationalPrice).toBe(0)
    expect(awardedIds(zero)).toEqual(['A'])
    const none = clearAuction(clearingInput({ adders, bids: [bid('B', 1000, 5)] }))
    expect(none.nationalPrice).toBe(0)
    expect(awardedIds(none)).toEqual([])
    expect(none.areas[0]?.supplyKw).toBe(17_000)
  })

  it('adders count towards Q but are never awarded', () => {
    const result = clearAuction(
      clearingInput({
        adders: [{ area: 'tokyo', kw: 5000, label: 'FIT' }],
        bids: [bid('A', 6000, 1100), bid('B', 2000, 1200)],
      }),
    )
    // Q: 5000 → 11,000 (D 1250 > 1100) → 13,000 (D 750 ≤ 1200, D(11,000) = 1250 ≥ 1200: step)
    expect(result.nationalPrice).toBe(1200)
    expect(result.nationalAwardedKw).toBe(8000)
    expect(result.totalAwardedKw).toBe(8000)
    expect(result.areas[0]).toMatchObject({ awardedKw: 8000, supplyKw: 13_000 })
  })
})

describe('merit order (rules.md §3.3)', () => {
  const at = (time: string) => `2024-07-01T${time}+09:00`
  const bids: BidInput[] = [
    bid('do-090', 1000, 0, {
      kind: 'dispatchOrder',
      achievementRate: 0.9,
      submittedAt: at('09:00:00'),
    }),
    bid('do-none', 1000, 0, { kind: 'dispatchOrder', submittedAt: at('08:00:00') }),
    bid('do-095', 1000, 0, {
      kind: 'dispatchOrder',
      achievementRate: 0.95,
      submittedAt: at('11:00:00'),
    }),
    bid('do-095-early', 1000, 0, {
      kind: 'dispatchOrder',
      achievementRate: 0.95,
      submittedAt: at('10:00:00'),
    }),
    bid('late', 1000, 0, { submittedAt: at('12:00:00') }),
    bid('z-code', 1000, 0, { submittedAt: at('10:00:00'), resourceCode: 'R2' }),
    bid('b-id', 1000, 0, { submittedAt: at('10:00:00'), resourceCode: 'R1' }),
    bid('a-id', 1000, 0, { submittedAt: at('10:00:00'), resourceCode: 'R1' }),
    bid('nanos', 1000, 0, { submittedAt: '2024-07-01T00:59:59.999999999Z' }),
    bid('cheap-do', 1000, 0, {
      kind: 'dispatchOrder',
      achievementRate: 1,
      submittedAt: at('13:00:00'),
    }),
    bid('pricey', 1000, 1, { submittedAt: at('00:00:00') }),
  ]

  it('orders by price, other kinds before dispatch order, rate, submission, code, bid ID', () => {
    const order = explainClearing(clearingInput({ bids })).meritOrder.map((e) => e.bidId)
    expect(order).toEqual([
      'nanos', // 09:59:59.999999999 JST
      'a-id',
      'b-id',
      'z-code',
      'late',
      'cheap-do', // rate 1
      'do-095-early',
      'do-095',
      'do-090',
      'do-none', // no rate: after those with one, though submitted early
      'pricey',
    ])
  })

  it('does not depend on the order of the input bids', () => {
    const forward = clearAuction(clearingInput({ bids }))
    const backward = clearAuction(clearingInput({ bids: bids.slice().reverse() }))
    expect(backward.bids.slice().reverse()).toEqual(forward.bids)
    expect({ ...backward, bids: [] }).toEqual({ ...forward, bids: [] })
  })

  it('lists bids in the output in input order and areas in area order', () => {
    const result = clearAuction(
      clearingInput({
        areas: [
          { area: 'kyushu', requiredKw: 0 },
          { area: 'hokkaido', requiredKw: 0 },
        ],
        bids: [bid('x', 1000, 5, { area: 'kyushu' }), bid('y', 1000, 0, { area: 'hokkaido' })],
      }),
    )
    expect(result.bids.map((b) => b.bidId)).toEqual(['x', 'y'])
    expect(result.areas.map((a) => a.area)).toEqual(['hokkaido', 'kyushu'])
  })
})

describe('dispatch-order cap (rules.md §3.4)', () => {
  const bids = [
    bid('D1', 3000, 0, { kind: 'dispatchOrder', achievementRate: 0.9 }),
    bid('D2', 3000, 10, { kind: 'dispatchOrder', achievementRate: 0.9 }),
    bid('D3', 2000, 20, { kind: 'dispatchOrder' }),
    bid('S', 2000, 30),
  ]

  it('skips a bid that would exceed the cap; a smaller later one still fits', () => {
    const input = clearingInput({ dispatchOrderCapKw: 5000, bids })
    const result = clearAuction(input)
    expect(byId(result, 'D2')).toMatchObject({
      awarded: false,
      reason: 'dispatchOrderCap',
      price: null,
    })
    expect(awardedIds(result)).toEqual(['D1', 'D3', 'S'])
    expect(result.nationalAwardedKw).toBe(7000)
    const why = explainClearing(input)
    expect(why.dispatchOrder).toEqual({ capKw: 5000, awardedKw: 5000 })
    // A skipped bid adds nothing to Q.
    expect(why.meritOrder.map((e) => e.cumulativeKw)).toEqual([3000, null, 5000, 7000])
  })

  it('no cap (null) awards every dispatch-order bid; cap 0 none', () => {
    expect(awardedIds(clearAuction(clearingInput({ dispatchOrderCapKw: null, bids })))).toEqual([
      'D1',
      'D2',
      'D3',
      'S',
    ])
    expect(awardedIds(clearAuction(clearingInput({ dispatchOrderCapKw: 0, bids })))).toEqual(['S'])
  })

  it('labels a dispatch-order bid beyond the clearing bid by the cap, as if the walk had reached it', () => {
    // Found by the property test: removing the not-awarded S2 must not relabel DO.
    const bids = [
      bid('S0', 11_000, 0),
      bid('S1', 5000, 1400),
      bid('S2', 1000, 1500),
      bid('DO', 1000, 1500, { kind: 'dispatchOrder' }),
    ]
    const withS2 = clearAuction(clearingInput({ dispatchOrderCapKw: 0, bids }))
    const without = clearAuction(
      clearingInput({ dispatchOrderCapKw: 0, bids: bids.filter((b) => b.bidId !== 'S2') }),
    )
    expect(byId(withS2, 'S2').awarded).toBe(false)
    expect(byId(withS2, 'DO').reason).toBe('dispatchOrderCap')
    expect(byId(without, 'DO').reason).toBe('dispatchOrderCap')
    // With room under the cap, a dispatch-order bid the walk never reached is just not awarded.
    const roomy = clearAuction(clearingInput({ dispatchOrderCapKw: 5000, bids }))
    expect(byId(roomy, 'DO')).toMatchObject({ awarded: false, reason: 'notAwarded' })
  })

  it('a bid skipped for the cap cannot be the clearing bid', () => {
    const result = clearAuction(
      clearingInput({
        dispatchOrderCapKw: 1000,
        bids: [
          bid('A', 11_000, 0),
          bid('DO', 5000, 1200, { kind: 'dispatchOrder' }),
          bid('B', 1000, 1300),
        ],
      }),
    )
    // Without the cap DO would reach the curve at 16,000; skipped, B is walked next: Q 12,000,
    // D = 1000 ≤ 1300 and D(11,000) = 1250 < 1300: vertical jump at 1250.
    expect(result.nationalPrice).toBe(1250)
    expect(byId(result, 'DO').reason).toBe('dispatchOrderCap')
    expect(awardedIds(result)).toEqual(['A'])
  })
})

describe('market splitting and shortage blocks (rules.md §3.5)', () => {
  // hokkaido needs 3000, tohoku 8000; 500 kW each way between them.
  const twoAreas = (bids: BidInput[], extra: Partial<ClearingInput> = {}) =>
    clearingInput({
      areas: [
        { area: 'hokkaido', requiredKw: 3000 },
        { area: 'tohoku', requiredKw: 8000 },
      ],
      interconnections: link('hokkaido', 'tohoku', 500),
      bids,
      ...extra,
    })
  const base = [
    bid('T1', 10_000, 0, { area: 'tohoku' }),
    bid('H1', 1000, 0, { area: 'hokkaido' }),
    bid('T2', 2000, 1200, { area: 'tohoku' }),
  ]

  it('one area short: adds its bids in merit order until it is adequate', () => {
    const input = twoAreas([
      ...base,
      bid('H2', 1000, 1300, { area: 'hokkaido' }),
      bid('H3', 1000, 1400, { area: 'hokkaido' }),
      bid('H4', 1000, 1450, { area: 'hokkaido' }),
    ])
    const result = clearAuction(input)
    expect(result.nationalPrice).toBe(1200)
    expect(result.blocks).toEqual([
      { blockId: 'hokkaido', areas: ['hokkaido'], addedKw: 2000, price: 1400, adequate: true },
    ])
    expect(result.areas).toEqual([
      {
        area: 'hokkaido',
        price: 1400,
        awardedKw: 3000,
        supplyKw: 3000,
        requiredKw: 3000,
        blockId: 'hokkaido',
      },
      {
        area: 'tohoku',
        price: 1200,
        awardedKw: 12_000,
        supplyKw: 12_000,
        requiredKw: 8000,
        blockId: null,
      },
    ])
    expect(result.nationalAwardedKw).toBe(13_000)
    expect(result.totalAwardedKw).toBe(15_000)
    expect(byId(result, 'H1')).toMatchObject({ reason: 'national', price: 1400 })
    expect(byId(result, 'H2')).toMatchObject({ reason: 'blockAddition', price: 1400 })
    expect(byId(result, 'H3')).toMatchObject({ reason: 'blockAddition', price: 1400 })
    expect(byId(result, 'H4')).toMatchObject({ reason: 'notAwarded', awarded: false })
    expect(byId(result, 'T2')).toMatchObject({ reason: 'national', price: 1200 })

    const why = explainClearing(input)
    expect(why.result).toEqual(result)
    expect(why.blockAdditions).toEqual([
      {
        step: 1,
        blockId: 'hokkaido',
        bidId: 'H2',
        resourceCode: 'R-H2',
        area: 'hokkaido',
        kw: 1000,
        price: 1300,
        shortfallAfterKw: 500,
      },
      {
        step: 2,
        blockId: 'hokkaido',
        bidId: 'H3',
        resourceCode: 'R-H3',
        area: 'hokkaido',
        kw: 1000,
        price: 1400,
        shortfallAfterKw: 0,
      },
    ])
    expect(why.blocks[0]).toMatchObject({
      shortfallBeforeKw: 1500,
      shortfallAfterKw: 0,
      priceSetByBidId: 'H3',
    })
    expect(why.maxFlow.afterNational.areas).toEqual([
      {
        area: 'hokkaido',
        supplyKw: 1000,
        requiredKw: 3000,
        usedSupplyKw: 1000,
        servedKw: 1500,
        shortfallKw: 1500,
        reachable: false,
        blockId: 'hokkaido',
      },
      {
        area: 'tohoku',
        supplyKw: 12_000,
        requiredKw: 8000,
        usedSupplyKw: 8500,
        servedKw: 8000,
        shortfallKw: 0,
        reachable: true,
        blockId: null,
      },
    ])
    expect(why.maxFlow.afterNational.interconnections).toEqual([
      { from: 'hokkaido', to: 'tohoku', limitKw: 500, flowKw: 0 },
      { from: 'tohoku', to: 'hokkaido', limitKw: 500, flowKw: 500 },
    ])
    expect(why.maxFlow.afterBlockAdditions.areas[0]).toMatchObject({
      servedKw: 3000,
      shortfallKw: 0,
    })
  })

  it('a block whose bids run out stays short, priced by its last addition', () => {
    const result = clearAuction(twoAreas([...base, bid('H2', 1000, 1300, { area: 'hokkaido' })]))
    expect(result.blocks).toEqual([
      { blockId: 'hokkaido', areas: ['hokkaido'], addedKw: 1000, price: 1300, adequate: false },
    ])
    expect(result.areas[0]?.price).toBe(1300)
  })

  it('a block with no bids left keeps the national price', () => {
    const result = clearAuction(twoAreas(base))
    expect(result.blocks).toEqual([
      { blockId: 'hokkaido', areas: ['hokkaido'], addedKw: 0, price: 1200, adequate: false },
    ])
    expect(result.areas.map((a) => a.price)).toEqual([1200, 1200])
  })

  it('the dispatch-order cap applies to block additions too', () => {
    const input = twoAreas(
      [
        ...base,
        bid('H2', 2000, 1300, { area: 'hokkaido', kind: 'dispatchOrder' }),
        bid('H3', 1000, 1400, { area: 'hokkaido' }),
        bid('H4', 1000, 1450, { area: 'hokkaido', kind: 'dispatchOrder' }),
      ],
      { dispatchOrderCapKw: 1000 },
    )
    const result = clearAuction(input)
    expect(byId(result, 'H2')).toMatchObject({ awarded: false, reason: 'dispatchOrderCap' })
    expect(byId(result, 'H4')).toMatchObject({ awarded: true, reason: 'blockAddition' })
    expect(result.blocks[0]).toMatchObject({ addedKw: 2000, price: 1450, adequate: true })
    expect(explainClearing(input).blocks[0]?.skippedForDispatchOrderCap).toEqual(['H2'])
  })

  it('two connected short areas form one block', () => {
    const result = clearAuction(
      clearingInput({
        areas: [
          { area: 'hokkaido', requiredKw: 3000 },
          { area: 'tohoku', requiredKw: 8000 },
          { area: 'tokyo', requiredKw: 2000 },
        ],
        interconnections: [...link('hokkaido', 'tohoku', 500), ...link('tohoku', 'tokyo', 300)],
        bids: [
          bid('K1', 10_000, 0, { area: 'tokyo' }),
          bid('H1', 1000, 0, { area: 'hokkaido' }),
          bid('O1', 1000, 0, { area: 'tohoku' }),
          bid('X', 1000, 1100, { area: 'tokyo' }),
          bid('O2', 5000, 1200, { area: 'tohoku' }),
          bid('H2', 2000, 1250, { area: 'hokkaido' }),
          bid('O3', 2000, 1300, { area: 'tohoku' }),
          bid('H3', 1000, 1350, { area: 'hokkaido' }),
        ],
      }),
    )
    // Q reaches 12,000 (D = 1000) with the 0-yen bids; X at 1100 > 1000 is on the jump.
    expect(result.nationalPrice).toBe(1000)
    expect(result.blocks).toEqual([
      {
        blockId: 'hokkaido+tohoku',
        areas: ['hokkaido', 'tohoku'],
        addedKw: 9000,
        price: 1300,
        adequate: true,
      },
    ])
    expect(result.areas.map((a) => [a.area, a.price, a.blockId])).toEqual([
      ['hokkaido', 1300, 'hokkaido+tohoku'],
      ['tohoku', 1300, 'hokkaido+tohoku'],
      ['tokyo', 1000, null],
    ])
    expect(awardedIds(result)).toEqual(['K1', 'H1', 'O1', 'O2', 'H2', 'O3'])
  })

  it('two separate blocks, each with its own price, in the order of their first area', () => {
    const input = clearingInput({
      areas: [
        { area: 'kyushu', requiredKw: 3000 },
        { area: 'chugoku', requiredKw: 2000 },
        { area: 'hokkaido', requiredKw: 3000 },
        { area: 'tohoku', requiredKw: 5000 },
      ],
      interconnections: [...link('chugoku', 'kyushu', 400), ...link('hokkaido', 'tohoku', 500)],
      bids: [
        bid('T', 7000, 0, { area: 'tohoku' }),
        bid('H', 1000, 0, { area: 'hokkaido' }),
        bid('C', 3000, 0, { area: 'chugoku' }),
        bid('K', 1000, 0, { area: 'kyushu' }),
        bid('Y', 2000, 1100, { area: 'tohoku' }),
        bid('K2', 2000, 1100, { area: 'kyushu' }),
        bid('H2', 1000, 1200, { area: 'hokkaido' }),
        bid('H3', 1000, 1500, { area: 'hokkaido' }),
      ],
    })
    const result = clearAuction(input)
    expect(result.nationalPrice).toBe(1000)
    expect(result.blocks).toEqual([
      { blockId: 'hokkaido', areas: ['hokkaido'], addedKw: 2000, price: 1500, adequate: true },
      { blockId: 'kyushu', areas: ['kyushu'], addedKw: 2000, price: 1100, adequate: true },
    ])
    expect(result.areas.map((a) => [a.area, a.price])).toEqual([
      ['hokkaido', 1500],
      ['tohoku', 1000],
      ['chugoku', 1000],
      ['kyushu', 1100],
    ])
    expect(byId(result, 'Y')).toMatchObject({ awarded: false, reason: 'notAwarded' })
    expect(explainClearing(input).blockAdditions.map((s) => [s.blockId, s.bidId])).toEqual([
      ['hokkaido', 'H2'],
      ['hokkaido', 'H3'],
      ['kyushu', 'K2'],
    ])
  })

  it('an adequate component that is cut off is not a block', () => {
    const result = clearAuction(
      clearingInput({
        areas: [
          { area: 'hokkaido', requiredKw: 1000 },
          { area: 'tohoku', requiredKw: 1000 },
        ],
        interconnections: [],
        bids: [bid('H', 1000, 0, { area: 'hokkaido' }), bid('T', 2000, 0, { area: 'tohoku' })],
      }),
    )
    expect(result.blocks).toEqual([])
    expect(result.areas.every((a) => a.blockId === null && a.price === 1500)).toBe(true)
  })

  it('links with limit 0 do not connect areas', () => {
    const result = clearAuction(
      clearingInput({
        areas: [
          { area: 'hokkaido', requiredKw: 2000 },
          { area: 'tohoku', requiredKw: 2000 },
        ],
        interconnections: link('hokkaido', 'tohoku', 0),
        bids: [bid('H', 1000, 0, { area: 'hokkaido' }), bid('T', 1000, 0, { area: 'tohoku' })],
      }),
    )
    expect(result.blocks.map((b) => b.blockId)).toEqual(['hokkaido', 'tohoku'])
  })
})

describe('validation', () => {
  const valid = () =>
    clearingInput({
      areas: [
        { area: 'tokyo', requiredKw: 0 },
        { area: 'tohoku', requiredKw: 0 },
      ],
      interconnections: link('tohoku', 'tokyo', 100),
      adders: [{ area: 'tokyo', kw: 100, label: 'FIT' }],
      bids: [
        bid('A', 1000, 0),
        bid('B', 1000, 10, { kind: 'dispatchOrder', achievementRate: 0.5 }),
      ],
    })
  type Mutation = (input: ClearingInput & Record<string, unknown>) => void
  const bidAt = (input: ClearingInput, i: number) =>
    input.bids[i] as BidInput & Record<string, unknown>
  const cases: [string, Mutation, string, (string | number)[]][] = [
    ['not an object', (i) => Object.assign(i, { demandCurve: 5 }), 'E-RULES-004', ['demandCurve']],
    [
      'missing field',
      (i) => delete (bidAt(i, 0) as Partial<BidInput>).price,
      'E-RULES-006',
      ['bids', 0, 'price'],
    ],
    [
      'wrong type',
      (i) => Object.assign(bidAt(i, 0), { kw: '1000' }),
      'E-RULES-004',
      ['bids', 0, 'kw'],
    ],
    ['bid not an object', (i) => Object.assign(i.bids, { 1: null }), 'E-RULES-004', ['bids', 1]],
    [
      'unknown bid field',
      (i) => Object.assign(bidAt(i, 0), { prise: 1 }),
      'E-RULES-005',
      ['bids', 0, 'prise'],
    ],
    ['unknown field', (i) => Object.assign(i, { extra: 1 }), 'E-RULES-005', ['extra']],
    [
      'empty bidId',
      (i) => Object.assign(bidAt(i, 0), { bidId: '' }),
      'E-RULES-007',
      ['bids', 0, 'bidId'],
    ],
    [
      'missing cap field',
      (i) => delete (i as Partial<ClearingInput>).dispatchOrderCapKw,
      'E-RULES-006',
      ['dispatchOrderCapKw'],
    ],
    [
      'unknown area',
      (i) => Object.assign(i.areas[0] ?? {}, { area: 'okinawa' }),
      'E-RULES-010',
      ['areas', 0, 'area'],
    ],
    [
      'duplicate area',
      (i) => i.areas.push({ area: 'tokyo', requiredKw: 1 }),
      'E-RULES-011',
      ['areas', 2, 'area'],
    ],
    [
      'required negative',
      (i) => Object.assign(i.areas[0] ?? {}, { requiredKw: -1 }),
      'E-RULES-033',
      ['areas', 0, 'requiredKw'],
    ],
    [
      'link unknown area',
      (i) => i.interconnections.push({ from: 'mars' as 'tokyo', to: 'tokyo', limitKw: 1 }),
      'E-RULES-010',
      ['interconnections', 2, 'from'],
    ],
    [
      'link area not taking part',
      (i) => i.interconnections.push({ from: 'kyushu', to: 'tokyo', limitKw: 1 }),
      'E-RULES-012',
      ['interconnections', 2, 'from'],
    ],
    [
      'link to itself',
      (i) => i.interconnections.push({ from: 'tokyo', to: 'tokyo', limitKw: 1 }),
      'E-RULES-013',
      ['interconnections', 2, 'to'],
    ],
    [
      'duplicate link',
      (i) => i.interconnections.push({ from: 'tohoku', to: 'tokyo', limitKw: 1 }),
      'E-RULES-014',
      ['interconnections', 2],
    ],
    [
      'link limit fraction',
      (i) => Object.assign(i.interconnections[0] ?? {}, { limitKw: 0.5 }),
      'E-RULES-033',
      ['interconnections', 0, 'limitKw'],
    ],
    [
      'adder area not taking part',
      (i) => i.adders.push({ area: 'kyushu', kw: 1, label: 'x' }),
      'E-RULES-012',
      ['adders', 1, 'area'],
    ],
    [
      'adder negative',
      (i) => Object.assign(i.adders[0] ?? {}, { kw: -5 }),
      'E-RULES-033',
      ['adders', 0, 'kw'],
    ],
    [
      'cap negative',
      (i) => Object.assign(i, { dispatchOrderCapKw: -1 }),
      'E-RULES-033',
      ['dispatchOrderCapKw'],
    ],
    [
      'duplicate bidId',
      (i) => Object.assign(bidAt(i, 1), { bidId: 'A' }),
      'E-RULES-020',
      ['bids', 1, 'bidId'],
    ],
    [
      'bid unknown area',
      (i) => Object.assign(bidAt(i, 0), { area: 'okinawa' }),
      'E-RULES-010',
      ['bids', 0, 'area'],
    ],
    [
      'bid area not taking part',
      (i) => Object.assign(bidAt(i, 0), { area: 'kyushu' }),
      'E-RULES-012',
      ['bids', 0, 'area'],
    ],
    [
      'unknown kind',
      (i) => Object.assign(bidAt(i, 0), { kind: 'nuclear' }),
      'E-RULES-026',
      ['bids', 0, 'kind'],
    ],
    [
      'kW below 1000',
      (i) => Object.assign(bidAt(i, 0), { kw: 999 }),
      'E-RULES-021',
      ['bids', 0, 'kw'],
    ],
    [
      'kW not an integer',
      (i) => Object.assign(bidAt(i, 0), { kw: 1000.5 }),
      'E-RULES-021',
      ['bids', 0, 'kw'],
    ],
    [
      'price negative',
      (i) => Object.assign(bidAt(i, 0), { price: -1 }),
      'E-RULES-022',
      ['bids', 0, 'price'],
    ],
    [
      'price not an integer',
      (i) => Object.assign(bidAt(i, 0), { price: 10.5 }),
      'E-RULES-022',
      ['bids', 0, 'price'],
    ],
    [
      'price above floor(cap)',
      (i) => Object.assign(bidAt(i, 0), { price: 1501 }),
      'E-RULES-022',
      ['bids', 0, 'price'],
    ],
    [
      'bad time',
      (i) => Object.assign(bidAt(i, 0), { submittedAt: '2024-07-01 10:00' }),
      'E-RULES-023',
      ['bids', 0, 'submittedAt'],
    ],
    [
      'rate above 1',
      (i) => Object.assign(bidAt(i, 1), { achievementRate: 1.2 }),
      'E-RULES-024',
      ['bids', 1, 'achievementRate'],
    ],
    [
      'rate on a stable bid',
      (i) => Object.assign(bidAt(i, 0), { achievementRate: 0.5 }),
      'E-RULES-025',
      ['bids', 0, 'achievementRate'],
    ],
    [
      'quantityAtCap 0',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, quantityAtCap: 0 } }),
      'E-RULES-030',
      ['demandCurve', 'quantityAtCap'],
    ],
    [
      'target below cap quantity',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, targetQuantity: 9999 } }),
      'E-RULES-030',
      ['demandCurve', 'targetQuantity'],
    ],
    [
      'zero point below target',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, quantityAtZero: 11_999 } }),
      'E-RULES-030',
      ['demandCurve', 'quantityAtZero'],
    ],
    [
      'quantity not an integer',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, targetQuantity: 12_000.5 } }),
      'E-RULES-033',
      ['demandCurve', 'targetQuantity'],
    ],
    [
      'cap below NetCONE',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, priceCap: 999.5 } }),
      'E-RULES-031',
      ['demandCurve', 'priceCap'],
    ],
    [
      'cap not in half yen',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, priceCap: 1500.25 } }),
      'E-RULES-032',
      ['demandCurve', 'priceCap'],
    ],
    [
      'cap negative',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, priceCap: -0.5 } }),
      'E-RULES-032',
      ['demandCurve', 'priceCap'],
    ],
    [
      'NetCONE negative',
      (i) => Object.assign(i, { demandCurve: { ...SIMPLE_CURVE, netCone: -1 } }),
      'E-RULES-033',
      ['demandCurve', 'netCone'],
    ],
    [
      'kW total too large',
      (i) => Object.assign(bidAt(i, 0), { kw: Number.MAX_SAFE_INTEGER }),
      'E-RULES-034',
      ['bids'],
    ],
    [
      'required total too large',
      (i) => i.areas.forEach((a) => Object.assign(a, { requiredKw: Number.MAX_SAFE_INTEGER })),
      'E-RULES-034',
      ['areas'],
    ],
  ]

  it.each(cases)('%s', (_name, mutate, messageId, path) => {
    const input = structuredClone(valid()) as ClearingInput & Record<string, unknown>
    mutate(input)
    let caught: unknown
    try {
      clearAuction(input)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(RulesValidationError)
    expect(caught).toMatchObject({ messageId, path })
  })

  it('the valid base input clears, and the whole input must be an object', () => {
    expect(clearAuction(valid()).nationalPrice).toBe(1500)
    expect(() => clearAuction(null as unknown as ClearingInput)).toThrow(RulesValidationError)
    expect(() => explainClearing([] as unknown as ClearingInput)).toThrow(RulesValidationError)
  })

  it('names the field in both languages', () => {
    const input = valid()
    Object.assign(input.bids[0] ?? {}, { kw: 500 })
    try {
      clearAuction(input)
      expect.unreachable()
    } catch (error) {
      if (!(error instanceof RulesValidationError)) throw error
      expect(error.message).toBe(
        '$.bids[0].kw: the bid capacity must be a whole number of at least 1,000 kW (got 500).',
      )
      expect(error.localized('ja')).toBe(
        '$.bids[0].kw の応札容量は1,000kW以上の整数で指定してください（指定値: 500）。',
      )
      expect(error.toProblem('ja')).toEqual({
        messageId: 'E-RULES-021',
        message: error.localized('ja'),
        path: ['bids', 0, 'kw'],
      })
    }
  })
})
