import { randomUUID } from 'node:crypto'
import {
  areas,
  fiscalYearOf,
  formatResourceCode,
  jstAt,
  resourceCodeSeries,
  type Area,
  type AuctionParameters,
  type ResourceKind,
} from '@yoryo/contracts'
import { nextNumber, type Db, type Prisma } from '@yoryo/db'
import { createAuction } from '@yoryo/db/factories'
import type { JobRunner } from '../../lib/jobs.ts'
import { receiptKey, signReceipt } from '../../lib/receipts.ts'
import { bidReceiptContent } from '../bids/public.ts'
import { publish, startClearing } from './service.ts'

/**
 * Demo auctions (`pnpm start`, once, right after the demo data): a published main auction of the
 * year before the demo year — about 2,000 bids over demo resources in the nine areas at full
 * national scale (target 1.8 × 10⁸ kW), three quarters at 0 円, hokkaido short at the national
 * price so it splits — cleared through the clearing job and published; and the demo year's main
 * auction open for bidding, with the demo resources of P00001 and P00002 qualified.
 */

/** Each area's share of the national requirement (a rough picture of the real demand). */
const AREA_SHARE: Record<Area, number> = {
  hokkaido: 0.03,
  tohoku: 0.085,
  tokyo: 0.33,
  chubu: 0.14,
  hokuriku: 0.03,
  kansai: 0.16,
  chugoku: 0.06,
  shikoku: 0.03,
  kyushu: 0.095,
}

const LINKS: [Area, Area, number][] = [
  ['hokkaido', 'tohoku', 900_000],
  ['tohoku', 'tokyo', 4_500_000],
  ['tokyo', 'chubu', 2_100_000],
  ['chubu', 'hokuriku', 1_500_000],
  ['chubu', 'kansai', 2_500_000],
  ['hokuriku', 'kansai', 1_300_000],
  ['kansai', 'chugoku', 4_000_000],
  ['kansai', 'shikoku', 1_400_000],
  ['chugoku', 'shikoku', 1_200_000],
  ['chugoku', 'kyushu', 2_800_000],
]

/**
 * Clearing parameters at national scale: the demand curve of the FY2029 main auction
 * (NetCONE 10,075 円/kW, cap 15,112.5; reference-data.md) around a target of 1.8 × 10⁸ kW,
 * area requirements by share, interconnections of the right size, a dispatch-order cap of 4 %.
 */
export function demoAuctionParameters(): AuctionParameters {
  const target = 180_000_000
  return {
    demandCurve: {
      priceCap: 15_112.5,
      quantityAtCap: 179_000_000,
      netCone: 10_075,
      targetQuantity: target,
      quantityAtZero: 184_700_000,
    },
    areas: areas.map((area) => ({ area, requiredKw: Math.round(AREA_SHARE[area] * 171_000_000) })),
    interconnections: LINKS.flatMap(([a, b, kw]) => [
      { from: a, to: b, limitKw: kw },
      { from: b, to: a, limitKw: kw },
    ]),
    adders: [],
    dispatchOrderCapKw: 7_200_000,
    deductionTable: [
      { commissionedUpTo: 2010, rate: 0.1 },
      { commissionedUpTo: null, rate: 0 },
    ],
  }
}

/** A small deterministic random generator (mulberry32), so every demo database is the same. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const DEMO_BIDDERS = 40
const DEMO_BIDS = 2_000
const TOTAL_BID_KW = 192_000_000

interface PlannedBid {
  participantId: string
  participantCode: string
  resourceId: string
  resourceCode: string
  kw: number
  price: number
}

/** A corporate number (法人番号) with its check digit in front, from 12 digits. */
function corporateNumber(base: string): string {
  let sum = 0
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2)
  return `${9 - (sum % 9)}${base}`
}

/** The complete company profile (030) of a demo or test participant, numbered `n`. */
export function participantProfile(n: number, serial: string = String(n)) {
  return {
    corporateNumber: corporateNumber(`8${serial.padStart(11, '0').slice(-11)}`),
    postalCode: '100-0005',
    address: '東京都千代田区丸の内1-1-1',
    representativeName: '代表 太郎',
    representativeTitle: '代表取締役',
    licenseCategory: 'generation' as const,
    contactName: '連絡 花子',
    contactDepartment: '電力取引部',
    contactEmail: `capacity${n}@demo-power.example`,
    contactPhone: '03-0000-0000',
    bankCode: '0005',
    bankBranchCode: '001',
    bankAccountType: 'ordinary' as const,
    bankAccountNumber: String(1_000_000 + n),
    bankAccountHolder: 'ﾃﾞﾓﾃﾞﾝﾘﾖｸ(ｶ',
  }
}

/** The demo participants that bid besides P00001 and P00002 (codes P00003 … P00042). */
async function demoBidders(db: Prisma.TransactionClient) {
  const codes = Array.from({ length: DEMO_BIDDERS }, (_, i) => `P${String(i + 3).padStart(5, '0')}`)
  await db.participant.createMany({
    data: codes.map((code, i) => ({
      code,
      kind: 'participant' as const,
      name: `デモ電力株式会社${i + 1}`,
      nameKana: 'デモデンリョク',
      nameEn: `Demo Power Co., Ltd. ${i + 1}`,
      ...participantProfile(i + 1),
    })),
  })
  return db.participant.findMany({ where: { code: { in: codes } }, orderBy: { code: 'asc' } })
}

function priceOf(rnd: () => number, area: Area): number {
  const short = area === 'hokkaido'
  if (rnd() < (short ? 0.35 : 0.75)) return 0
  const u = rnd()
  if (short) return u < 0.7 ? Math.floor(14_200 + rnd() * 912) : Math.floor(1 + rnd() * 9_999)
  if (u < 0.4) return Math.floor(1 + rnd() * 5_000)
  if (u < 0.7) return Math.floor(5_000 + rnd() * 5_000)
  return Math.floor(10_000 + rnd() * 5_112)
}

function kindOf(rnd: () => number): { kind: ResourceKind; generationType: string } {
  const u = rnd()
  if (u < 0.06) return { kind: 'dispatchOrder', generationType: 'demandResponse' }
  if (u < 0.14)
    return { kind: 'variableSingle', generationType: rnd() < 0.5 ? 'solar' : 'windOnshore' }
  const stable = ['lng', 'lng', 'coal', 'oil', 'hydroReservoir', 'nuclear'] as const
  return { kind: 'stable', generationType: stable[Math.floor(rnd() * stable.length)] as string }
}

/** Resources (createMany, codes reserved from their number series) with a bid each. */
async function plannedBids(db: Prisma.TransactionClient): Promise<PlannedBid[]> {
  const rnd = random(2029)
  const bidders = await demoBidders(db)
  type Row = Prisma.ResourceCreateManyInput & { kw: number; price: number; code: string }
  const rows: Row[] = []
  const bySeries = new Map<string, Row[]>()
  for (const area of areas) {
    const count = Math.round(AREA_SHARE[area] * DEMO_BIDS)
    const weights = Array.from({ length: count }, () => 0.15 + rnd() ** 2 * 3)
    const sum = weights.reduce((s, w) => s + w, 0)
    const areaKw = (TOTAL_BID_KW * AREA_SHARE[area]) / 0.96
    weights.forEach((w, i) => {
      const owner = bidders[Math.floor(rnd() * bidders.length)] as (typeof bidders)[number]
      const { kind, generationType } = kindOf(rnd)
      const kw = Math.max(1_000, Math.round((areaKw * w) / sum))
      const row: Row = {
        id: randomUUID(),
        code: '',
        participantId: owner.id,
        kind,
        name: `デモ${kind === 'dispatchOrder' ? 'アグリゲーション' : '発電所'}${area}-${i + 1}`,
        nameKana: 'デモハツデンショ',
        area,
        generationType: generationType as Prisma.ResourceCreateManyInput['generationType'],
        gridCode: `DEMO${areas.indexOf(area) + 1}${String(i + 1).padStart(5, '0')}`,
        location: '東京都千代田区丸の内1-1-1',
        commissionedOn: `${1975 + Math.floor(rnd() * 45)}-04`,
        supportScheme: 'none',
        ...(kind === 'dispatchOrder'
          ? { offerableKw: kw }
          : kind === 'stable'
            ? { installedKw: Math.ceil(kw / 0.95), houseLoadPercent: 5, hasAdjustment: true }
            : { installedKw: kw * 5 }),
        kw,
        price: priceOf(rnd, area),
      }
      rows.push(row)
      const series = resourceCodeSeries(area, kind)
      bySeries.set(series, [...(bySeries.get(series) ?? []), row])
    })
  }
  for (const [series, list] of bySeries) {
    const first = await nextNumber(db, series)
    list.forEach((row, i) => {
      row.code = formatResourceCode(row.area, row.kind, first + i)
    })
    if (list.length > 1) await nextNumber(db, series, first + list.length - 1)
  }
  await db.resource.createMany({ data: rows.map(({ kw: _kw, price: _price, ...r }) => r) })
  const codes = new Map(bidders.map((b) => [b.id, b.code]))
  return rows.map((r) => ({
    participantId: r.participantId,
    participantCode: codes.get(r.participantId) as string,
    resourceId: r.id as string,
    resourceCode: r.code,
    kw: r.kw,
    price: r.price,
  }))
}

/** The demo resources of P00001 and P00002 with a plausible expected capacity each. */
async function demoParticipantResources(db: Prisma.TransactionClient, deliveryYear: number) {
  const resources = await db.resource.findMany({
    where: { participant: { code: { in: ['P00001', 'P00002'] } }, status: 'active' },
    include: {
      participant: { select: { code: true } },
      members: { select: { installedKw: true } },
      expectedCapacities: { where: { deliveryYear }, select: { expectedKw: true } },
    },
    orderBy: { code: 'asc' },
  })
  return resources.map((r) => {
    const installed =
      r.offerableKw ?? r.installedKw ?? r.members.reduce((s, m) => s + m.installedKw, 0)
    const fallback = Math.floor(installed * (r.kind === 'stable' ? 0.95 : 0.3))
    return {
      resource: r,
      expectedKw: Math.max(1_000, r.expectedCapacities[0]?.expectedKw ?? fallback),
    }
  })
}

async function writeBids(
  db: Prisma.TransactionClient,
  auction: { id: string; code: string },
  bids: PlannedBid[],
  submittedFrom: Date,
): Promise<void> {
  const key = await receiptKey(db)
  const bidRows: Prisma.BidCreateManyInput[] = []
  const versions: Prisma.BidVersionCreateManyInput[] = []
  bids.forEach((b, i) => {
    const id = randomUUID()
    // Submissions spread over the window, one second apart: the merit order's tie-break.
    const acceptedAt = new Date(submittedFrom.getTime() + i * 1_000)
    bidRows.push({
      id,
      auctionId: auction.id,
      resourceId: b.resourceId,
      participantId: b.participantId,
      kw: b.kw,
      price: b.price,
      submittedAt: acceptedAt,
    })
    const receipt = signReceipt(
      key,
      bidReceiptContent({
        auctionCode: auction.code,
        participantCode: b.participantCode,
        resourceCode: b.resourceCode,
        bidId: id,
        version: 1,
        action: 'register',
        kw: b.kw,
        price: b.price,
        acceptedAt: acceptedAt.toISOString(),
      }),
    )
    versions.push({
      bidId: id,
      versionNo: 1,
      action: 'register',
      kw: b.kw,
      price: b.price,
      acceptedAt,
      userName: 'デモデータ',
      ...receipt,
    })
  })
  await db.auctionQualification.createMany({
    data: bids.map((b) => ({
      auctionId: auction.id,
      resourceId: b.resourceId,
      participantId: b.participantId,
      expectedKw: b.kw,
      proposed: true,
      state: 'qualified' as const,
      decidedByName: '広域機関',
      decidedAt: submittedFrom,
    })),
  })
  await db.bid.createMany({ data: bidRows })
  await db.bidVersion.createMany({ data: versions })
}

/**
 * Seeds both demo auctions; the published one is cleared by the clearing job (run here through
 * `jobs.drain()`, before the runner starts) and published as the operator would.
 */
export async function seedDemoAuctions(
  db: Db,
  jobs: JobRunner,
  now = new Date(),
): Promise<{ published: string; open: string }> {
  const fy = fiscalYearOf(now)
  const operator = await db.user.findFirstOrThrow({
    where: { participant: { code: 'OCCTO' }, userId: 'operator01' },
  })
  const actor = {
    userId: operator.id,
    label: `OCCTO ${operator.userId} ${operator.name}`,
    requestId: 'seed',
    name: operator.name,
  }
  const parameters = demoAuctionParameters()
  const { published, open } = await db.$transaction(
    async (tx) => {
      const biddingPast = { opensAt: jstAt(now, -380, 9), closesAt: jstAt(now, -373, 17) }
      const published = await createAuction(tx, {
        deliveryYear: fy + 3,
        type: 'main',
        state: 'biddingClosed',
        parameters,
        bidding: biddingPast,
        now,
      })
      const own = await demoParticipantResources(tx, fy + 4)
      const ownBids: PlannedBid[] = own.map(({ resource, expectedKw }, i) => ({
        participantId: resource.participantId,
        participantCode: resource.participant.code,
        resourceId: resource.id,
        resourceCode: resource.code,
        kw: expectedKw,
        price: [0, 9_800, 12_000, 14_500][i % 4] as number,
      }))
      const bids = [...(await plannedBids(tx)), ...ownBids]
      await writeBids(tx, published, bids, biddingPast.opensAt)

      const open = await createAuction(tx, {
        deliveryYear: fy + 4,
        type: 'main',
        state: 'open',
        parameters,
        bidding: { opensAt: jstAt(now, -2, 9), closesAt: jstAt(now, 5, 17) },
        now,
      })
      await tx.auctionQualification.createMany({
        data: own.map(({ resource, expectedKw }) => ({
          auctionId: open.id,
          resourceId: resource.id,
          participantId: resource.participantId,
          expectedKw,
          proposed: true,
          state: 'qualified' as const,
          decidedBy: operator.id,
          decidedByName: operator.name,
          decidedAt: now,
        })),
      })
      return { published, open }
    },
    { timeout: 120_000 },
  )
  const run = await startClearing(db, jobs, actor, published.id)
  await jobs.drain()
  await publish(db, actor, published.id, run.id)
  return { published: published.id, open: open.id }
}
