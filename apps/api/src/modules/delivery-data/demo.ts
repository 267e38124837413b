/**
 * Demo data of the demo month (`pnpm start`, once, after `seedDemoDeliveryYear`): the feeds of the
 * last complete JST month for the P00001 / P00002 resources in delivery, written through the feed
 * store like any feed. Deterministic (seeded by resource code and day).
 *
 * - Metered generation for every day of every resource: a solar bell curve with clouds
 *   (variableSingle), flat thermal a little above contract kW (stable), a wind-like wave
 *   (variableAggregate), a small base for the dispatch-order resources.
 * - Reserve-margin notices on three days in the resources' areas, margin below 8 % in the evening
 *   peak (17:00–20:00); every resource offers its contract kW, but P00002's aggregate offers 60 %
 *   on one day.
 * - Supply instructions on the second notice day for the stable resources, one slot of P00002
 *   delivered short.
 * - Operation restraint on the three sunniest days' noon slots for the variableSingle resources.
 * - P00001's stable resource falls to 40 % of contract kW in four notice slots (an unplanned
 *   outage no plan covers: the assessment shows it and B50 flags it).
 * - Dispatch orders: P00001's resource delivers one order in full; P00002's delivers (almost)
 *   nothing on three orders, so its month is capped at 18.3 % of A.
 */
import { addDays, daysInMonth, slotStart, type ResourceKind } from '@yoryo/contracts'
import type { Db } from '@yoryo/db'
import { assessmentBasis, demoAssessmentMonth } from '../assessment-basis/public.ts'
import {
  putDaySeries,
  putDispatchOrder,
  putReserveNoticeDay,
  SLOTS_PER_DAY,
  type DaySeries,
  type FeedWriter,
} from '../feeds/public.ts'

const WRITER: FeedWriter = { source: 'demo', userId: null }
/** Days of the month (1-based) with reserve-margin notices, and their kind. */
const NOTICE_DAYS = [
  { day: 9, kind: 'dayAhead' },
  { day: 17, kind: 'intraday' },
  { day: 24, kind: 'dayAhead' },
] as const
/** The evening peak: slots 35–40 (17:00–20:00). */
const NOTICE_SLOTS = [35, 36, 37, 38, 39, 40]
const INSTRUCTION_DAY = 17
const INSTRUCTION_SLOTS = [36, 37, 38]
const OUTAGE_DAY = 17
const OUTAGE_SLOTS = [36, 37, 38, 39]
const RESTRAINT_SLOTS = [22, 23, 24, 25, 26, 27]

/** A small deterministic generator (mulberry32) seeded by text. */
function random(seedText: string): () => number {
  let seed = 0
  for (const c of seedText) seed = (Math.imul(seed, 31) + c.charCodeAt(0)) | 0
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Output kW per slot of a resource on a day (before restraint and outages). */
function outputKw(kind: ResourceKind, contractKw: number, rand: () => number, sky: number) {
  return Array.from({ length: SLOTS_PER_DAY }, (_, i) => {
    const hour = (i + 0.5) / 2
    switch (kind) {
      case 'variableSingle': {
        // Solar: a bell between 06:00 and 18:00, peaking at 1.4 × contract kW on a clear day.
        const sun = Math.max(0, Math.sin(((hour - 6) / 12) * Math.PI))
        return Math.round(contractKw * 1.4 * sun ** 1.5 * sky * (0.95 + rand() * 0.05))
      }
      case 'stable':
        // Thermal: flat a little above contract kW, slightly higher in the day.
        return Math.round(
          contractKw * (1.01 + 0.03 * Math.sin((hour / 24) * Math.PI) + rand() * 0.02),
        )
      case 'variableAggregate': {
        // Wind and small plants together: a slow wave around contract kW.
        const wave = 0.8 + 0.35 * Math.sin((hour / 24) * 2 * Math.PI + sky * 3)
        return Math.round(contractKw * wave * (0.95 + rand() * 0.1))
      }
      case 'dispatchOrder':
        // Demand response: the sites' own small generation.
        return Math.round(contractKw * (0.05 + rand() * 0.02))
    }
  })
}

export interface DemoDeliveryData {
  month: string
  resources: number
  days: number
  noticeDays: number
  orders: number
}

export async function seedDemoDeliveryData(
  db: Db,
  now: Date = new Date(),
): Promise<DemoDeliveryData> {
  const month = demoAssessmentMonth(now)
  const basis = (await assessmentBasis(db, month)).filter(
    (b) => ['P00001', 'P00002'].includes(b.participantCode) && b.contractKw > 0,
  )
  const dates = Array.from({ length: daysInMonth(month) }, (_, i) => addDays(`${month}-01`, i))
  const noticeDates = new Map(NOTICE_DAYS.map((n) => [dates[n.day - 1] as string, n.kind]))
  const areas = [...new Set(basis.map((b) => b.area))]
  // The sky per day (0.3 overcast … 1 clear), the same for every area; the three clearest days
  // get operation restraint at noon.
  const skyRand = random(`sky-${month}`)
  const sky = dates.map(() => 0.3 + 0.7 * Math.min(1, skyRand() * 1.3))
  const sunniest = new Set(
    [...sky.keys()].sort((a, b) => (sky[b] as number) - (sky[a] as number)).slice(0, 3),
  )
  let orders = 0
  await db.$transaction(
    async (tx) => {
      for (const area of areas) {
        for (const [date, kind] of noticeDates) {
          const rand = random(`notice-${area}-${date}`)
          const marginBp = Array.from({ length: SLOTS_PER_DAY }, (_, i) =>
            NOTICE_SLOTS.includes(i + 1)
              ? 500 + Math.floor(rand() * 290)
              : 1_000 + Math.floor(rand() * 900),
          )
          const noticeKind = marginBp.map((_, i) => (NOTICE_SLOTS.includes(i + 1) ? kind : ''))
          await putReserveNoticeDay(tx, WRITER, { area, date, marginBp, noticeKind })
        }
      }
      for (const b of basis) {
        const code = b.resourceCode
        for (const [d, date] of dates.entries()) {
          const rand = random(`${code}-${date}`)
          const kw = outputKw(b.kind, b.contractKw, rand, sky[d] as number)
          const series: Partial<Record<DaySeries, number[]>> = {}
          if (b.kind === 'variableSingle' && sunniest.has(d)) {
            const restrained = kw.map((v, i) =>
              RESTRAINT_SLOTS.includes(i + 1) ? Math.round(v * 0.3) : 0,
            )
            kw.forEach((v, i) => (kw[i] = v - (restrained[i] as number)))
            series.restrainedKw = restrained
          }
          if (b.kind === 'stable' && b.participantCode === 'P00001' && d + 1 === OUTAGE_DAY) {
            for (const s of OUTAGE_SLOTS) kw[s - 1] = Math.round(b.contractKw * 0.4)
          }
          if (b.kind === 'stable' && d + 1 === INSTRUCTION_DAY) {
            const instructed = Math.round(b.contractKw * 0.2)
            series.instructedKw = kw.map((_, i) =>
              INSTRUCTION_SLOTS.includes(i + 1) ? instructed : 0,
            )
            series.deliveredKw = series.instructedKw.map((v, i) =>
              b.participantCode === 'P00002' && i + 1 === INSTRUCTION_SLOTS[1]
                ? Math.round(v * 0.4)
                : v,
            )
          }
          if (noticeDates.has(date)) {
            const short =
              b.kind === 'variableAggregate' &&
              b.participantCode === 'P00002' &&
              d + 1 === NOTICE_DAYS[0].day
            const outage =
              b.kind === 'stable' && b.participantCode === 'P00001' && d + 1 === OUTAGE_DAY
            series.offeredKw = kw.map((v, i) => {
              if (!NOTICE_SLOTS.includes(i + 1)) return 0
              if (short) return Math.round(b.contractKw * 0.6)
              if (outage && OUTAGE_SLOTS.includes(i + 1)) return v
              return b.contractKw
            })
          }
          // Metered energy per slot: kWh = kW × 0.5 h.
          series.meteredKwh = kw.map((v) => Math.round(v / 2))
          await putDaySeries(tx, WRITER, {
            resourceId: b.resourceId,
            resourceCode: code,
            date,
            series,
          })
        }
        if (b.kind === 'dispatchOrder') {
          const fails = b.participantCode === 'P00002'
          const days = fails ? NOTICE_DAYS.map((n) => n.day) : [NOTICE_DAYS[1].day]
          for (const day of days) {
            const rand = random(`order-${code}-${day}`)
            const date = dates[day - 1] as string
            const startAt = slotStart(date, NOTICE_SLOTS[0] as number)
            const baselineKw = NOTICE_SLOTS.map(() =>
              Math.round(b.contractKw * (1.3 + rand() * 0.1)),
            )
            const actualKw = baselineKw.map((base) =>
              fails
                ? base - Math.round(b.contractKw * rand() * 0.03)
                : base - b.contractKw - Math.round(b.contractKw * rand() * 0.05),
            )
            await putDispatchOrder(tx, WRITER, {
              orderId: `HR${date.replaceAll('-', '')}-${code.slice(-3)}`,
              resourceId: b.resourceId,
              orderedAt: new Date(startAt.getTime() - 4 * 3_600_000),
              startAt,
              instructedKw: b.contractKw,
              baselineKw,
              actualKw,
            })
            orders++
          }
        }
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  )
  return {
    month,
    resources: basis.length,
    days: basis.length * dates.length,
    noticeDays: areas.length * noticeDates.size,
    orders,
  }
}
