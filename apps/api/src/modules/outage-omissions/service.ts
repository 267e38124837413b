import type { FastifyInstance } from 'fastify'
import { Prisma, type DbClient } from '@yoryo/db'
import {
  outageOmissionAnswerable,
  type MessageId,
  type OutageOmission,
  type OutageOmissionAnswer,
  type OutageOmissionDecision,
  type OutageOmissionListQuery,
  type OutageOmissionState,
} from '@yoryo/contracts'
import { auditMany, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { containsText } from '../../lib/list.ts'

/**
 * 容量停止計画登録漏れ確認審査 (B50). The assessment job writes the flagged slots
 * (`outage_omission`, state `flagged`); this module lists them (a participant its own, the
 * operator all), takes the participant's answers and the operator's decisions — one or many
 * slots at once, each guarded by the version the user saw, all or nothing — and audits every
 * transition. The next assessment run reads the slots in state `accepted` as
 * `explanationAccepted`.
 */

const isOperator = (auth: AuthContext) => auth.user.role === 'operator'

/** The slots the caller may see: the operator all, a participant its own. */
export function visibleTo(auth: AuthContext): Prisma.OutageOmissionWhereInput {
  return isOperator(auth) ? {} : { participantId: auth.participant.id }
}

export function outageOmissionListWhere(
  auth: AuthContext,
  query: OutageOmissionListQuery,
): Prisma.OutageOmissionWhereInput {
  const and: Prisma.OutageOmissionWhereInput[] = [visibleTo(auth)]
  if (query.month) and.push({ month: query.month })
  if (query.state) and.push({ state: query.state })
  if (query.resource) {
    and.push({
      resource: {
        OR: [{ code: containsText(query.resource) }, { name: containsText(query.resource) }],
      },
    })
  }
  return { AND: and }
}

type Direction = 'asc' | 'desc'
export const outageOmissionSort = {
  date: (d: Direction) => [{ date: d }, { slot: d }],
  resourceCode: (d: Direction) => ({ resource: { code: d } }),
  participantCode: (d: Direction) => ({ participant: { code: d } }),
  shortfallKw: (d: Direction) => ({ shortfallKw: d }),
  state: (d: Direction) => ({ state: d }),
} satisfies Record<
  string,
  (
    d: Direction,
  ) =>
    Prisma.OutageOmissionOrderByWithRelationInput | Prisma.OutageOmissionOrderByWithRelationInput[]
>
export const outageOmissionTieBreak: Prisma.OutageOmissionOrderByWithRelationInput[] = [
  { date: 'asc' },
  { slot: 'asc' },
  { id: 'asc' },
]

const include = {
  resource: { select: { code: true, name: true } },
  participant: { select: { code: true, name: true } },
} satisfies Prisma.OutageOmissionInclude
type Row = Prisma.OutageOmissionGetPayload<{ include: typeof include }>

const dateOf = (d: Date) => d.toISOString().slice(0, 10)

function toItem(row: Row): OutageOmission {
  return {
    id: row.id,
    month: row.month,
    resourceId: row.resourceId,
    resourceCode: row.resource.code,
    resourceName: row.resource.name,
    participantId: row.participantId,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    date: dateOf(row.date),
    slot: row.slot,
    contractKw: row.contractKw,
    plannedKw: row.plannedKw,
    availableKw: row.availableKw,
    shortfallKw: row.shortfallKw,
    state: row.state as OutageOmissionState,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function findOutageOmissions(
  app: FastifyInstance,
  args: {
    where: Prisma.OutageOmissionWhereInput
    orderBy: Prisma.OutageOmissionOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<OutageOmission[]> {
  const rows = await app.db.outageOmission.findMany({ ...args, include })
  return rows.map(toItem)
}

export function countOutageOmissions(app: FastifyInstance, where: Prisma.OutageOmissionWhereInput) {
  return app.db.outageOmission.count({ where })
}

// ---- writes ----

/** `2040-05-01 10:00–10:30 R…` for a message naming slots (the first few). */
function slotNames(rows: Row[]): string {
  const names = rows.slice(0, 5).map((r) => {
    const start = (r.slot - 1) * 30
    const end = start + 30
    const hm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    return `${r.resource.code} ${dateOf(r.date)} ${hm(start)}–${hm(end)}`
  })
  return rows.length > 5 ? `${names.join(', ')} …` : names.join(', ')
}

/**
 * The slots of a write, locked in id order (no deadlock between two writes of overlapping
 * slots) and checked: each visible to the caller (else 404), each at the version the caller saw
 * (else 409 E-COMMON-004), each in a state that allows the transition (else 409 `wrongState`).
 */
async function lockedSlots(
  tx: DbClient,
  auth: AuthContext,
  items: { id: string; version: number }[],
  allowed: readonly OutageOmissionState[],
  wrongState: MessageId,
): Promise<Row[]> {
  const ids = items.map((i) => i.id).sort()
  await tx.$queryRaw`
    SELECT id FROM outage_omission WHERE id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
    ORDER BY id FOR UPDATE`
  const rows = await tx.outageOmission.findMany({
    where: { AND: [{ id: { in: ids } }, visibleTo(auth)] },
    include,
  })
  if (rows.length !== ids.length) throw new AppError('E-COMMON-002', 404)
  const seen = new Map(items.map((i) => [i.id, i.version]))
  if (rows.some((r) => r.version !== seen.get(r.id))) throw new AppError('E-COMMON-004', 409)
  const wrong = rows.filter((r) => !allowed.includes(r.state as OutageOmissionState))
  if (wrong.length > 0) {
    throw new AppError(wrongState, 409, { params: { slots: slotNames(wrong) } })
  }
  return rows
}

/** Writes one slot if it is still at the version read under the lock (all or nothing). */
async function writeSlot(
  tx: DbClient,
  row: Row,
  data: Prisma.OutageOmissionUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.outageOmission.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...data, version: { increment: 1 } },
  })
  if (count !== 1) throw new AppError('E-COMMON-004', 409)
}

const logged = (r: {
  state: string
  answer: string | null
  decisionNote: string | null
  version: number
}) => ({ state: r.state, answer: r.answer, decisionNote: r.decisionNote, version: r.version })

async function reread(tx: DbClient, ids: string[]): Promise<OutageOmission[]> {
  const rows = await tx.outageOmission.findMany({
    where: { id: { in: ids } },
    include,
    orderBy: outageOmissionTieBreak,
  })
  return rows.map(toItem)
}

/**
 * The participant answers one or many of its slots with one text: flagged, answered (a changed
 * answer) or rejected → answered. Accepted slots are decided (E-ASMT-050). The operator does not
 * answer (E-ASMT-053).
 */
export async function answerOutageOmissions(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  input: OutageOmissionAnswer,
): Promise<OutageOmission[]> {
  if (isOperator(auth)) throw new AppError('E-ASMT-053', 403)
  const now = new Date()
  return app.db.$transaction(async (tx) => {
    const rows = await lockedSlots(tx, auth, input.items, outageOmissionAnswerable, 'E-ASMT-050')
    for (const row of rows) {
      await writeSlot(tx, row, {
        state: 'answered',
        answer: input.answer,
        answeredBy: auth.user.id,
        answeredAt: now,
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
      })
    }
    await auditMany(
      tx,
      actor,
      rows.map((row) => ({
        action: 'outageOmission.answer',
        entityType: 'outageOmission',
        entityId: row.id,
        participantId: row.participantId,
        before: logged(row),
        after: logged({
          state: 'answered',
          answer: input.answer,
          decisionNote: null,
          version: row.version + 1,
        }),
      })),
    )
    return reread(
      tx,
      rows.map((r) => r.id),
    )
  })
}

/**
 * The operator accepts or rejects (with a reason) one or many answered slots. Only answered
 * slots are decided (E-ASMT-051): a participant's changed answer after a decision comes back as
 * answered.
 */
export async function decideOutageOmissions(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  input: OutageOmissionDecision,
): Promise<OutageOmission[]> {
  if (!isOperator(auth)) throw new AppError('E-AUTH-005', 403)
  const now = new Date()
  const state = input.decision === 'accept' ? 'accepted' : 'rejected'
  const decisionNote = input.decision === 'reject' ? (input.reason ?? null) : null
  return app.db.$transaction(async (tx) => {
    const rows = await lockedSlots(tx, auth, input.items, ['answered'], 'E-ASMT-051')
    for (const row of rows) {
      await writeSlot(tx, row, { state, decisionNote, decidedBy: auth.user.id, decidedAt: now })
    }
    await auditMany(
      tx,
      actor,
      rows.map((row) => ({
        action: `outageOmission.${input.decision}`,
        entityType: 'outageOmission',
        entityId: row.id,
        participantId: row.participantId,
        before: logged(row),
        after: logged({ state, answer: row.answer, decisionNote, version: row.version + 1 }),
      })),
    )
    return reread(
      tx,
      rows.map((r) => r.id),
    )
  })
}
