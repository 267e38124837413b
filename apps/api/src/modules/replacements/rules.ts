/**
 * The rules of a replacement (rules.md §7), checked when it is filed, consented, corrected and
 * again at approval — each with its own message stating the numbers:
 *
 * - the contract is confirmed, active or amended (E-RPL-010);
 * - the replacing resource exists, is active and is not the contracted one (E-RPL-011 / 017);
 * - same area (E-RPL-012); the same kind or `stable` (E-RPL-013);
 * - whole months inside the contract's delivery year (E-RPL-014);
 * - the replacing resource has approved expected capacity for the year (E-RPL-018), and per
 *   month expected kW − what it already carries ≥ kW (E-RPL-015), where it carries its own
 *   contracts' kW, minus what approved replacements moved away from them, plus what approved
 *   replacements moved to it;
 * - per month kW ≤ the contract's kW not yet replaced (E-RPL-016).
 */
import {
  areaLabels,
  deliveryMonths,
  monthsBetween,
  resourceKindLabels,
  type Lang,
} from '@yoryo/contracts'
import type { Contract, DbClient, Prisma, Resource } from '@yoryo/db'
import { AppError } from '../../lib/errors.ts'

/** Contract states a replacement may be filed for. */
export const REPLACEABLE_CONTRACT_STATES = ['confirmed', 'active', 'amended'] as const

export interface MonthCapacity {
  month: string
  carriedKw: number
  freeKw: number
}

/** The approved expected capacity (kW) of a resource for a delivery year (841's value if any). */
export async function approvedExpectedKw(
  db: DbClient,
  resourceId: string,
  deliveryYear: number,
): Promise<number | null> {
  const ec = await db.expectedCapacity.findUnique({
    where: { resourceId_deliveryYear: { resourceId, deliveryYear } },
    select: { expectedKw: true, changedExpectedKw: true, status: true },
  })
  if (!ec || ec.status !== 'active') return null
  return ec.changedExpectedKw ?? ec.expectedKw
}

/** kW of approved allocations per month. */
async function allocatedByMonth(
  db: DbClient,
  where: Prisma.ReplacementAllocationWhereInput,
): Promise<Map<string, number>> {
  const rows = await db.replacementAllocation.findMany({
    where: { ...where, replacement: { state: 'approved' } },
    select: { month: true, kw: true },
  })
  const out = new Map<string, number>()
  for (const r of rows) out.set(r.month, (out.get(r.month) ?? 0) + r.kw)
  return out
}

/** What a resource carries per month of a delivery year, and what is free of its expected kW. */
export async function resourceCapacity(
  db: DbClient,
  resourceId: string,
  deliveryYear: number,
  months: string[],
): Promise<{ expectedKw: number | null; months: MonthCapacity[] }> {
  const expectedKw = await approvedExpectedKw(db, resourceId, deliveryYear)
  const own = await db.contract.aggregate({
    where: { resourceId, deliveryYear, state: { not: 'terminated' } },
    _sum: { contractKw: true },
  })
  const away = await allocatedByMonth(db, { month: { in: months }, contract: { resourceId } })
  const taken = await allocatedByMonth(db, { month: { in: months }, resourceId })
  const ownKw = own._sum.contractKw ?? 0
  return {
    expectedKw,
    months: months.map((month) => {
      const carriedKw = ownKw - (away.get(month) ?? 0) + (taken.get(month) ?? 0)
      return { month, carriedKw, freeKw: (expectedKw ?? 0) - carriedKw }
    }),
  }
}

/** The contract's kW already replaced per month (approved replacements). */
export async function contractReplacedKw(
  db: DbClient,
  contractId: string,
  months: string[],
): Promise<Map<string, number>> {
  return allocatedByMonth(db, { contractId, month: { in: months } })
}

export interface ReplacementTerms {
  contract: Contract & { resource: Resource }
  /** Null: no such resource (E-RPL-011). */
  replacingResource: Resource | null
  replacingResourceCode: string
  kw: number
  fromMonth: string
  toMonth: string
}

/** Checks every rule of §7; throws the first that fails (409, its message with the numbers). */
export async function checkReplacementRules(
  db: DbClient,
  terms: ReplacementTerms,
  lang: Lang,
): Promise<void> {
  const { contract, replacingResource: r, kw } = terms
  if (!(REPLACEABLE_CONTRACT_STATES as readonly string[]).includes(contract.state)) {
    throw new AppError('E-RPL-010', 409, { params: { contractNo: contract.contractNo } })
  }
  if (!r || r.status !== 'active') {
    throw new AppError('E-RPL-011', 409, { params: { resourceCode: terms.replacingResourceCode } })
  }
  if (r.id === contract.resourceId) throw new AppError('E-RPL-017', 409)
  if (r.area !== contract.resource.area) {
    throw new AppError('E-RPL-012', 409, {
      params: {
        replacingArea: areaLabels[r.area][lang],
        area: areaLabels[contract.resource.area][lang],
      },
    })
  }
  if (r.kind !== contract.resource.kind && r.kind !== 'stable') {
    throw new AppError('E-RPL-013', 409, {
      params: {
        replacingKind: resourceKindLabels[r.kind][lang],
        kind: resourceKindLabels[contract.resource.kind][lang],
      },
    })
  }
  const year = deliveryMonths(contract.deliveryYear)
  const months = monthsBetween(terms.fromMonth, terms.toMonth)
  if (months.length === 0 || months.some((m) => !year.includes(m))) {
    throw new AppError('E-RPL-014', 409, {
      params: {
        deliveryYear: contract.deliveryYear,
        firstMonth: year[0] ?? '',
        lastMonth: year[11] ?? '',
      },
    })
  }
  const capacity = await resourceCapacity(db, r.id, contract.deliveryYear, months)
  if (capacity.expectedKw === null) {
    throw new AppError('E-RPL-018', 409, {
      params: { resourceCode: r.code, deliveryYear: contract.deliveryYear },
    })
  }
  for (const m of capacity.months) {
    if (m.freeKw < kw) {
      throw new AppError('E-RPL-015', 409, {
        params: {
          month: m.month,
          freeKw: Math.max(m.freeKw, 0),
          expectedKw: capacity.expectedKw,
          carriedKw: m.carriedKw,
          kw,
        },
      })
    }
  }
  const replaced = await contractReplacedKw(db, contract.id, months)
  for (const month of months) {
    const replacedKw = replaced.get(month) ?? 0
    const availableKw = contract.contractKw - replacedKw
    if (availableKw < kw) {
      throw new AppError('E-RPL-016', 409, {
        params: {
          month,
          availableKw: Math.max(availableKw, 0),
          contractKw: contract.contractKw,
          replacedKw,
          kw,
        },
      })
    }
  }
}
