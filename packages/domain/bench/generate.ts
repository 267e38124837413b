/**
 * Deterministic random clearing inputs for the benchmark and the scale checks: n bids over the
 * nine areas and the ten interconnections of reference-data.md, shaped like a real main auction
 * (about three quarters of the bids at 0 円/kW, a tenth dispatch-order) and built so that
 * hokkaido and kyushu are short after the national step (two separate shortage blocks).
 */
import { pathToFileURL } from 'node:url'
import { AREAS } from '../src/types.ts'
import type { Area, BidInput, ClearingInput, ResourceKind } from '../src/types.ts'

/** mulberry32: a small seeded PRNG; the same seed gives the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Share of national demand per area (roughly the real one). */
const DEMAND_SHARE: Record<Area, number> = {
  hokkaido: 0.03,
  tohoku: 0.09,
  tokyo: 0.34,
  chubu: 0.14,
  hokuriku: 0.03,
  kansai: 0.17,
  chugoku: 0.06,
  shikoku: 0.03,
  kyushu: 0.1,
}

/** The ten interconnections, each limit as a share of total offered kW per direction. */
const LINKS: [Area, Area, number][] = [
  ['hokkaido', 'tohoku', 0.001],
  ['tohoku', 'tokyo', 0.03],
  ['tokyo', 'chubu', 0.012],
  ['chubu', 'hokuriku', 0.01],
  ['chubu', 'kansai', 0.025],
  ['hokuriku', 'kansai', 0.012],
  ['kansai', 'chugoku', 0.025],
  ['kansai', 'shikoku', 0.01],
  ['chugoku', 'shikoku', 0.01],
  ['chugoku', 'kyushu', 0.002],
]

const SHORT_AREAS: ReadonlySet<Area> = new Set(['hokkaido', 'kyushu'])

function pickArea(r: number): Area {
  let acc = 0
  for (const area of AREAS) {
    acc += DEMAND_SHARE[area]
    if (r < acc) return area
  }
  return 'kyushu'
}

export function generateClearingInput(bidCount: number, seed = 20240701): ClearingInput {
  const random = prng(seed + bidCount)
  const bids: BidInput[] = []
  let totalKw = 0
  const start = Date.UTC(2024, 6, 1, 0, 0, 0)
  for (let i = 0; i < bidCount; i++) {
    const area = pickArea(random())
    const kindDraw = random()
    const kind: ResourceKind =
      kindDraw < 0.1
        ? 'dispatchOrder'
        : kindDraw < 0.15
          ? 'variableSingle'
          : kindDraw < 0.2
            ? 'variableAggregate'
            : 'stable'
    const kw = 1000 + Math.floor(random() ** 4 * 80_000)
    // Hokkaido and kyushu offer as much as they need, but half of it above the national price.
    const short = SHORT_AREAS.has(area)
    const price =
      random() < (short ? 0.5 : 0.78)
        ? 0
        : Math.floor((short ? 0.88 + 0.12 * random() : random() ** 2) * 14_137)
    // Submissions within a week, whole seconds: ties are common and the codes decide them.
    const submittedAt = new Date(start + Math.floor(random() * 7 * 86_400) * 1000).toISOString()
    const bid: BidInput = {
      bidId: `B${String(i).padStart(7, '0')}`,
      resourceCode: `R${String(Math.floor(random() * bidCount * 4)).padStart(8, '0')}`,
      area,
      kind,
      kw,
      price,
      submittedAt,
    }
    if (kind === 'dispatchOrder') bid.achievementRate = Math.floor(random() * 21) / 20
    bids.push(bid)
    totalKw += kw
  }
  const target = Math.floor(totalKw * 0.85)
  const adders = AREAS.map((area) => ({
    area,
    kw: Math.floor(totalKw * 0.02 * DEMAND_SHARE[area]),
    label: 'FIT',
  }))
  return {
    demandCurve: {
      priceCap: 14137.5,
      quantityAtCap: Math.floor(totalKw * 0.84),
      netCone: 9425,
      targetQuantity: target,
      quantityAtZero: Math.floor(totalKw * 0.9),
    },
    areas: AREAS.map((area) => ({
      area,
      requiredKw: Math.floor(target * 0.97 * DEMAND_SHARE[area]),
    })),
    interconnections: LINKS.flatMap(([a, b, share]) => [
      { from: a, to: b, limitKw: Math.floor(totalKw * share) },
      { from: b, to: a, limitKw: Math.floor(totalKw * share) },
    ]),
    adders,
    dispatchOrderCapKw: Math.floor(target * 0.04),
    bids,
  }
}

// `tsx bench/generate.ts 100000 > input.json` writes an input file (e.g. for timing the CLI).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? '1000')
  process.stdout.write(`${JSON.stringify(generateClearingInput(count))}\n`)
}
