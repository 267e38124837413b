/**
 * Reading the settlement (E10, F00): runs with their progress, the lines of a run (or of the
 * month's current run), one line with its basis, and the issued documents with their lines. A
 * participant sees its own lines and documents only; the operator all.
 */
import type {
  ContractAmount,
  ContractAmountDetail,
  SettlementDocumentDetail,
  SettlementDocumentRow,
  SettlementMove,
  SettlementRun,
} from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { containsText } from '../../lib/list.ts'
import { paymentStatusOf } from '../payments/public.ts'
import { markFailedRuns, type SettlementRunRow } from './job.ts'
import { runFailureOf } from '../../lib/run-failure.ts'

type Direction = 'asc' | 'desc'
const notFound = () => new AppError('E-COMMON-002', 404)

export function isOperator(auth: AuthContext): boolean {
  return auth.user.role === 'operator'
}

// ───────────────────────── Runs ─────────────────────────

async function currentRunIds(db: DbClient, months: string[]): Promise<Set<string>> {
  if (!months.length) return new Set()
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (month) id FROM settlement_run
    WHERE state = 'succeeded' AND month = ANY(${months}::text[])
    ORDER BY month, version DESC`
  return new Set(rows.map((r) => r.id))
}

export async function runViews(
  db: DbClient,
  auth: AuthContext,
  rows: SettlementRunRow[],
): Promise<SettlementRun[]> {
  const jobIds = rows.flatMap((r) => (r.jobId ? [r.jobId] : []))
  const userIds = rows.flatMap((r) => (r.startedBy ? [r.startedBy] : []))
  const assessmentIds = rows.flatMap((r) => (r.assessmentRunId ? [r.assessmentRunId] : []))
  const [jobs, users, assessments, current] = await Promise.all([
    db.job.findMany({
      where: { id: { in: jobIds } },
      select: { id: true, processed: true, total: true },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.assessmentRun.findMany({
      where: { id: { in: assessmentIds } },
      select: { id: true, version: true },
    }),
    currentRunIds(db, [...new Set(rows.map((r) => r.month))]),
  ])
  const jobOf = new Map(jobs.map((j) => [j.id, j]))
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  const versionOf = new Map(assessments.map((a) => [a.id, a.version]))
  const operator = isOperator(auth)
  return rows.map((r) => {
    const job = r.jobId ? jobOf.get(r.jobId) : undefined
    const done = r.state === 'succeeded'
    return {
      id: r.id,
      month: r.month,
      deliveryYear: r.deliveryYear,
      version: r.version,
      state: r.state as SettlementRun['state'],
      jobId: r.jobId,
      processed: done ? r.lineCount : (job?.processed ?? 0),
      total: done ? r.lineCount : (job?.total ?? null),
      assessmentRunId: r.assessmentRunId,
      assessmentVersion: r.assessmentRunId ? (versionOf.get(r.assessmentRunId) ?? null) : null,
      lineCount: r.lineCount,
      monthlyAmount: operator ? Number(r.monthlyAmount) : null,
      penalty: operator ? Number(r.penalty) : null,
      billed: operator ? Number(r.billed) : null,
      net: operator ? Number(r.net) : null,
      error: operator ? r.error : null,
      failure: operator ? runFailureOf(r) : null,
      startedByName: r.startedBy ? (nameOf.get(r.startedBy) ?? null) : null,
      documentsIssuedAt: r.documentsIssuedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      current: current.has(r.id),
    }
  })
}

export async function listRuns(
  db: DbClient,
  auth: AuthContext,
  month: string | undefined,
): Promise<SettlementRun[]> {
  await markFailedRuns(db, month)
  const rows = await db.settlementRun.findMany({
    where: month ? { month } : {},
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    take: 50,
  })
  return runViews(db, auth, rows)
}

export async function getRun(db: DbClient, auth: AuthContext, id: string): Promise<SettlementRun> {
  const row = await db.settlementRun.findUnique({ where: { id } })
  if (!row) throw notFound()
  if (row.state === 'queued' || row.state === 'running') await markFailedRuns(db, row.month)
  const fresh = await db.settlementRun.findUniqueOrThrow({ where: { id } })
  return (await runViews(db, auth, [fresh]))[0] as SettlementRun
}

/**
 * The run a list is of: `runId`; else the current run of `month` (none: 404 E-STL-005); else
 * the current run of the latest month that has one (none: null, an empty list).
 */
export async function selectedRun(
  db: DbClient,
  query: { runId?: string | undefined; month?: string | undefined },
): Promise<SettlementRunRow | null> {
  if (query.runId) {
    const run = await db.settlementRun.findUnique({ where: { id: query.runId } })
    if (!run) throw notFound()
    return run
  }
  const run = await db.settlementRun.findFirst({
    where: { state: 'succeeded', ...(query.month ? { month: query.month } : {}) },
    orderBy: [{ month: 'desc' }, { version: 'desc' }],
  })
  if (!run && query.month) throw new AppError('E-STL-005', 404, { params: { month: query.month } })
  return run
}

// ───────────────────────── Lines (E10) ─────────────────────────

const lineInclude = { run: { select: { version: true } } } satisfies Prisma.SettlementLineInclude
type LineRow = Prisma.SettlementLineGetPayload<{ include: typeof lineInclude }>

export function lineListWhere(
  auth: AuthContext,
  run: SettlementRunRow | null,
  query: {
    participantId?: string | undefined
    resource?: string | undefined
    contract?: string | undefined
  },
): Prisma.SettlementLineWhereInput {
  const and: Prisma.SettlementLineWhereInput[] = [run ? { runId: run.id } : { id: { in: [] } }]
  if (!isOperator(auth)) and.push({ participantId: auth.participant.id })
  else if (query.participantId) and.push({ participantId: query.participantId })
  if (query.resource) {
    and.push({
      OR: [
        { resourceCode: containsText(query.resource) },
        { resourceName: containsText(query.resource) },
      ],
    })
  }
  if (query.contract) and.push({ contractNo: containsText(query.contract) })
  return { AND: and }
}

export const lineSort = {
  contractNo: (d: Direction) => ({ contractNo: d }),
  kind: (d: Direction) => ({ kind: d }),
  resourceCode: (d: Direction) => ({ resourceCode: d }),
  resourceName: (d: Direction) => ({ resourceName: d }),
  participantCode: (d: Direction) => ({ participantCode: d }),
  contractKw: (d: Direction) => ({ contractKw: d }),
  monthlyAmount: (d: Direction) => ({ monthlyAmount: d }),
  replacementKw: (d: Direction) => ({ replacementKw: d }),
  replacementAmount: (d: Direction) => ({ replacementAmount: d }),
  amount: (d: Direction) => ({ amount: d }),
  penalty: (d: Direction) => ({ penalty: d }),
  net: (d: Direction) => ({ net: d }),
} satisfies Record<string, (d: Direction) => Prisma.SettlementLineOrderByWithRelationInput>
export const lineTieBreak: Prisma.SettlementLineOrderByWithRelationInput[] = [
  { contractNo: 'asc' },
  { resourceCode: 'asc' },
  { id: 'asc' },
]

function toLine(row: LineRow): ContractAmount {
  return {
    id: row.id,
    runId: row.runId,
    month: row.month,
    version: row.run.version,
    kind: row.kind as ContractAmount['kind'],
    contractId: row.contractId,
    contractNo: row.contractNo,
    resourceId: row.resourceId,
    resourceCode: row.resourceCode,
    resourceName: row.resourceName,
    participantId: row.participantId,
    participantCode: row.participantCode,
    participantName: row.participantName,
    contractKw: row.contractKw,
    monthlyAmount: Number(row.monthlyAmount),
    replacementKw: row.replacementKw,
    replacementAmount: Number(row.replacementAmount),
    amount: Number(row.amount),
    penalty: Number(row.penalty),
    releasedKw: row.releasedKw,
    grantedAmount: Number(row.grantedAmount),
    billedAmount: Number(row.billedAmount),
    net: Number(row.net),
    assessmentResultId: row.assessmentResultId,
  }
}

export async function findLines(
  db: DbClient,
  args: {
    where: Prisma.SettlementLineWhereInput
    orderBy: Prisma.SettlementLineOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<ContractAmount[]> {
  const rows = await db.settlementLine.findMany({ ...args, include: lineInclude })
  return rows.map(toLine)
}

/** One line with its basis (E10 detail). */
export async function getLine(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<ContractAmountDetail> {
  const row = await db.settlementLine.findUnique({ where: { id }, include: lineInclude })
  if (!row || (!isOperator(auth) && row.participantId !== auth.participant.id)) throw notFound()
  const [contract, result, siblings, documents] = await Promise.all([
    db.contract.findUniqueOrThrow({
      where: { id: row.contractId },
      select: {
        deliveryYear: true,
        contractKw: true,
        annualAmount: true,
        monthlyAmounts: true,
        state: true,
      },
    }),
    row.assessmentResultId
      ? db.assessmentResult.findUnique({
          where: { id: row.assessmentResultId },
          select: { total: true, run: { select: { version: true } } },
        })
      : null,
    db.settlementLine.aggregate({
      where: { runId: row.runId, resourceId: row.resourceId },
      _sum: { amount: true },
    }),
    db.settlementDocument.findMany({
      where: { runId: row.runId, participantId: row.participantId },
      orderBy: { kind: 'desc' },
      select: { id: true, kind: true, documentNo: true, documentId: true },
    }),
  ])
  return {
    ...toLine(row),
    moves: row.moves as unknown as SettlementMove[],
    contract: {
      deliveryYear: contract.deliveryYear,
      contractKw: contract.contractKw,
      annualAmount: Number(contract.annualAmount),
      monthlyAmounts: contract.monthlyAmounts as number[],
      state: contract.state,
    },
    penaltyShare: result
      ? {
          resourceTotal: Number(result.total),
          weight: Number(row.amount),
          weightTotal: Number(siblings._sum.amount ?? 0n),
          assessmentVersion: result.run.version,
        }
      : null,
    documents,
  }
}

// ───────────────────────── Documents (F00) ─────────────────────────

const documentInclude = {
  run: { select: { version: true } },
} satisfies Prisma.SettlementDocumentInclude
type DocumentRow = Prisma.SettlementDocumentGetPayload<{ include: typeof documentInclude }>

export function documentListWhere(
  auth: AuthContext,
  query: {
    month?: string | undefined
    kind?: SettlementDocumentRow['kind'] | undefined
    participantId?: string | undefined
  },
): Prisma.SettlementDocumentWhereInput {
  const and: Prisma.SettlementDocumentWhereInput[] = []
  if (!isOperator(auth)) and.push({ participantId: auth.participant.id })
  else if (query.participantId) and.push({ participantId: query.participantId })
  if (query.month) and.push({ month: query.month })
  if (query.kind) and.push({ kind: query.kind })
  return { AND: and }
}

export const documentSort = {
  documentNo: (d: Direction) => ({ documentNo: d }),
  kind: (d: Direction) => ({ kind: d }),
  participantCode: (d: Direction) => ({ participantCode: d }),
  issuedOn: (d: Direction) => ({ issuedOn: d }),
  lineCount: (d: Direction) => ({ lineCount: d }),
  subtotal: (d: Direction) => ({ subtotal: d }),
  tax: (d: Direction) => ({ tax: d }),
  total: (d: Direction) => ({ total: d }),
} satisfies Record<string, (d: Direction) => Prisma.SettlementDocumentOrderByWithRelationInput>
export const documentTieBreak: Prisma.SettlementDocumentOrderByWithRelationInput[] = [
  { documentNo: 'asc' },
  { id: 'asc' },
]

function toDocument(row: DocumentRow): SettlementDocumentRow {
  return {
    id: row.id,
    runId: row.runId,
    month: row.month,
    version: row.run.version,
    kind: row.kind as SettlementDocumentRow['kind'],
    documentId: row.documentId,
    documentNo: row.documentNo,
    issuedOn: row.issuedOn,
    participantId: row.participantId,
    participantCode: row.participantCode,
    participantName: row.participantName,
    lineCount: row.lineCount,
    subtotal: Number(row.subtotal),
    base: Number(row.base),
    tax: Number(row.tax),
    total: Number(row.total),
    relatedDocumentNo: row.relatedDocumentNo,
    ...paymentStatusOf(row),
  }
}

export async function findDocuments(
  db: DbClient,
  args: {
    where: Prisma.SettlementDocumentWhereInput
    orderBy: Prisma.SettlementDocumentOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<SettlementDocumentRow[]> {
  const rows = await db.settlementDocument.findMany({ ...args, include: documentInclude })
  return rows.map(toDocument)
}

/** One document with the lines it lists (the participant's lines of the run). */
export async function getDocument(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<SettlementDocumentDetail> {
  const row = await db.settlementDocument.findUnique({ where: { id }, include: documentInclude })
  if (!row || (!isOperator(auth) && row.participantId !== auth.participant.id)) throw notFound()
  const lines = await db.settlementLine.findMany({
    where: { runId: row.runId, participantId: row.participantId },
    orderBy: lineTieBreak,
    include: lineInclude,
  })
  return { ...toDocument(row), lines: lines.map(toLine) }
}
