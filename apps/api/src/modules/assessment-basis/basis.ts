/**
 * The basis of the monthly assessment (B10 / B20): for a month of a delivery year, every resource
 * that carries a requirement — its contract kW after replacements and the annual amount A that
 * goes with those kW — and the parameters of the delivery year. The assessment job (B40), the B10
 * screen and the B20 screen all read it from here, so they can never disagree.
 *
 * - Contracts counted: confirmed, active, amended; a terminated one for the months before the
 *   month it was terminated in (JST). Drafts and contracts under a correction request carry no
 *   requirement yet.
 * - Replacement (rules.md §7, B20): an allocation of `kw` of contract C to resource R in a month
 *   moves those kW — and A × kw / C.contractKw (floored to the yen) — from C's resource to R.
 * - Release auction (rules.md §8, F30): kW of a contract released by a published release
 *   auction carry no requirement: like kW moved out by replacement, they leave the contract's
 *   resource with A × kw / C.contractKw (floored to the yen) — but go to no other resource.
 * - A resource with several contracts (main and additional auction) is assessed once, on the sum.
 */
import type { AssessmentInput } from '@yoryo/domain'
import {
  fiscalYearOf,
  jstDateOf,
  OUTAGE_ALLOWANCE_SETTING,
  type Area,
  type ResourceKind,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import { releasesInMonth } from '../release-auctions/public.ts'

export const COUNTED_CONTRACT_STATES = ['confirmed', 'active', 'amended', 'terminated'] as const

/** Whether a contract of the month's delivery year counts in `month` (see the file comment). */
function countsIn(
  c: { state: string; terminatedAt: Date | null; deliveryYear: number },
  month: string,
): boolean {
  if (c.deliveryYear !== deliveryYearOfMonth(month)) return false
  if (!(COUNTED_CONTRACT_STATES as readonly string[]).includes(c.state)) return false
  return (
    c.state !== 'terminated' || (!!c.terminatedAt && jstDateOf(c.terminatedAt).slice(0, 7) > month)
  )
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : 1)

/** The delivery year (fiscal year, April–March) a `YYYY-MM` month belongs to. */
export function deliveryYearOfMonth(month: string): number {
  return fiscalYearOf(`${month}-01`)
}

export interface BasisContract {
  contractId: string
  contractNo: string
  contractKw: number
  annualAmount: number
}

export interface BasisAllocation {
  contractNo: string
  /** The other resource: where the kW went (out) or came from (in). */
  resourceCode: string
  kw: number
  /** The part of A that moves with the kW (floored to the yen). */
  annualAmount: number
}

export interface ResourceMonthBasis {
  month: string
  deliveryYear: number
  resourceId: string
  resourceCode: string
  resourceName: string
  kind: ResourceKind
  area: Area
  participantId: string
  participantCode: string
  /** The kW assessed this month: Σ contracts − allocated out + allocated in. */
  contractKw: number
  /** A for those kW (yen per year, after deduction). */
  annualAmount: number
  contracts: BasisContract[]
  allocationsOut: BasisAllocation[]
  allocationsIn: BasisAllocation[]
  /** kW released by a release auction (F30) and the part of A that leaves with them. */
  releases: BasisRelease[]
}

export interface BasisRelease {
  contractNo: string
  kw: number
  /** floor(A × kw / contract kW). */
  annualAmount: number
}

/**
 * The resources assessed in `month`, in resource code order; `participantId` / `resourceIds`
 * narrow the set (a participant's B10 screen, one resource, a batch of the job): each resource
 * returned has the same basis as in the whole month's (an allocation in from a contract of a
 * resource outside `resourceIds` counts). Resources whose kW all moved away are kept with
 * contractKw 0 (B10 shows them); the job skips them.
 */
export async function assessmentBasis(
  db: DbClient,
  month: string,
  filter: { participantId?: string; resourceIds?: string[] } = {},
): Promise<ResourceMonthBasis[]> {
  const deliveryYear = deliveryYearOfMonth(month)
  const contracts = await db.contract.findMany({
    where: {
      deliveryYear,
      state: { in: [...COUNTED_CONTRACT_STATES] },
      ...(filter.resourceIds ? { resourceId: { in: filter.resourceIds } } : {}),
    },
    select: {
      id: true,
      contractNo: true,
      contractKw: true,
      annualAmount: true,
      state: true,
      terminatedAt: true,
      deliveryYear: true,
      resourceId: true,
    },
    orderBy: { contractNo: 'asc' },
  })
  const counted = contracts.filter((c) => countsIn(c, month))
  const byId = new Map(counted.map((c) => [c.id, c]))
  const allocations = await db.replacementAllocation.findMany({
    where: {
      month,
      replacement: { state: 'approved' },
      OR: [
        { contractId: { in: [...byId.keys()] } },
        ...(filter.resourceIds ? [{ resourceId: { in: filter.resourceIds } }] : [{}]),
      ],
    },
    select: {
      kw: true,
      resourceId: true,
      contract: {
        select: {
          id: true,
          contractNo: true,
          contractKw: true,
          annualAmount: true,
          resourceId: true,
          state: true,
          terminatedAt: true,
          deliveryYear: true,
        },
      },
    },
  })
  // The allocated contract counts by the same rule as the resources' own (with `resourceIds`, a
  // replacing resource's allocation comes from a contract of a resource outside the filter).
  const allocatedCounts = (contract: (typeof allocations)[number]['contract']) =>
    byId.has(contract.id) || countsIn(contract, month)
  const resourceIds = new Set<string>(counted.map((c) => c.resourceId))
  for (const a of allocations) {
    resourceIds.add(a.resourceId)
    resourceIds.add(a.contract.resourceId)
  }
  // Every resource involved (the other side of an allocation too, for its code); only the
  // filter's participant's are returned.
  const resources = await db.resource.findMany({
    where: { id: { in: [...resourceIds] } },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      area: true,
      participantId: true,
      participant: { select: { code: true } },
    },
  })
  const codeOf = new Map<string, string>()
  const out = new Map<string, ResourceMonthBasis>()
  const only = filter.resourceIds ? new Set(filter.resourceIds) : null
  for (const r of resources) {
    codeOf.set(r.id, r.code)
    if (filter.participantId && r.participantId !== filter.participantId) continue
    if (only && !only.has(r.id)) continue
    out.set(r.id, {
      month,
      deliveryYear,
      resourceId: r.id,
      resourceCode: r.code,
      resourceName: r.name,
      kind: r.kind,
      area: r.area,
      participantId: r.participantId,
      participantCode: r.participant.code,
      contractKw: 0,
      annualAmount: 0,
      contracts: [],
      allocationsOut: [],
      allocationsIn: [],
      releases: [],
    })
  }
  for (const c of counted) {
    const b = out.get(c.resourceId)
    if (!b) continue
    const annualAmount = Number(c.annualAmount)
    b.contracts.push({
      contractId: c.id,
      contractNo: c.contractNo,
      contractKw: c.contractKw,
      annualAmount,
    })
    b.contractKw += c.contractKw
    b.annualAmount += annualAmount
  }
  for (const a of allocations) {
    const moved = Number((a.contract.annualAmount * BigInt(a.kw)) / BigInt(a.contract.contractKw))
    const from = out.get(a.contract.resourceId)
    const to = out.get(a.resourceId)
    if (!allocatedCounts(a.contract)) continue
    if (from) {
      from.allocationsOut.push({
        contractNo: a.contract.contractNo,
        resourceCode: codeOf.get(a.resourceId) ?? '',
        kw: a.kw,
        annualAmount: moved,
      })
      from.contractKw -= a.kw
      from.annualAmount -= moved
    }
    if (to) {
      to.allocationsIn.push({
        contractNo: a.contract.contractNo,
        resourceCode: codeOf.get(a.contract.resourceId) ?? '',
        kw: a.kw,
        annualAmount: moved,
      })
      to.contractKw += a.kw
      to.annualAmount += moved
    }
  }
  // Released kW (F30) leave the contract's resource like kW moved out, to no other resource.
  const released = await releasesInMonth(
    db,
    month,
    counted.map((c) => c.id),
  )
  for (const c of counted) {
    const r = released.get(c.id)
    const b = out.get(c.resourceId)
    if (!r || !b || r.releasedKw <= 0 || c.contractKw <= 0) continue
    const kw = Math.min(r.releasedKw, c.contractKw)
    const amount = Number((c.annualAmount * BigInt(kw)) / BigInt(c.contractKw))
    b.releases.push({ contractNo: c.contractNo, kw, annualAmount: amount })
    b.contractKw -= kw
    b.annualAmount -= amount
  }
  return [...out.values()].sort((a, b) => (a.resourceCode < b.resourceCode ? -1 : 1))
}

/**
 * The IDs of the resources that can carry a requirement in `month`, in the order of
 * `assessmentBasis` (resource code): the resources of the counted contracts and both sides of
 * their approved allocations of the month — every resource with contract kW ≥ 1 among them.
 * A few bytes per resource, so a job reads the basis batch by batch
 * (`assessmentBasis(db, month, { resourceIds: batch })`) instead of the whole month's at once.
 */
export async function assessmentBasisResourceIds(db: DbClient, month: string): Promise<string[]> {
  const contracts = await db.contract.findMany({
    where: {
      deliveryYear: deliveryYearOfMonth(month),
      state: { in: [...COUNTED_CONTRACT_STATES] },
    },
    select: { id: true, resourceId: true, state: true, terminatedAt: true, deliveryYear: true },
  })
  const counted = contracts.filter((c) => countsIn(c, month))
  const ids = new Set(counted.map((c) => c.resourceId))
  const countedIds = new Set(counted.map((c) => c.id))
  const allocations = await db.replacementAllocation.findMany({
    where: { month, replacement: { state: 'approved' } },
    select: { resourceId: true, contractId: true, contract: { select: { resourceId: true } } },
  })
  for (const a of allocations) {
    if (!countedIds.has(a.contractId)) continue
    ids.add(a.resourceId)
    ids.add(a.contract.resourceId)
  }
  const resources = await db.resource.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, code: true },
  })
  return resources.sort(byCode).map((r) => r.id)
}

/** rules.md §5 defaults, used for a delivery year without a stored parameter set. */
export const DEFAULT_ASSESSMENT_PARAMETERS: AssessmentInput['parameters'] = {
  outageAllowanceDays: 58,
  multipliers: { unplannedOutage: 3, supplyInstruction: 3, reserveNotice: 1.5 },
  expectedOrdersPerYear: 12,
  monthlyCapShare: 0.183,
  annualCapShare: 1.1,
}

/**
 * The outage allowance of a year without a parameter set: the system setting the outage-plan
 * screens (180) used before the year had one (`{ default, years: { [year]: days } }`), else 58.
 */
async function settingAllowanceDays(db: DbClient, deliveryYear: number): Promise<number> {
  const row = await db.systemSetting.findUnique({ where: { key: OUTAGE_ALLOWANCE_SETTING } })
  const value = (row?.value ?? {}) as { default?: unknown; years?: Record<string, unknown> }
  const ofYear = value.years?.[String(deliveryYear)]
  if (typeof ofYear === 'number' && ofYear >= 0) return ofYear
  if (typeof value.default === 'number' && value.default >= 0) return value.default
  return DEFAULT_ASSESSMENT_PARAMETERS.outageAllowanceDays
}

/**
 * The parameters of a delivery year (B10): the stored set, else the defaults (the allowance
 * from the outage-allowance setting). The one source of the allowance: the outage-plan gauge
 * (180 / B00) reads it from here too.
 */
export async function assessmentParameters(
  db: DbClient,
  deliveryYear: number,
): Promise<AssessmentInput['parameters'] & { version: number | null }> {
  const row = await db.assessmentParameterSet.findUnique({ where: { deliveryYear } })
  if (!row) {
    return {
      ...DEFAULT_ASSESSMENT_PARAMETERS,
      outageAllowanceDays: await settingAllowanceDays(db, deliveryYear),
      version: null,
    }
  }
  return {
    outageAllowanceDays: Number(row.outageAllowanceDays.toString()),
    multipliers: {
      unplannedOutage: Number(row.unplannedOutageMultiplier.toString()),
      supplyInstruction: Number(row.supplyInstructionMultiplier.toString()),
      reserveNotice: Number(row.reserveNoticeMultiplier.toString()),
    },
    expectedOrdersPerYear: row.expectedOrdersPerYear,
    monthlyCapShare: Number(row.monthlyCapShare.toString()),
    annualCapShare: Number(row.annualCapShare.toString()),
    version: row.version,
  }
}
