import {
  outageAllowanceKinds,
  outagePlanChangeSchema,
  outagePlanRegisterSchema,
  type OutageAllowance,
  type OutageAllowanceFigures,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import { computeOutageAllowance, type OutageSpan } from '@yoryo/domain'
import { assessmentParameters } from '../assessment-basis/public.ts'

/**
 * The allowance of planned outage days of a delivery year (rules.md §5.1): the year's
 * assessment parameters (B10) once the operator has stored a set, before that the system
 * setting `outagePlanAllowanceDays` = `{ "default": 58, "years": { "2030": 60 } }` (a year's own
 * value, else the default), 58 days when the setting is missing (`assessmentParameters`).
 */
export async function allowanceDaysOf(db: DbClient, deliveryYear: number): Promise<number> {
  return (await assessmentParameters(db, deliveryYear)).outageAllowanceDays
}

/** The contracts of a resource-year that bound its plans: every one not terminated. */
export interface YearContract {
  /** The first contract (by number): the one a new plan refers to. */
  contractId: string
  contractNos: string[]
  /** Σ contract kW of the year's contracts not terminated. */
  contractKw: number
  /** Σ annual amounts (yen). */
  annualAmount: number
}

export async function contractsOf(
  db: DbClient,
  pairs: readonly { resourceId: string; deliveryYear: number }[],
): Promise<Map<string, YearContract>> {
  const out = new Map<string, YearContract>()
  if (!pairs.length) return out
  const rows = await db.contract.findMany({
    where: {
      OR: pairs.map((p) => ({ resourceId: p.resourceId, deliveryYear: p.deliveryYear })),
      state: { not: 'terminated' },
    },
    orderBy: { contractNo: 'asc' },
    select: {
      id: true,
      contractNo: true,
      resourceId: true,
      deliveryYear: true,
      contractKw: true,
      annualAmount: true,
    },
  })
  for (const r of rows) {
    const key = `${r.resourceId}/${r.deliveryYear}`
    const seen = out.get(key)
    if (seen) {
      seen.contractNos.push(r.contractNo)
      seen.contractKw += r.contractKw
      seen.annualAmount += Number(r.annualAmount)
    } else {
      out.set(key, {
        contractId: r.id,
        contractNos: [r.contractNo],
        contractKw: r.contractKw,
        annualAmount: Number(r.annualAmount),
      })
    }
  }
  return out
}

export async function contractOf(
  db: DbClient,
  resourceId: string,
  deliveryYear: number,
): Promise<YearContract | null> {
  return (
    (await contractsOf(db, [{ resourceId, deliveryYear }])).get(`${resourceId}/${deliveryYear}`) ??
    null
  )
}

/** A plan's span for the allowance: its kW and whole minutes. */
export function spanOf(plan: {
  reducedKw: number
  startAt: Date | string
  endAt: Date | string
}): OutageSpan {
  const minutes = (new Date(plan.endAt).getTime() - new Date(plan.startAt).getTime()) / 60_000
  return { reducedKw: plan.reducedKw, minutes }
}

/** The equivalent days of one plan as text (2 decimals half up), 0 without a contract. */
export function equivalentDaysText(span: OutageSpan, contractKw: number): string {
  if (contractKw < 1 || span.minutes < 1) return '0.00'
  return computeOutageAllowance({ contractKw, allowanceDays: 0, plans: [span] }).equivalentDays
}

function figures(
  contract: YearContract,
  allowanceDays: number,
  spans: OutageSpan[],
): OutageAllowanceFigures {
  const result = computeOutageAllowance({
    contractKw: Math.max(1, contract.contractKw),
    allowanceDays,
    annualAmount: contract.annualAmount,
    plans: spans,
  })
  return {
    equivalentDays: result.equivalentDays,
    excessDays: result.excessDays,
    exceeds: result.exceeds,
    penaltyEstimate: result.penaltyEstimate,
  }
}

const PENDING_STATES = ['submitted', 'inReview', 'returned'] as const

/**
 * A resource's planned outage of a delivery year against the allowance: the plans in force, and
 * with the open applications (a registration adds, a change replaces, a cancellation removes),
 * and — when a plan being filed is given — what it adds and the year with it.
 */
export async function resourceYearAllowance(
  db: DbClient,
  resource: { id: string; code: string; name: string; kind: string; area: string },
  deliveryYear: number,
  candidate?: {
    startAt: string
    endAt: string
    reducedKw: number
    planId?: string | undefined
    applicationId?: string | undefined
  },
): Promise<OutageAllowance | null> {
  const contract = await contractOf(db, resource.id, deliveryYear)
  if (!contract) return null
  const allowanceDays = await allowanceDaysOf(db, deliveryYear)
  const plans = await db.outagePlan.findMany({
    where: { resourceId: resource.id, deliveryYear, cancelledAt: null },
    select: { id: true, startAt: true, endAt: true, reducedKw: true },
  })
  const approved = new Map(plans.map((p) => [p.id, spanOf(p)]))
  const pending = new Map(approved)
  const added: OutageSpan[] = []
  const open = await db.application.findMany({
    where: {
      entityType: 'outagePlan',
      state: { in: [...PENDING_STATES] },
      ...(candidate?.applicationId ? { id: { not: candidate.applicationId } } : {}),
      OR: [
        { entityId: { in: [...approved.keys()] } },
        {
          kind: 'register',
          AND: [
            { proposed: { path: ['resourceId'], equals: resource.id } },
            { proposed: { path: ['deliveryYear'], equals: deliveryYear } },
          ],
        },
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { kind: true, entityId: true, proposed: true },
  })
  for (const a of open) {
    if (a.kind === 'register') {
      const p = outagePlanRegisterSchema.safeParse(a.proposed)
      if (p.success) added.push(spanOf(p.data))
    } else if (a.kind === 'change' && a.entityId) {
      const p = outagePlanChangeSchema.safeParse(a.proposed)
      if (p.success) pending.set(a.entityId, spanOf(p.data))
    } else if (a.kind === 'cancel' && a.entityId) {
      pending.delete(a.entityId)
    }
  }
  const withPending = [...pending.values(), ...added]
  let plan: OutageAllowance['plan'] = null
  let withPlan: OutageAllowance['withPlan'] = null
  if (candidate) {
    const span = spanOf(candidate)
    if (span.minutes >= 1 && candidate.reducedKw >= 1 && Number.isSafeInteger(span.minutes)) {
      plan = { equivalentDays: equivalentDaysText(span, contract.contractKw) }
      const others = new Map(pending)
      if (candidate.planId) others.delete(candidate.planId)
      withPlan = figures(contract, allowanceDays, [...others.values(), ...added, span])
    }
  }
  return {
    resource: resource as OutageAllowance['resource'],
    deliveryYear,
    contractKw: contract.contractKw,
    allowanceDays,
    applies: (outageAllowanceKinds as readonly string[]).includes(resource.kind),
    approved: figures(contract, allowanceDays, [...approved.values()]),
    withPending: figures(contract, allowanceDays, withPending),
    plan,
    withPlan,
  }
}

/** The year's figures of many resource-years (the list): plans in force only. */
export async function yearFiguresOf(
  db: DbClient,
  pairs: readonly { resourceId: string; deliveryYear: number }[],
): Promise<
  Map<
    string,
    { contract: YearContract | null; allowanceDays: number; figures: OutageAllowanceFigures | null }
  >
> {
  const unique = [...new Map(pairs.map((p) => [`${p.resourceId}/${p.deliveryYear}`, p])).values()]
  const out = new Map<
    string,
    { contract: YearContract | null; allowanceDays: number; figures: OutageAllowanceFigures | null }
  >()
  if (!unique.length) return out
  const contracts = await contractsOf(db, unique)
  const plans = await db.outagePlan.findMany({
    where: {
      OR: unique.map((p) => ({ resourceId: p.resourceId, deliveryYear: p.deliveryYear })),
      cancelledAt: null,
    },
    select: { resourceId: true, deliveryYear: true, startAt: true, endAt: true, reducedKw: true },
  })
  const allowances = new Map<number, number>()
  for (const p of unique) {
    if (!allowances.has(p.deliveryYear)) {
      allowances.set(p.deliveryYear, await allowanceDaysOf(db, p.deliveryYear))
    }
  }
  for (const p of unique) {
    const key = `${p.resourceId}/${p.deliveryYear}`
    const contract = contracts.get(key) ?? null
    const allowanceDays = allowances.get(p.deliveryYear) as number
    const spans = plans
      .filter((x) => x.resourceId === p.resourceId && x.deliveryYear === p.deliveryYear)
      .map(spanOf)
    out.set(key, {
      contract,
      allowanceDays,
      figures: contract ? figures(contract, allowanceDays, spans) : null,
    })
  }
  return out
}
