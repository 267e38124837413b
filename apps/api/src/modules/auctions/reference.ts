import type { Area, AuctionParameters, AuctionType, DemandCurve } from '@yoryo/contracts'

/**
 * The published demand-curve parameters (reference-data.md) by delivery year, in kW. Where only
 * NetCONE and the cap are published, the quantities follow the FY2024 curve's shape around a
 * target of 17,700万kW (cap point 94万kW below the target, zero point 465万kW above it).
 */
const MAN = 10_000
const published: Record<number, DemandCurve> = {
  2024: curve(14_137.5, 9_425, 17_747 * MAN, 17_653 * MAN, 18_212 * MAN),
  2025: curve(14_058, 9_372, 17_699.1 * MAN, 17_604.5 * MAN, 18_165.7 * MAN),
  2026: shaped(14_335.5, 9_557),
  2027: shaped(14_653.5, 9_769),
  2028: shaped(14_812.5, 9_875),
  2029: shaped(15_112.5, 10_075),
}
/** The additional auction for FY2026 (held 2025): NetCONE 10,156, target 18,679万kW. */
const publishedAdditional: Record<number, DemandCurve> = {
  2026: shaped(15_234, 10_156, 18_679 * MAN),
}

function curve(
  priceCap: number,
  netCone: number,
  targetQuantity: number,
  quantityAtCap: number,
  quantityAtZero: number,
): DemandCurve {
  return {
    priceCap,
    netCone,
    targetQuantity: Math.round(targetQuantity),
    quantityAtCap: Math.round(quantityAtCap),
    quantityAtZero: Math.round(quantityAtZero),
  }
}

function shaped(priceCap: number, netCone: number, target = 17_700 * MAN): DemandCurve {
  return curve(priceCap, netCone, target, target - 94 * MAN, target + 465 * MAN)
}

/** Shares of the national requirement by area (‰, about the areas' shares of peak demand). */
const areaShares: Record<Area, number> = {
  hokkaido: 30,
  tohoku: 89,
  tokyo: 334,
  chubu: 150,
  hokuriku: 31,
  kansai: 164,
  chugoku: 66,
  shikoku: 32,
  kyushu: 104,
}

/** The ten interconnections (reference-data.md): limit each way, in kW, of the right size. */
const interconnections: [Area, Area, number, number][] = [
  ['hokkaido', 'tohoku', 900_000, 900_000],
  ['tohoku', 'tokyo', 5_000_000, 3_000_000],
  ['tokyo', 'chubu', 2_100_000, 2_100_000],
  ['chubu', 'hokuriku', 1_000_000, 1_000_000],
  ['chubu', 'kansai', 2_500_000, 1_300_000],
  ['hokuriku', 'kansai', 1_500_000, 1_500_000],
  ['kansai', 'chugoku', 4_000_000, 2_700_000],
  ['kansai', 'shikoku', 1_400_000, 1_400_000],
  ['chugoku', 'shikoku', 1_200_000, 1_200_000],
  ['chugoku', 'kyushu', 1_000_000, 2_800_000],
]

/** Price-0 supply outside the bids: the FIT resources' expected capacity per area (kW). */
const fitExpectedKw: Record<Area, number> = {
  hokkaido: 400_000,
  tohoku: 1_500_000,
  tokyo: 3_000_000,
  chubu: 1_500_000,
  hokuriku: 200_000,
  kansai: 1_300_000,
  chugoku: 900_000,
  shikoku: 500_000,
  kyushu: 2_000_000,
}

/** 経過措置 (rules.md §4): 42 % for FY2024 falling by 7 points a year to 0 from FY2030. */
export function deductionRate(deliveryYear: number): number {
  return Math.max(0, Math.round((0.42 - 0.07 * Math.max(0, deliveryYear - 2024)) * 10_000) / 10_000)
}

/**
 * The reference parameters for a delivery year, the starting point of a new auction: the
 * published demand curve of the year (the nearest published year outside them), the nine areas'
 * required kW rounded up to 10万kW so that together they meet the target, the ten
 * interconnections both ways, the FIT expected capacity as adders, a dispatch-order cap of 4 % of
 * the target (rounded to 1万kW) and the transitional deduction of the year.
 */
export function referenceAuctionParameters(
  deliveryYear: number,
  type: AuctionType = 'main',
): AuctionParameters {
  const years = Object.keys(published).map(Number)
  const nearest = Math.min(Math.max(deliveryYear, Math.min(...years)), Math.max(...years))
  const demandCurve =
    (type === 'additional' ? publishedAdditional[deliveryYear] : undefined) ??
    (published[nearest] as DemandCurve)
  const target = demandCurve.targetQuantity
  const step = 100_000
  const areas = (Object.keys(areaShares) as Area[]).map((area) => ({
    area,
    requiredKw: Math.ceil((target * areaShares[area]) / 1000 / step) * step,
  }))
  return {
    demandCurve: { ...demandCurve },
    areas,
    interconnections: interconnections.flatMap(([a, b, ab, ba]) => [
      { from: a, to: b, limitKw: ab },
      { from: b, to: a, limitKw: ba },
    ]),
    adders: (Object.keys(fitExpectedKw) as Area[]).map((area) => ({
      area,
      kw: fitExpectedKw[area],
      label: 'FIT電源の期待容量',
    })),
    dispatchOrderCapKw: Math.round((target * 0.04) / MAN) * MAN,
    deductionTable: [
      { commissionedUpTo: 2010, rate: deductionRate(deliveryYear) },
      { commissionedUpTo: null, rate: 0 },
    ],
  }
}
