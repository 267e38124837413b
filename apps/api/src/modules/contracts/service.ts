/**
 * Capacity contracts (130): reading (a participant its own only) and the transitions
 *
 *   draft ──confirm (participant)──────────────→ confirmed      (容量確保契約書 issued)
 *   draft ──correction request (participant)───→ correctionRequested
 *   correctionRequested ──answer (operator)────→ draft          (corrected through amendContract
 *                                                                 source `correction`, or declined)
 *
 * Every transition checks the version the caller saw (409 `E-COMMON-004`), takes the row lock,
 * bumps the version and is audited in its transaction.
 */
import type {
  ContractConfirm,
  ContractCorrectionAnswer,
  ContractCorrectionRequest,
  ContractDetail,
  ContractState,
} from '@yoryo/contracts'
import type { Contract, Db, DbClient } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { documentSummariesOf } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { amendContract } from './amend.ts'
import { contractInclude, toContract, type ContractRow } from './contract.ts'
import { CONTRACT_DOCUMENT_OWNER, contractForDocument, issueContractDocument } from './documents.ts'

const notFound = () => new AppError('E-COMMON-002', 404)
const isOperator = (auth: AuthContext) => auth.user.role === 'operator'

/** The contract if the caller may see it (the operator: any; a participant: its own), else 404. */
export async function visibleContract(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<ContractRow> {
  const row = await db.contract.findUnique({ where: { id }, include: contractInclude })
  if (!row || (!isOperator(auth) && row.participantId !== auth.participant.id)) throw notFound()
  return row
}

export async function contractDetail(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<ContractDetail> {
  const row = await visibleContract(db, auth, id)
  const [resource, amendments, documents] = await Promise.all([
    db.resource.findUniqueOrThrow({
      where: { id: row.resourceId },
      select: { area: true, commissionedOn: true },
    }),
    db.contractAmendment.findMany({ where: { contractId: id }, orderBy: { seq: 'asc' } }),
    db.document.findMany({
      where: { ownerType: CONTRACT_DOCUMENT_OWNER, ownerId: id },
      orderBy: { createdAt: 'asc' },
    }),
  ])
  return {
    ...toContract(row),
    resourceArea: resource.area as ContractDetail['resourceArea'],
    commissionedOn: resource.commissionedOn,
    amendments: amendments.map((a) => ({
      id: a.id,
      seq: a.seq,
      kind: a.kind as ContractDetail['amendments'][number]['kind'],
      source: a.source as ContractDetail['amendments'][number]['source'],
      sourceId: a.sourceId,
      reason: a.reason,
      before: a.before as ContractDetail['amendments'][number]['before'],
      after: a.after as ContractDetail['amendments'][number]['after'],
      documentId: a.documentId,
      createdByName: a.createdByName,
      createdAt: a.createdAt.toISOString(),
    })),
    documents: documentSummariesOf(documents),
  }
}

/**
 * The contract locked for a transition: visible to the caller (else 404), the caller on the side
 * that makes this transition (`by`; else 403), at the version the caller saw (else 409
 * `E-COMMON-004`) and in one of `states` (else 409 `E-CON-001`).
 */
async function lockedContract(
  tx: DbClient,
  auth: AuthContext,
  id: string,
  by: 'participant' | 'operator',
  version: number,
  states: readonly ContractState[],
): Promise<ContractRow> {
  await tx.$queryRaw`SELECT id FROM contract WHERE id = ${id}::uuid FOR UPDATE`
  const row = await visibleContract(tx, auth, id)
  if (isOperator(auth) !== (by === 'operator')) throw new AppError('E-AUTH-005', 403)
  if (row.version !== version) throw new AppError('E-COMMON-004', 409)
  if (!states.includes(row.state)) throw new AppError('E-CON-001', 409)
  return row
}

const stateOf = (row: ContractRow) => ({ state: row.state, version: row.version })

/** `draft` → `confirmed` of a locked contract: issues the contract document (audited). */
export async function confirmLocked(tx: DbClient, actor: Actor, before: Contract): Promise<void> {
  const after = await tx.contract.update({
    where: { id: before.id },
    data: { state: 'confirmed', confirmedAt: new Date(), version: { increment: 1 } },
  })
  await issueContractDocument(tx, actor, await contractForDocument(tx, before.id))
  await audit(tx, actor, {
    action: 'contract.confirm',
    entityType: 'capacityContract',
    entityId: before.id,
    participantId: before.participantId,
    before: { state: before.state, version: before.version },
    after: { state: after.state, version: after.version, contractKw: after.contractKw },
  })
}

export async function confirmContract(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ContractConfirm,
): Promise<ContractDetail> {
  await db.$transaction(async (tx) => {
    const before = await lockedContract(tx, auth, id, 'participant', body.version, ['draft'])
    await confirmLocked(tx, actor, before)
  })
  return contractDetail(db, auth, id)
}

/** `draft` → `correctionRequested` of a locked contract, with the reason (audited). */
export async function requestCorrectionLocked(
  tx: DbClient,
  actor: Actor,
  before: Contract,
  reason: string,
): Promise<void> {
  const after = await tx.contract.update({
    where: { id: before.id },
    data: {
      state: 'correctionRequested',
      correctionReason: reason,
      correctionAnswer: null,
      version: { increment: 1 },
    },
  })
  await audit(tx, actor, {
    action: 'contract.requestCorrection',
    entityType: 'capacityContract',
    entityId: before.id,
    participantId: before.participantId,
    before: { state: before.state, version: before.version },
    after: { state: after.state, version: after.version, reason },
  })
}

export async function requestCorrection(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ContractCorrectionRequest,
): Promise<ContractDetail> {
  await db.$transaction(async (tx) => {
    const before = await lockedContract(tx, auth, id, 'participant', body.version, ['draft'])
    await requestCorrectionLocked(tx, actor, before, body.reason)
  })
  return contractDetail(db, auth, id)
}

export async function answerCorrection(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ContractCorrectionAnswer,
): Promise<ContractDetail> {
  await db.$transaction(async (tx) => {
    const before = await lockedContract(tx, auth, id, 'operator', body.version, [
      'correctionRequested',
    ])
    if (body.decision === 'correct') {
      const kw = body.contractKw
      if (kw === undefined || kw <= 0 || kw > before.awardedKw) {
        const params = { awardedKw: before.awardedKw.toLocaleString('ja-JP') }
        throw new AppError('E-COMMON-001', 400, {
          errors: [{ path: ['contractKw'], messageId: 'E-CON-003', message: '', params }],
        })
      }
      // Back to draft with the corrected terms (amendContract: a contract not yet concluded).
      await amendContract(tx, actor, {
        contractId: id,
        source: 'correction',
        reason: body.answer,
        contractKw: kw,
      })
      await tx.contract.update({ where: { id }, data: { correctionAnswer: body.answer } })
    } else {
      await tx.contract.update({
        where: { id },
        data: { state: 'draft', correctionAnswer: body.answer, version: { increment: 1 } },
      })
    }
    const after = await tx.contract.findUniqueOrThrow({ where: { id } })
    await audit(tx, actor, {
      action: 'contract.answerCorrection',
      entityType: 'capacityContract',
      entityId: id,
      participantId: before.participantId,
      before: { ...stateOf(before), contractKw: before.contractKw },
      after: {
        state: after.state,
        version: after.version,
        contractKw: after.contractKw,
        decision: body.decision,
        answer: body.answer,
      },
    })
  })
  return contractDetail(db, auth, id)
}
