/**
 * The monthly settlement as pure functions over rows (E10, F00), so the rules can be tested
 * without a database:
 *
 * - `settleMonth`: one line per counted contract at its resource (the holder of the month is
 *   paid the contract's monthly amount), less what replacement moved out (rules.md §7, payments
 *   follow the capacity: floor(monthly amount × kW / contract kW) per allocation), plus one
 *   `replacement` line per allocation at the replacing resource (its participant is paid what
 *   moved). Σ amounts over all lines = Σ contracts' monthly amounts, exactly.
 *   The penalty of a resource-month (`assessment_result.total`, caps applied) is shared among
 *   the lines at that resource in proportion to their amounts, by largest remainder (ties by
 *   contract number), so the shares sum exactly to the total.
 * - Release auction (rules.md §8, F30): a contract line carries the contract's released kW of
 *   the month, the part of its amount for them (交付額, kept: informative, inside `amount`) and
 *   what the holder is billed for them (請求額); net = amount − penalty − billed.
 * - `settlementDocumentsOf`: per participant the payment notice (and, when its net is negative,
 *   the invoice) with consumption tax 10 % of each document's total, rounded down (rules.md §4).
 */
import type { SettlementLineKind, SettlementMove } from '@yoryo/contracts'
import { releaseGrantedAmount } from '@yoryo/domain'

export interface Party {
  id: string
  code: string
  name: string
}

export interface SettlementContract {
  contractId: string
  contractNo: string
  contractKw: number
  /** The contract's amount of the month (yen). */
  monthlyAmount: number
  /** The holder of the month. */
  participant: Party
  resource: Party
  /** Release auction (F30): kW released in force this month and the month's billed amount. */
  releasedKw?: number
  billedAmount?: number
}

export interface SettlementAllocation {
  contractId: string
  kw: number
  /** The replacing resource and its participant (paid what moves). */
  resource: Party
  participant: Party
}

export interface SettlementResult {
  id: string
  resourceId: string
  total: number
}

export interface ComputedLine {
  kind: SettlementLineKind
  contractId: string
  contractNo: string
  resource: Party
  participant: Party
  contractKw: number
  monthlyAmount: number
  replacementKw: number
  replacementAmount: number
  amount: number
  penalty: number
  /** Release auction (F30; contract lines): released kW, 交付額 and 請求額 of the month. */
  releasedKw: number
  grantedAmount: number
  billedAmount: number
  net: number
  moves: SettlementMove[]
  assessmentResultId: string | null
}

/** A resource-month penalty the lines cannot carry (no line at the assessed resource). */
/** A penalty at a resource without a counted contract in the month (the job answers E-STL-008). */
export class UnsettledPenaltyError extends Error {
  constructor(
    readonly resultId: string,
    readonly resourceId: string,
    readonly amount: number,
  ) {
    super(
      `assessment result ${resultId}: a penalty of ${amount} yen at a resource without a counted contract this month; re-run the assessment`,
    )
    this.name = 'UnsettledPenaltyError'
  }
}

/**
 * Shares `total` among `weights` in proportion (largest remainder); ties of the remainder go to
 * the lower `order` key. All weights 0: equal shares. The shares sum to `total` exactly.
 */
export function shareByLargestRemainder(
  total: number,
  items: { weight: number; order: string }[],
): number[] {
  if (!items.length) return []
  const zero = items.every((i) => i.weight <= 0)
  const weights = items.map((i) => BigInt(zero ? 1 : Math.max(0, i.weight)))
  const sum = weights.reduce((a, b) => a + b, 0n)
  const t = BigInt(total)
  const shares = weights.map((w) => (t * w) / sum)
  let left = t - shares.reduce((a, b) => a + b, 0n)
  const byRemainder = items
    .map((item, i) => ({ i, rem: (t * weights[i]!) % sum, order: item.order }))
    .sort((a, b) => (a.rem === b.rem ? (a.order < b.order ? -1 : 1) : a.rem > b.rem ? -1 : 1))
  for (const { i } of byRemainder) {
    if (left <= 0n) break
    shares[i]! += 1n
    left -= 1n
  }
  return shares.map(Number)
}

/** The lines of a month, in contract number order (a contract's own line first). */
export function settleMonth(input: {
  contracts: SettlementContract[]
  allocations: SettlementAllocation[]
  results: SettlementResult[]
}): ComputedLine[] {
  const lines = new Map<string, ComputedLine>()
  const key = (contractId: string, resourceId: string) => `${contractId}#${resourceId}`
  const contracts = new Map(input.contracts.map((c) => [c.contractId, c]))
  for (const c of input.contracts) {
    lines.set(key(c.contractId, c.resource.id), {
      kind: 'contract',
      contractId: c.contractId,
      contractNo: c.contractNo,
      resource: c.resource,
      participant: c.participant,
      contractKw: c.contractKw,
      monthlyAmount: c.monthlyAmount,
      replacementKw: 0,
      replacementAmount: 0,
      amount: c.monthlyAmount,
      penalty: 0,
      releasedKw: c.releasedKw ?? 0,
      grantedAmount: releaseGrantedAmount(c.monthlyAmount, c.releasedKw ?? 0, c.contractKw),
      billedAmount: c.billedAmount ?? 0,
      net: 0,
      moves: [],
      assessmentResultId: null,
    })
  }
  for (const a of input.allocations) {
    const c = contracts.get(a.contractId)
    if (!c || a.kw <= 0) continue
    const moved = c.contractKw > 0 ? Math.floor((c.monthlyAmount * a.kw) / c.contractKw) : 0
    const own = lines.get(key(c.contractId, c.resource.id))!
    own.replacementKw -= a.kw
    own.replacementAmount -= moved
    own.amount -= moved
    own.moves.push({ resourceCode: a.resource.code, kw: -a.kw, amount: -moved })
    const k = key(c.contractId, a.resource.id)
    let to = lines.get(k)
    if (!to) {
      to = {
        kind: 'replacement',
        contractId: c.contractId,
        contractNo: c.contractNo,
        resource: a.resource,
        participant: a.participant,
        contractKw: 0,
        monthlyAmount: 0,
        replacementKw: 0,
        replacementAmount: 0,
        amount: 0,
        penalty: 0,
        releasedKw: 0,
        grantedAmount: 0,
        billedAmount: 0,
        net: 0,
        moves: [],
        assessmentResultId: null,
      }
      lines.set(k, to)
    }
    to.replacementKw += a.kw
    to.replacementAmount += moved
    to.amount += moved
    to.moves.push({ resourceCode: c.resource.code, kw: a.kw, amount: moved })
  }
  const byResource = new Map<string, ComputedLine[]>()
  for (const line of lines.values()) {
    const list = byResource.get(line.resource.id) ?? []
    list.push(line)
    byResource.set(line.resource.id, list)
  }
  for (const r of input.results) {
    const at = byResource.get(r.resourceId)
    if (!at?.length) {
      if (r.total === 0) continue
      throw new UnsettledPenaltyError(r.id, r.resourceId, r.total)
    }
    at.sort((a, b) => (a.contractNo < b.contractNo ? -1 : a.contractNo > b.contractNo ? 1 : 0))
    const shares = shareByLargestRemainder(
      r.total,
      at.map((l) => ({ weight: l.amount, order: l.contractNo })),
    )
    at.forEach((l, i) => {
      l.penalty = shares[i]!
      l.assessmentResultId = r.id
    })
  }
  const out = [...lines.values()]
  for (const l of out) l.net = l.amount - l.penalty - l.billedAmount
  return out.sort((a, b) =>
    a.contractNo === b.contractNo
      ? a.kind === b.kind
        ? a.resource.code < b.resource.code
          ? -1
          : 1
        : a.kind === 'contract'
          ? -1
          : 1
      : a.contractNo < b.contractNo
        ? -1
        : 1,
  )
}

/** Consumption tax of a document's total (rules.md §4): 10 %, rounded down. */
export function consumptionTax(base: number): number {
  return Math.floor(base / 10)
}

export interface ComputedDocument {
  kind: 'paymentNotice' | 'invoice'
  participantId: string
  subtotal: number
  base: number
  tax: number
  total: number
}

/**
 * The documents of one participant's lines: a payment notice always; when the net is negative
 * an invoice for what it owes, the payment notice then paying 0.
 */
export function settlementDocumentsOf(participantId: string, nets: number[]): ComputedDocument[] {
  const subtotal = nets.reduce((a, b) => a + b, 0)
  if (subtotal >= 0) {
    const tax = consumptionTax(subtotal)
    return [
      {
        kind: 'paymentNotice',
        participantId,
        subtotal,
        base: subtotal,
        tax,
        total: subtotal + tax,
      },
    ]
  }
  const owed = -subtotal
  const tax = consumptionTax(owed)
  return [
    { kind: 'paymentNotice', participantId, subtotal, base: 0, tax: 0, total: 0 },
    { kind: 'invoice', participantId, subtotal, base: owed, tax, total: owed + tax },
  ]
}

/** The month index of `YYYY-MM` in a contract's monthly amounts (April = 0 … March = 11). */
export function deliveryMonthIndex(month: string): number {
  return (Number(month.slice(5, 7)) + 8) % 12
}
