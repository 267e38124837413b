/**
 * Penalty factors (190): parameters per delivery year, the amount by `computePreDeliveryPenalty`
 * of `@yoryo/domain`, registration / change / refund with their notices (算定額通知書) and audit.
 */
import {
  fiscalYearEnd,
  formatMessage,
  formatPenaltyFactorNo,
  penaltyCalculationSchema,
  type MessageId,
  type PenaltyCalculation,
  type PenaltyFactor,
  type PenaltyFactorType,
  type PenaltyParameters,
} from '@yoryo/contracts'
import { nextNumber, type DbClient, type Prisma } from '@yoryo/db'
import {
  computePreDeliveryPenalty,
  DEFAULT_EXIT_RATE_AFTER_DEADLINE,
  DEFAULT_EXIT_RATE_BEFORE_DEADLINE,
  RulesValidationError,
} from '@yoryo/domain'
import { audit, type Actor } from '../../lib/audit.ts'
import { documentSummariesOf, ISSUER, issueDocument } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { penaltyAmountNotice, type PenaltyNoticeEvent } from './notice.ts'

/**
 * The default deadline for the additional-auction decision of delivery year N [design]: the end
 * of fiscal year N − 2 (`(N−1)-03-31`), i.e. before FY N−1 in which the additional auction is held.
 */
export function defaultDecisionDeadline(deliveryYear: number): string {
  return fiscalYearEnd(deliveryYear - 2)
}

/** The parameters of a delivery year: its row, else the defaults (version 0). */
export async function penaltyParametersOf(
  db: DbClient,
  deliveryYear: number,
): Promise<PenaltyParameters> {
  const row = await db.penaltyParameterSet.findUnique({ where: { deliveryYear } })
  if (!row) {
    return {
      deliveryYear,
      rateBeforeDeadline: DEFAULT_EXIT_RATE_BEFORE_DEADLINE,
      rateAfterDeadline: DEFAULT_EXIT_RATE_AFTER_DEADLINE,
      decisionDeadline: defaultDecisionDeadline(deliveryYear),
      additionalAuctionNotHeldAt: null,
      isDefault: true,
      version: 0,
      updatedAt: null,
    }
  }
  return {
    deliveryYear,
    rateBeforeDeadline: Number(row.rateBeforeDeadline.toString()),
    rateAfterDeadline: Number(row.rateAfterDeadline.toString()),
    decisionDeadline: row.decisionDeadline,
    additionalAuctionNotHeldAt: row.additionalAuctionNotHeldAt?.toISOString() ?? null,
    isDefault: false,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A contract as the calculation needs it. */
export interface ContractTerms {
  id: string
  contractNo: string
  participantId: string
  resourceId: string
  deliveryYear: number
  contractKw: number
  areaPrice: number
  state: string
}

export interface FactorValues {
  factorType: PenaltyFactorType
  kw: number
  occurredOn: string
  givenAmount?: number | undefined
}

function fieldError(path: (string | number)[], messageId: MessageId, params = {}): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [{ path, messageId, message: formatMessage(messageId, 'ja', params), params }],
  })
}

/**
 * The amount of a factor on a contract with the year's parameters: the domain's result and the
 * parameters it used. Invalid input (kW above the contract, a given amount where none belongs)
 * is a 400 with the domain's message on the field.
 */
export async function calculatePenalty(
  db: DbClient,
  contract: ContractTerms,
  values: FactorValues,
  refunded: boolean,
): Promise<PenaltyCalculation> {
  const parameters = await penaltyParametersOf(db, contract.deliveryYear)
  try {
    const result = computePreDeliveryPenalty({
      factorType: values.factorType,
      areaPrice: contract.areaPrice,
      contractKw: contract.contractKw,
      kw: values.kw,
      occurredOn: values.occurredOn,
      decisionDeadline: parameters.decisionDeadline,
      rateBeforeDeadline: parameters.rateBeforeDeadline,
      rateAfterDeadline: parameters.rateAfterDeadline,
      ...(values.givenAmount !== undefined ? { givenAmount: values.givenAmount } : {}),
      refunded,
    })
    return {
      ...result,
      parameters: {
        deliveryYear: contract.deliveryYear,
        rateBeforeDeadline: parameters.rateBeforeDeadline,
        rateAfterDeadline: parameters.rateAfterDeadline,
        decisionDeadline: parameters.decisionDeadline,
        version: parameters.version,
      },
    }
  } catch (error) {
    if (error instanceof RulesValidationError) {
      throw fieldError(error.path, error.messageId, error.params)
    }
    throw error
  }
}

export const factorInclude = {
  participant: { select: { id: true, code: true, name: true } },
  resource: { select: { id: true, code: true, name: true } },
  contract: { select: { id: true, contractNo: true } },
} as const satisfies Prisma.PenaltyFactorInclude
export type FactorRow = Prisma.PenaltyFactorGetPayload<{ include: typeof factorInclude }>

/** Factors as the API returns them, with their notices. */
export async function toPenaltyFactors(db: DbClient, rows: FactorRow[]): Promise<PenaltyFactor[]> {
  const documents =
    rows.length === 0
      ? []
      : await db.document.findMany({
          where: { ownerType: 'penaltyFactor', ownerId: { in: rows.map((r) => r.id) } },
          orderBy: [{ createdAt: 'asc' }, { documentNo: 'asc' }],
        })
  return rows.map((row) => {
    const calculation = penaltyCalculationSchema.parse(row.calculation)
    return {
      id: row.id,
      factorNo: row.factorNo,
      participant: row.participant,
      resource: row.resource,
      contract: row.contract,
      deliveryYear: row.deliveryYear,
      factorType: row.factorType as PenaltyFactorType,
      kw: row.kw,
      occurredOn: row.occurredOn,
      basis: row.basis,
      amount: Number(row.amount),
      netAmount: calculation.netAmount,
      calculation,
      refundedAt: row.refundedAt?.toISOString() ?? null,
      documents: documentSummariesOf(documents.filter((d) => d.ownerId === row.id)),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }
  })
}

/** The contract a factor is registered on: 404 when missing, E-PEN-001 when terminated. */
export async function contractTermsOf(
  db: DbClient,
  contractId: string,
  options: { allowTerminated?: boolean } = {},
): Promise<ContractTerms> {
  const contract = await db.contract.findUnique({ where: { id: contractId } })
  if (!contract) throw new AppError('E-COMMON-002', 404)
  if (contract.state === 'terminated' && !options.allowTerminated) {
    throw new AppError('E-PEN-001', 409)
  }
  return contract
}

/** Issues the 算定額通知書 of a factor's current values (register, change, refund). */
async function issueNotice(
  tx: DbClient,
  actor: Actor,
  factorId: string,
  event: PenaltyNoticeEvent,
): Promise<void> {
  const row = await tx.penaltyFactor.findUniqueOrThrow({
    where: { id: factorId },
    include: factorInclude,
  })
  const calculation = penaltyCalculationSchema.parse(row.calculation)
  const doc = await issueDocument(tx, penaltyAmountNotice, {
    participantId: row.participantId,
    ownerType: 'penaltyFactor',
    ownerId: row.id,
    snapshot: {
      event,
      issuer: ISSUER,
      participant: { code: row.participant.code, name: row.participant.name },
      factorNo: row.factorNo,
      factorType: row.factorType as PenaltyFactorType,
      contractNo: row.contract?.contractNo ?? '',
      resource: { code: row.resource.code, name: row.resource.name },
      deliveryYear: row.deliveryYear,
      kw: row.kw,
      occurredOn: row.occurredOn,
      basis: row.basis,
      calculation,
    },
  })
  await tx.penaltyFactor.update({ where: { id: row.id }, data: { documentId: doc.id } })
  await audit(tx, actor, {
    action: 'document.issue',
    entityType: 'document',
    entityId: doc.id,
    participantId: row.participantId,
    after: { kind: penaltyAmountNotice.kind, documentNo: doc.documentNo, factorNo: row.factorNo },
  })
}

const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue

/**
 * Registers a penalty factor on a contract with its computed amount, issues its notice and
 * audits it (in the caller's transaction). Market exit approval and the operator's form use it.
 */
export async function registerPenaltyFactor(
  tx: DbClient,
  actor: Actor,
  contract: ContractTerms,
  values: FactorValues & { basis: string },
): Promise<string> {
  const parameters = await penaltyParametersOf(tx, contract.deliveryYear)
  const calculation = await calculatePenalty(
    tx,
    contract,
    values,
    parameters.additionalAuctionNotHeldAt !== null && values.factorType !== 'other',
  )
  const n = await nextNumber(tx, `penaltyFactor:${contract.deliveryYear}`)
  const row = await tx.penaltyFactor.create({
    data: {
      factorNo: formatPenaltyFactorNo(contract.deliveryYear, n),
      participantId: contract.participantId,
      resourceId: contract.resourceId,
      contractId: contract.id,
      deliveryYear: contract.deliveryYear,
      factorType: values.factorType,
      kw: calculation.exitedKw || values.kw,
      givenAmount: values.givenAmount === undefined ? null : BigInt(values.givenAmount),
      occurredOn: values.occurredOn,
      basis: values.basis,
      amount: BigInt(calculation.grossAmount),
      calculation: toJson(calculation),
      refundedAt: calculation.refundAmount > 0 ? new Date() : null,
      createdBy: actor.userId,
    },
  })
  await audit(tx, actor, {
    action: 'penaltyFactor.create',
    entityType: 'penaltyFactor',
    entityId: row.id,
    participantId: contract.participantId,
    after: {
      factorNo: row.factorNo,
      contractNo: contract.contractNo,
      factorType: values.factorType,
      kw: row.kw,
      occurredOn: values.occurredOn,
      basis: values.basis,
      amount: calculation.grossAmount,
      netAmount: calculation.netAmount,
    },
  })
  await issueNotice(tx, actor, row.id, 'register')
  return row.id
}

/**
 * Changes a factor (the operator): the amount is computed again; version guard (stale: 409
 * E-COMMON-004); a refunded factor stays as it is (E-PEN-006). A new notice is issued.
 */
export async function changePenaltyFactor(
  tx: DbClient,
  actor: Actor,
  id: string,
  values: FactorValues & { basis: string; version: number },
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM penalty_factor WHERE id = ${id}::uuid FOR UPDATE`
  const before = await tx.penaltyFactor.findUnique({ where: { id } })
  if (!before) throw new AppError('E-COMMON-002', 404)
  if (before.version !== values.version) throw new AppError('E-COMMON-004', 409)
  if (before.refundedAt) throw new AppError('E-PEN-006', 409)
  if (!before.contractId) throw new AppError('E-COMMON-002', 404)
  // The factor stays on its contract even once the exit terminated it: its terms then are those
  // before the exit, kept in the calculation.
  const contract = await contractTermsOf(tx, before.contractId, { allowTerminated: true })
  const previous = penaltyCalculationSchema.parse(before.calculation)
  const terms =
    contract.state === 'terminated' || before.factorType === 'marketExit'
      ? { ...contract, contractKw: Number(termOf(previous, 'contractKw') ?? contract.contractKw) }
      : contract
  const calculation = await calculatePenalty(tx, terms, values, false)
  await tx.penaltyFactor.update({
    where: { id },
    data: {
      factorType: values.factorType,
      kw: calculation.exitedKw || values.kw,
      givenAmount: values.givenAmount === undefined ? null : BigInt(values.givenAmount),
      occurredOn: values.occurredOn,
      basis: values.basis,
      amount: BigInt(calculation.grossAmount),
      calculation: toJson(calculation),
      version: { increment: 1 },
    },
  })
  await audit(tx, actor, {
    action: 'penaltyFactor.update',
    entityType: 'penaltyFactor',
    entityId: id,
    participantId: before.participantId,
    before: {
      factorType: before.factorType,
      kw: before.kw,
      occurredOn: before.occurredOn,
      basis: before.basis,
      amount: Number(before.amount),
    },
    after: {
      factorType: values.factorType,
      kw: calculation.exitedKw || values.kw,
      occurredOn: values.occurredOn,
      basis: values.basis,
      amount: calculation.grossAmount,
    },
  })
  await issueNotice(tx, actor, id, 'change')
}

/** A value of the calculation's lines (e.g. the contract kW the factor was computed on). */
function termOf(calculation: PenaltyCalculation, item: 'contractKw'): string | undefined {
  return calculation.lines.find((l) => l.item === item)?.value
}

/** Exit factor types refunded when the additional auction is not held (rules.md §6). */
export const REFUNDABLE_TYPES: PenaltyFactorType[] = [
  'marketExit',
  'effectivenessShortfall',
  'siteListMissing',
]

/**
 * Records that the additional auction of a delivery year is not held and refunds that year's
 * exit factors in full (each gets `refundedAt`, its calculation with the refund line, a notice of
 * refund). Stale parameters' version: 409; already recorded: E-PEN-005.
 */
export async function refundDeliveryYear(
  tx: DbClient,
  actor: Actor,
  deliveryYear: number,
  version: number,
): Promise<number> {
  const parameters = await penaltyParametersOf(tx, deliveryYear)
  if (parameters.version !== version) throw new AppError('E-COMMON-004', 409)
  if (parameters.additionalAuctionNotHeldAt) {
    throw new AppError('E-PEN-005', 409, { params: { deliveryYear } })
  }
  const now = new Date()
  await upsertParameters(tx, actor, deliveryYear, parameters, {
    additionalAuctionNotHeldAt: now,
  })
  const factors = await tx.penaltyFactor.findMany({
    where: { deliveryYear, refundedAt: null, factorType: { in: REFUNDABLE_TYPES } },
    orderBy: { factorNo: 'asc' },
  })
  for (const factor of factors) {
    const calculation = penaltyCalculationSchema.parse(factor.calculation)
    const refunded: PenaltyCalculation = {
      ...calculation,
      refundAmount: calculation.grossAmount,
      netAmount: 0,
      lines: [
        ...calculation.lines.filter((l) => l.item !== 'netAmount' && l.item !== 'refund'),
        { item: 'refund', value: String(calculation.grossAmount) },
        { item: 'netAmount', value: '0' },
      ],
    }
    await tx.penaltyFactor.update({
      where: { id: factor.id },
      data: { refundedAt: now, calculation: toJson(refunded), version: { increment: 1 } },
    })
    await audit(tx, actor, {
      action: 'penaltyFactor.refund',
      entityType: 'penaltyFactor',
      entityId: factor.id,
      participantId: factor.participantId,
      before: { netAmount: calculation.netAmount },
      after: { netAmount: 0, refundAmount: calculation.grossAmount },
    })
    await issueNotice(tx, actor, factor.id, 'refund')
  }
  return factors.length
}

/** Writes the year's parameters (a row from the defaults on the first write), version + 1. */
export async function upsertParameters(
  tx: DbClient,
  actor: Actor,
  deliveryYear: number,
  current: PenaltyParameters,
  change: {
    rateBeforeDeadline?: number
    rateAfterDeadline?: number
    decisionDeadline?: string
    additionalAuctionNotHeldAt?: Date
  },
): Promise<void> {
  const next = {
    rateBeforeDeadline: change.rateBeforeDeadline ?? current.rateBeforeDeadline,
    rateAfterDeadline: change.rateAfterDeadline ?? current.rateAfterDeadline,
    decisionDeadline: change.decisionDeadline ?? current.decisionDeadline,
  }
  const data = {
    rateBeforeDeadline: String(next.rateBeforeDeadline),
    rateAfterDeadline: String(next.rateAfterDeadline),
    decisionDeadline: next.decisionDeadline,
    ...(change.additionalAuctionNotHeldAt
      ? { additionalAuctionNotHeldAt: change.additionalAuctionNotHeldAt }
      : {}),
    updatedBy: actor.userId,
  }
  if (current.version === 0) {
    await tx.penaltyParameterSet.create({ data: { deliveryYear, ...data } })
  } else {
    const updated = await tx.penaltyParameterSet.updateMany({
      where: { deliveryYear, version: current.version },
      data: { ...data, version: { increment: 1 } },
    })
    if (updated.count === 0) throw new AppError('E-COMMON-004', 409)
  }
  await audit(tx, actor, {
    action: change.additionalAuctionNotHeldAt
      ? 'penaltyParameters.refund'
      : 'penaltyParameters.update',
    entityType: 'penaltyParameters',
    entityId: String(deliveryYear),
    participantId: null,
    before: {
      rateBeforeDeadline: current.rateBeforeDeadline,
      rateAfterDeadline: current.rateAfterDeadline,
      decisionDeadline: current.decisionDeadline,
    },
    after: {
      ...next,
      ...(change.additionalAuctionNotHeldAt ? { additionalAuctionHeld: false } : {}),
    },
  })
}
