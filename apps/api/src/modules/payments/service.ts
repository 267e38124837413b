/**
 * 入出金結果 (F10): payments made and received, matched (消込) to the settlement documents of
 * their participant. A `received` payment (入金) settles invoices, a `paid` one (出金) payment
 * notices. Each document keeps `paid` = Σ allocations of the payments not reversed, changed only
 * here, in the transaction that matches or reverses, by a conditional UPDATE that refuses to go
 * above the document's total: concurrent matches never over-allocate (the row lock of the
 * UPDATE serialises them). A payment keeps its unmatched amount the same way. Payments are never
 * deleted: a wrong one is reversed (its allocations then no longer count). A participant sees
 * only its own payments and documents; the operator all and is the only one who writes.
 */
import {
  documentKindOfDirection,
  jstToday,
  lastOverdueMonth,
  paymentDueDate,
  paymentItemStateOf,
  type AllocationInput,
  type Payment,
  type PaymentAllocation,
  type PaymentDetail,
  type PaymentDirection,
  type PaymentInput,
  type PaymentItem,
  type PaymentItemListQuery,
  type PaymentListQuery,
  type PaymentStatus,
} from '@yoryo/contracts'
import { Prisma, type Db, type DbClient } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'

type Direction = 'asc' | 'desc'
const notFound = () => new AppError('E-COMMON-002', 404)
const isOperator = (auth: AuthContext) => auth.user.role === 'operator'

// ───────────────────────── The money side of a document ─────────────────────────

/** Due date, paid, open amount, state and overdue flag of a settlement document. */
export function paymentStatusOf(
  doc: { month: string; kind: string; total: bigint | number; paid: bigint | number },
  today: string = jstToday(),
): PaymentStatus {
  const total = Number(doc.total)
  const paid = Number(doc.paid)
  const dueDate = paymentDueDate(doc.month, doc.kind as 'paymentNotice' | 'invoice')
  const openAmount = total - paid
  return {
    dueDate,
    paid,
    openAmount,
    paymentState: paymentItemStateOf(total, paid),
    overdue: openAmount > 0 && today > dueDate,
  }
}

// ───────────────────────── Open items (per document) ─────────────────────────

export function itemListWhere(
  db: Db,
  auth: AuthContext,
  query: PaymentItemListQuery,
  today: string = jstToday(),
): Prisma.SettlementDocumentWhereInput {
  const total = db.settlementDocument.fields.total
  const and: Prisma.SettlementDocumentWhereInput[] = []
  if (!isOperator(auth)) and.push({ participantId: auth.participant.id })
  else if (query.participantId) and.push({ participantId: query.participantId })
  if (query.month) and.push({ month: query.month })
  if (query.kind) and.push({ kind: query.kind })
  if (query.state === 'paid') and.push({ paid: { gte: total } })
  if (query.state === 'partlyPaid') and.push({ paid: { gt: 0, lt: total } })
  if (query.state === 'open') and.push({ paid: 0, total: { gt: 0 } })
  if (query.overdue === 'true') {
    and.push({ paid: { lt: total }, month: { lte: lastOverdueMonth(today) } })
  } else if (query.overdue === 'false') {
    and.push({ OR: [{ paid: { gte: total } }, { month: { gt: lastOverdueMonth(today) } }] })
  }
  return { AND: and }
}

export const itemSort = {
  documentNo: (d: Direction) => ({ documentNo: d }),
  kind: (d: Direction) => ({ kind: d }),
  month: (d: Direction) => ({ month: d }),
  participantCode: (d: Direction) => ({ participantCode: d }),
  // The due date follows the month.
  dueDate: (d: Direction) => ({ month: d }),
  total: (d: Direction) => ({ total: d }),
  paid: (d: Direction) => ({ paid: d }),
} satisfies Record<string, (d: Direction) => Prisma.SettlementDocumentOrderByWithRelationInput>
export const itemTieBreak: Prisma.SettlementDocumentOrderByWithRelationInput[] = [
  { documentNo: 'asc' },
  { id: 'asc' },
]

type DocumentRow = Prisma.SettlementDocumentGetPayload<object>

function toItem(row: DocumentRow, today: string): PaymentItem {
  return {
    id: row.id,
    documentId: row.documentId,
    documentNo: row.documentNo,
    kind: row.kind as PaymentItem['kind'],
    month: row.month,
    participantId: row.participantId,
    participantCode: row.participantCode,
    participantName: row.participantName,
    issuedOn: row.issuedOn,
    total: Number(row.total),
    ...paymentStatusOf(row, today),
  }
}

export async function findItems(
  db: DbClient,
  args: {
    where: Prisma.SettlementDocumentWhereInput
    orderBy: Prisma.SettlementDocumentOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<PaymentItem[]> {
  const today = jstToday()
  const rows = await db.settlementDocument.findMany(args)
  return rows.map((r) => toItem(r, today))
}

// ───────────────────────── Payments ─────────────────────────

const paymentInclude = {
  participant: { select: { code: true, name: true } },
} satisfies Prisma.PaymentInclude
type PaymentRow = Prisma.PaymentGetPayload<{ include: typeof paymentInclude }>

export function paymentListWhere(
  auth: AuthContext,
  query: PaymentListQuery,
): Prisma.PaymentWhereInput {
  const and: Prisma.PaymentWhereInput[] = []
  if (!isOperator(auth)) and.push({ participantId: auth.participant.id })
  else if (query.participantId) and.push({ participantId: query.participantId })
  if (query.direction) and.push({ direction: query.direction })
  if (query.state) and.push({ state: query.state })
  if (query.from) and.push({ valueDate: { gte: query.from } })
  if (query.to) and.push({ valueDate: { lte: query.to } })
  if (query.bulkImportId) and.push({ bulkImportId: query.bulkImportId })
  return { AND: and }
}

export const paymentSort = {
  valueDate: (d: Direction) => ({ valueDate: d }),
  direction: (d: Direction) => ({ direction: d }),
  participantCode: (d: Direction) => ({ participant: { code: d } }),
  amount: (d: Direction) => ({ amount: d }),
  unallocated: (d: Direction) => ({ unallocated: d }),
  state: (d: Direction) => ({ state: d }),
  bankReference: (d: Direction) => ({ bankReference: d }),
  counterpartyName: (d: Direction) => ({ counterpartyName: d }),
  source: (d: Direction) => ({ source: d }),
  createdAt: (d: Direction) => ({ createdAt: d }),
} satisfies Record<string, (d: Direction) => Prisma.PaymentOrderByWithRelationInput>
export const paymentTieBreak: Prisma.PaymentOrderByWithRelationInput[] = [
  { valueDate: 'desc' },
  { bankReference: 'asc' },
  { id: 'asc' },
]

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    direction: row.direction as PaymentDirection,
    participantId: row.participantId,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    amount: Number(row.amount),
    allocated: Number(row.amount - row.unallocated),
    unallocated: Number(row.unallocated),
    state: row.state as Payment['state'],
    valueDate: row.valueDate,
    bankReference: row.bankReference,
    counterpartyName: row.counterpartyName,
    memo: row.memo,
    source: row.source as Payment['source'],
    bulkImportId: row.bulkImportId,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    reversedAt: row.reversedAt?.toISOString() ?? null,
    reversedByName: row.reversedByName,
    reversalReason: row.reversalReason,
  }
}

export async function findPayments(
  db: DbClient,
  args: {
    where: Prisma.PaymentWhereInput
    orderBy: Prisma.PaymentOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<Payment[]> {
  const rows = await db.payment.findMany({ ...args, include: paymentInclude })
  return rows.map(toPayment)
}

/** One payment with its allocations; another participant's is 404. */
export async function getPayment(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<PaymentDetail> {
  const row = await db.payment.findUnique({ where: { id }, include: paymentInclude })
  if (!row || (!isOperator(auth) && row.participantId !== auth.participant.id)) throw notFound()
  const allocations = await db.paymentAllocation.findMany({
    where: { paymentId: id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { document: { select: { documentNo: true, kind: true, month: true } } },
  })
  return {
    ...toPayment(row),
    allocations: allocations.map((a): PaymentAllocation => ({
      id: a.id,
      documentId: a.documentId,
      documentNo: a.document.documentNo,
      kind: a.document.kind as PaymentAllocation['kind'],
      month: a.document.month,
      amount: Number(a.amount),
      createdAt: a.createdAt.toISOString(),
    })),
  }
}

// ───────────────────────── Writing ─────────────────────────

interface PaymentHead {
  id: string
  direction: string
  participantId: string
}

/**
 * Matches amounts of a payment to documents, inside the caller's transaction: the documents
 * must be of the payment's participant and of the direction's kind (E-PAY-002), each amount at
 * most the document's open amount (E-PAY-003), their sum at most the payment's unmatched amount
 * (E-PAY-004); a reversed payment matches nothing (E-PAY-005). The checks are the UPDATEs'
 * conditions, so they hold against concurrent writers.
 */
export async function allocateIn(
  tx: DbClient,
  actor: Actor,
  payment: PaymentHead,
  allocations: AllocationInput[],
): Promise<void> {
  if (!allocations.length) return
  const kind = documentKindOfDirection[payment.direction as PaymentDirection]
  const docs = await tx.settlementDocument.findMany({
    where: {
      id: { in: allocations.map((a) => a.documentId) },
      participantId: payment.participantId,
      kind,
    },
    select: { id: true, documentNo: true },
  })
  const docOf = new Map(docs.map((d) => [d.id, d]))
  if (allocations.some((a) => !docOf.has(a.documentId))) {
    throw new AppError('E-PAY-002', 400)
  }
  const sum = allocations.reduce((s, a) => s + BigInt(a.amount), 0n)
  const updated = await tx.$queryRaw<{ id: string }[]>`
    UPDATE payment
    SET unallocated = unallocated - ${sum},
        state = CASE WHEN unallocated - ${sum} = 0 THEN 'matched' ELSE 'unmatched' END
    WHERE id = ${payment.id}::uuid AND state <> 'reversed' AND unallocated >= ${sum}
    RETURNING id`
  if (!updated.length) {
    const now = await tx.payment.findUniqueOrThrow({
      where: { id: payment.id },
      select: { state: true, unallocated: true },
    })
    if (now.state === 'reversed') throw new AppError('E-PAY-005', 409)
    throw new AppError('E-PAY-004', 409, { params: { unallocated: Number(now.unallocated) } })
  }
  // In a fixed order, so two transactions matching the same documents cannot deadlock.
  for (const a of [...allocations].sort((x, y) => x.documentId.localeCompare(y.documentId))) {
    const ok = await tx.$queryRaw<{ id: string }[]>`
      UPDATE settlement_document SET paid = paid + ${BigInt(a.amount)}
      WHERE id = ${a.documentId}::uuid AND total - paid >= ${BigInt(a.amount)}
      RETURNING id`
    if (!ok.length) {
      const doc = await tx.settlementDocument.findUniqueOrThrow({
        where: { id: a.documentId },
        select: { documentNo: true, total: true, paid: true },
      })
      throw new AppError('E-PAY-003', 409, {
        params: { documentNo: doc.documentNo, open: Number(doc.total - doc.paid) },
      })
    }
  }
  await tx.paymentAllocation.createMany({
    data: allocations.map((a) => ({
      paymentId: payment.id,
      documentId: a.documentId,
      amount: BigInt(a.amount),
      createdBy: actor.userId,
    })),
  })
  await audit(tx, actor, {
    action: 'payment.allocate',
    entityType: 'payment',
    entityId: payment.id,
    participantId: payment.participantId,
    after: {
      allocations: allocations.map((a) => ({
        documentNo: docOf.get(a.documentId)?.documentNo,
        amount: a.amount,
      })),
    },
  })
}

type RecordFields = Omit<PaymentInput, 'allocations' | 'memo'> & { memo: string }

/** Creates a payment inside the caller's transaction (manual or from a bank statement). */
export async function createPaymentIn(
  tx: DbClient,
  actor: Actor,
  input: RecordFields,
  source: { source: 'manual' | 'bankStatement'; bulkImportId?: string },
): Promise<PaymentHead> {
  const row = await tx.payment.create({
    data: {
      direction: input.direction,
      participantId: input.participantId,
      amount: BigInt(input.amount),
      unallocated: BigInt(input.amount),
      state: 'unmatched',
      valueDate: input.valueDate,
      bankReference: input.bankReference,
      counterpartyName: input.counterpartyName,
      memo: input.memo,
      source: source.source,
      bulkImportId: source.bulkImportId ?? null,
      createdBy: actor.userId,
      createdByName: actor.label,
    },
  })
  await audit(tx, actor, {
    action: 'payment.record',
    entityType: 'payment',
    entityId: row.id,
    participantId: row.participantId,
    after: {
      direction: row.direction,
      amount: row.amount,
      valueDate: row.valueDate,
      bankReference: row.bankReference,
      counterpartyName: row.counterpartyName,
      memo: row.memo,
      source: row.source,
      ...(row.bulkImportId ? { bulkImportId: row.bulkImportId } : {}),
    },
  })
  return row
}

const isUniqueViolation = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'

/** POST /payments: records a payment (operator) with its allocations, in one transaction. */
export async function recordPayment(
  db: Db,
  actor: Actor,
  input: PaymentInput & { memo: string; allocations: AllocationInput[] },
): Promise<string> {
  const participant = await db.participant.findUnique({
    where: { id: input.participantId },
    select: { kind: true },
  })
  if (!participant || participant.kind === 'operator') throw new AppError('E-PAY-008', 400)
  const duplicate = () =>
    new AppError('E-PAY-001', 409, { params: { reference: input.bankReference } })
  const taken = await db.payment.findUnique({
    where: {
      direction_bankReference: { direction: input.direction, bankReference: input.bankReference },
    },
    select: { id: true },
  })
  if (taken) throw duplicate()
  try {
    return await db.$transaction(async (tx) => {
      const { allocations, ...fields } = input
      const payment = await createPaymentIn(tx, actor, fields, { source: 'manual' })
      await allocateIn(tx, actor, payment, allocations)
      return payment.id
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate()
    throw e
  }
}

/** POST /payments/{id}/allocations (operator). */
export async function allocatePayment(
  db: Db,
  actor: Actor,
  id: string,
  allocations: AllocationInput[],
): Promise<void> {
  const payment = await db.payment.findUnique({ where: { id } })
  if (!payment) throw notFound()
  await db.$transaction((tx) => allocateIn(tx, actor, payment, allocations))
}

/** POST /payments/{id}/reverse (operator): its allocations stop counting; nothing is deleted. */
export async function reversePayment(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  const payment = await db.payment.findUnique({ where: { id } })
  if (!payment) throw notFound()
  await db.$transaction(async (tx) => {
    const done = await tx.$queryRaw<{ id: string }[]>`
      UPDATE payment
      SET state = 'reversed', reversed_at = now(), reversed_by_name = ${actor.label},
          reversal_reason = ${reason}
      WHERE id = ${id}::uuid AND state <> 'reversed'
      RETURNING id`
    if (!done.length) throw new AppError('E-PAY-005', 409)
    const allocations = await tx.paymentAllocation.findMany({
      where: { paymentId: id },
      orderBy: { documentId: 'asc' },
    })
    for (const a of allocations) {
      await tx.$executeRaw`
        UPDATE settlement_document SET paid = paid - ${a.amount} WHERE id = ${a.documentId}::uuid`
    }
    await audit(tx, actor, {
      action: 'payment.reverse',
      entityType: 'payment',
      entityId: id,
      participantId: payment.participantId,
      before: { state: payment.state },
      after: { state: 'reversed', reason },
    })
  })
}
