/**
 * Reference scenario from published figures (shared/spec/reference-data.md): the FY2024 main
 * auction (held 2020). NetCONE 9,425 円/kW, price cap 14,137.5, target 17,747万kW, 17,653万kW at
 * the cap, 18,212万kW at 0 円; 16,769万kW awarded, supply short of the curve, every area 14,137.
 */
import { describe, expect, it } from 'vitest'
import { clearAuction, explainClearing } from './clearing.ts'
import { computeContractAmount } from './contract-amount.ts'
import { AREAS } from './types.ts'
import type { Area, BidInput, ClearingInput } from './types.ts'

const MAN = 10_000 // 万kW

/** Offered (= awarded) supply per area in 万kW; 16,769万kW in total. */
const SUPPLY: Record<Area, number> = {
  hokkaido: 520,
  tohoku: 1560,
  tokyo: 5600,
  chubu: 2400,
  hokuriku: 520,
  kansai: 2800,
  chugoku: 1100,
  shikoku: 560,
  kyushu: 1709,
}

const PAIRS: [Area, Area, number][] = [
  ['hokkaido', 'tohoku', 900_000],
  ['tohoku', 'tokyo', 4_000_000],
  ['tokyo', 'chubu', 2_100_000],
  ['chubu', 'hokuriku', 1_000_000],
  ['chubu', 'kansai', 2_500_000],
  ['hokuriku', 'kansai', 1_500_000],
  ['kansai', 'chugoku', 3_000_000],
  ['kansai', 'shikoku', 1_400_000],
  ['chugoku', 'shikoku', 1_200_000],
  ['chugoku', 'kyushu', 2_800_000],
]

function fy2024(): ClearingInput {
  const bids: BidInput[] = []
  for (const area of AREAS) {
    // Ten bids per area: eight at 0 円/kW (about the published 78.5 %), two priced.
    const kw = (SUPPLY[area] * MAN) / 10
    for (let i = 0; i < 10; i++) {
      bids.push({
        bidId: `${area}-${i}`,
        resourceCode: `${area.toUpperCase()}-${String(i).padStart(4, '0')}`,
        area,
        kind: 'stable',
        kw,
        price: i < 8 ? 0 : i === 8 ? 5000 : 14_137,
        submittedAt: '2020-07-15T12:00:00+09:00',
      })
    }
  }
  return {
    demandCurve: {
      priceCap: 14_137.5,
      quantityAtCap: 17_653 * MAN,
      netCone: 9425,
      targetQuantity: 17_747 * MAN,
      quantityAtZero: 18_212 * MAN,
    },
    areas: AREAS.map((area) => ({ area, requiredKw: Math.floor(SUPPLY[area] * MAN * 0.95) })),
    interconnections: PAIRS.flatMap(([a, b, limitKw]) => [
      { from: a, to: b, limitKw },
      { from: b, to: a, limitKw },
    ]),
    adders: [],
    dispatchOrderCapKw: Math.floor(17_747 * MAN * 0.04),
    bids,
  }
}

describe('reference scenario: FY2024 main auction', () => {
  it('supply short of the curve with NetCONE 9,425 clears at 14,137 = floor(1.5 × 9,425)', () => {
    const result = clearAuction(fy2024())
    expect(result.nationalPrice).toBe(14_137)
    expect(result.totalAwardedKw).toBe(167_690_000)
    expect(result.nationalAwardedKw).toBe(167_690_000)
    expect(result.blocks).toEqual([])
    expect(result.areas.every((a) => a.price === 14_137 && a.blockId === null)).toBe(true)
    expect(result.bids.every((b) => b.awarded && b.price === 14_137)).toBe(true)
    const why = explainClearing(fy2024())
    expect(why.intersection).toMatchObject({ case: 'supplyShort', curvePriceBefore: '14137.5' })
  })

  it('a 1,000,000 kW old plant is paid 8,199,460,000 円 for the year after the 42 % deduction', () => {
    expect(
      computeContractAmount({ areaPrice: 14_137, contractKw: 1_000_000, deductionRate: 0.42 })
        .annualAmount,
    ).toBe(8_199_460_000)
  })
})
