/**
 * 電源等差替 (160): the contract holder files a replacement of one of its contracts; when the
 * replacing resource is another participant's, that participant consents (or declines) first;
 * then the application is reviewed by the operator (applications module, entity `replacement`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  contractSchema,
  deliveryMonths,
  freeCapacityQuerySchema,
  freeCapacitySchema,
  idParamSchema,
  monthsBetween,
  problemSchema,
  replacementDeclineSchema,
  replacementInputSchema,
  replacementListQuerySchema,
  replacementSchema,
  replacementStateLabels,
  replacementVersionSchema,
  type Lang,
  type Replacement,
  type ReplacementListQuery,
  type ReplacementSortField,
  type ReplacementState,
} from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { createApplication } from '../applications/public.ts'
import { contractInclude, toContract } from '../contracts/public.ts'
import {
  applicationValues,
  loadReplacement,
  replacementHandler,
  replacementInclude,
  type ReplacementRow,
} from './handler.ts'
import {
  checkReplacementRules,
  contractReplacedKw,
  REPLACEABLE_CONTRACT_STATES,
  resourceCapacity,
} from './rules.ts'

const tags = ['replacements', '160']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const HOLDER_ONLY = 'only the contract holder files and withdraws (the operator reviews: 403)'
const COUNTERPARTY_ONLY = 'only the replacing resource’s participant consents or declines (403)'

type Row = ReplacementRow

/** The contract's kW per month after this replacement (others approved, this one as filed). */
function monthsOf(
  row: ReplacementRow,
  othersReplaced: (month: string) => number,
): Replacement['months'] {
  return monthsBetween(row.fromMonth, row.toMonth).map((month) => ({
    month,
    originalKw: row.contract.contractKw - othersReplaced(month) - row.kw,
    replacingKw: row.kw,
  }))
}

function toReplacement(
  row: Row,
  receiptNo: string | null,
  othersReplaced: (month: string) => number,
): Replacement {
  return {
    id: row.id,
    contractId: row.contractId,
    contractNo: row.contract.contractNo,
    contractKw: row.contract.contractKw,
    deliveryYear: row.contract.deliveryYear,
    participantCode: row.participant.code,
    participantName: row.participant.name,
    resourceCode: row.contract.resource.code,
    resourceName: row.contract.resource.name,
    replacingResourceCode: row.replacingResource.code,
    replacingResourceName: row.replacingResource.name,
    replacingParticipantCode: row.replacingParticipant.code,
    replacingParticipantName: row.replacingParticipant.name,
    area: row.contract.resource.area,
    kw: row.kw,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    reason: row.reason,
    state: row.state as ReplacementState,
    consentedAt: row.consentedAt?.toISOString() ?? null,
    consentedByName: row.consentedByName,
    declineReason: row.declineReason,
    applicationId: row.applicationId,
    applicationReceiptNo: receiptNo,
    months: monthsOf(row, othersReplaced),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Rows as the API shows them: the other approved replacements of their contracts per month. */
async function toReplacements(db: DbClient, rows: Row[]) {
  const allocations = await db.replacementAllocation.findMany({
    where: {
      contractId: { in: [...new Set(rows.map((r) => r.contractId))] },
      replacement: { state: 'approved' },
    },
    select: { contractId: true, replacementId: true, month: true, kw: true },
  })
  const ids = rows.flatMap((r) => (r.applicationId ? [r.applicationId] : []))
  const receipts = new Map(
    (
      await db.application.findMany({
        where: { id: { in: ids } },
        select: { id: true, receiptNo: true },
      })
    ).map((a) => [a.id, a.receiptNo]),
  )
  return rows.map((row) =>
    toReplacement(row, receipts.get(row.applicationId ?? '') ?? null, (month) =>
      allocations
        .filter(
          (a) => a.contractId === row.contractId && a.replacementId !== row.id && a.month === month,
        )
        .reduce((sum, a) => sum + a.kw, 0),
    ),
  )
}

const include = replacementInclude

type Order = Prisma.ReplacementOrderByWithRelationInput
const sort: Record<ReplacementSortField, (d: Direction) => Order> = {
  contractNo: (d) => ({ contract: { contractNo: d } }),
  participantCode: (d) => ({ participant: { code: d } }),
  resourceCode: (d) => ({ contract: { resource: { code: d } } }),
  replacingResourceCode: (d) => ({ replacingResource: { code: d } }),
  replacingParticipantCode: (d) => ({ replacingParticipant: { code: d } }),
  kw: (d) => ({ kw: d }),
  fromMonth: (d) => ({ fromMonth: d }),
  state: (d) => ({ state: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

function listWhere(q: ReplacementListQuery, auth: AuthContext): Prisma.ReplacementWhereInput {
  const party =
    auth.user.role === 'operator'
      ? q.participantId
        ? { OR: [{ participantId: q.participantId }, { replacingParticipantId: q.participantId }] }
        : {}
      : q.side === 'given'
        ? { participantId: auth.participant.id }
        : q.side === 'received'
          ? { replacingParticipantId: auth.participant.id }
          : {
              OR: [
                { participantId: auth.participant.id },
                { replacingParticipantId: auth.participant.id },
              ],
            }
  return {
    AND: [
      party,
      q.state ? { state: q.state } : {},
      q.deliveryYear ? { contract: { deliveryYear: q.deliveryYear } } : {},
      q.q
        ? {
            OR: [
              { contract: { contractNo: containsText(q.q) } },
              { contract: { resource: { code: containsText(q.q) } } },
              { replacingResource: { code: containsText(q.q) } },
            ],
          }
        : {},
    ],
  }
}

function stateError(state: string, lang: Lang): AppError {
  return new AppError('E-RPL-019', 409, {
    params: { state: replacementStateLabels[state as ReplacementState][lang] },
  })
}

export const replacementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(replacementHandler)

  async function loadRow(id: string): Promise<Row> {
    const row = await app.db.replacement.findUnique({ where: { id }, include })
    if (!row) throw new AppError('E-COMMON-002', 404)
    return row
  }

  /** A replacement the caller may see: its own side (either) or, for the operator, any. */
  async function visible(auth: AuthContext, id: string): Promise<Row> {
    const row = await loadRow(id)
    if (
      auth.user.role !== 'operator' &&
      row.participantId !== auth.participant.id &&
      row.replacingParticipantId !== auth.participant.id
    ) {
      throw new AppError('E-COMMON-002', 404)
    }
    return row
  }

  async function answer(id: string): Promise<Replacement> {
    const [out] = await toReplacements(app.db, [await loadRow(id)])
    return out as Replacement
  }

  /** Files the application of an applied replacement (for the contract holder). */
  async function fileApplication(
    tx: Prisma.TransactionClient,
    actor: Actor,
    id: string,
    lang: Lang,
  ) {
    const row = await loadReplacement(tx, id)
    if (!row) throw new AppError('E-COMMON-002', 404)
    const application = await createApplication(tx, app.entityHandlers, actor, {
      kind: 'register',
      entityType: 'replacement',
      entityId: null,
      participantId: row.participantId,
      proposed: applicationValues(row),
      submit: true,
      lang,
    })
    await tx.replacement.update({
      where: { id },
      data: { applicationId: application.id },
    })
  }

  listRoute(app, '/', {
    config: { access: routeAccess('replacements', 'view') },
    operationId: 'listReplacements',
    summary:
      'Replacements: the caller’s given (its contracts) and received (its resources); all for the operator',
    tags,
    querystring: replacementListQuerySchema,
    item: replacementSchema,
    sort,
    defaultSort: { field: 'updatedAt', direction: 'desc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: (query, request) => listWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) =>
      toReplacements(
        app.db,
        await app.db.replacement.findMany({ where, orderBy, skip, take, include }),
      ),
    count: (where) => app.db.replacement.count({ where }),
    csv: {
      fileName: 'replacements.csv',
      columns: [
        csv.text({ ja: '契約番号', en: 'Contract number' }, (r: Replacement) => r.contractNo),
        csv.text(
          { ja: '差替元事業者コード', en: 'Giving participant' },
          (r: Replacement) => r.participantCode,
        ),
        csv.text(
          { ja: '差替元電源等', en: 'Contracted resource' },
          (r: Replacement) => r.resourceCode,
        ),
        csv.text(
          { ja: '差替先事業者コード', en: 'Receiving participant' },
          (r: Replacement) => r.replacingParticipantCode,
        ),
        csv.text(
          { ja: '差替先電源等', en: 'Replacing resource' },
          (r: Replacement) => r.replacingResourceCode,
        ),
        csv.text({ ja: '容量(kW)', en: 'Capacity (kW)' }, (r: Replacement) => r.kw),
        csv.text({ ja: '対象期間(開始)', en: 'From month' }, (r: Replacement) => r.fromMonth),
        csv.text({ ja: '対象期間(終了)', en: 'To month' }, (r: Replacement) => r.toMonth),
        csv.enumeration(
          { ja: '状態', en: 'State' },
          (r: Replacement) => r.state,
          replacementStateLabels,
        ),
        csv.text(
          { ja: '受付番号', en: 'Receipt number' },
          (r: Replacement) => r.applicationReceiptNo,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (r: Replacement) => r.updatedAt),
      ],
    },
  })

  app.get(
    '/free-capacity',
    {
      config: { access: routeAccess('replacements', 'view') },
      schema: {
        operationId: 'getReplacementFreeCapacity',
        summary:
          'The free capacity of a resource per month of a delivery year (approved expected capacity − what it carries); with contractId, also that own contract’s kW not yet replaced',
        tags,
        querystring: freeCapacityQuerySchema,
        response: { 200: freeCapacitySchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const q = request.query
      const resource = await app.db.resource.findUnique({ where: { code: q.resourceCode } })
      if (!resource) throw new AppError('E-COMMON-002', 404)
      const months = deliveryMonths(q.deliveryYear)
      let replaced: Map<string, number> | null = null
      let contractKw = 0
      if (q.contractId) {
        const contract = await app.db.contract.findUnique({ where: { id: q.contractId } })
        if (!contract) throw new AppError('E-COMMON-002', 404)
        assertSameParticipant(auth, contract.participantId)
        contractKw = contract.contractKw
        replaced = await contractReplacedKw(app.db, contract.id, months)
      }
      const capacity = await resourceCapacity(app.db, resource.id, q.deliveryYear, months)
      return {
        resourceCode: resource.code,
        resourceName: resource.name,
        area: resource.area,
        kind: resource.kind,
        deliveryYear: q.deliveryYear,
        expectedKw: capacity.expectedKw,
        months: capacity.months.map((m) => ({
          ...m,
          contractAvailableKw: replaced ? contractKw - (replaced.get(m.month) ?? 0) : null,
        })),
      }
    },
  )

  app.get(
    '/contracts',
    {
      config: { access: routeAccess('replacements', 'edit') },
      schema: {
        operationId: 'listReplaceableContracts',
        summary:
          'The caller’s contracts a replacement may be filed for (confirmed, active or amended), for the filing form',
        tags,
        response: { 200: z.object({ items: z.array(contractSchema) }), ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const rows = await app.db.contract.findMany({
        where: {
          participantId: auth.user.role === 'operator' ? undefined : auth.participant.id,
          state: { in: [...REPLACEABLE_CONTRACT_STATES] },
        },
        include: contractInclude,
        orderBy: [{ deliveryYear: 'asc' }, { contractNo: 'asc' }],
        take: 1000,
      })
      return { items: rows.map(toContract) }
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('replacements', 'view') },
      schema: {
        operationId: 'getReplacement',
        summary: 'One replacement with its monthly allocation (another participant’s: 404)',
        tags,
        params: idParamSchema,
        response: { 200: replacementSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await visible(auth, request.params.id)
      const [out] = await toReplacements(app.db, [row])
      return out as Replacement
    },
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('replacements', 'edit', { narrowedBy: HOLDER_ONLY }) },
      schema: {
        operationId: 'createReplacement',
        summary:
          'File a replacement of an own contract: submitted for review at once when the replacing resource is the caller’s own, else waiting for the other participant’s consent',
        tags,
        body: replacementInputSchema,
        response: { 201: replacementSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      if (auth.user.role === 'operator') throw new AppError('E-RPL-022', 403)
      const lang = requestLang(request)
      const v = request.body
      const actor = actorOf(request)
      const id = await app.db.$transaction(async (tx) => {
        const contract = await tx.contract.findUnique({
          where: { id: v.contractId },
          include: { resource: true },
        })
        if (!contract) throw new AppError('E-COMMON-002', 404)
        assertSameParticipant(auth, contract.participantId)
        const replacingResource = await tx.resource.findUnique({
          where: { code: v.replacingResourceCode },
        })
        await checkReplacementRules(tx, { ...v, contract, replacingResource }, lang)
        const r = replacingResource as NonNullable<typeof replacingResource>
        const consentNeeded = r.participantId !== contract.participantId
        const created = await tx.replacement.create({
          data: {
            contractId: contract.id,
            participantId: contract.participantId,
            replacingResourceId: r.id,
            replacingParticipantId: r.participantId,
            kw: v.kw,
            fromMonth: v.fromMonth,
            toMonth: v.toMonth,
            reason: v.reason,
            state: consentNeeded ? 'pendingConsent' : 'applied',
          },
        })
        await audit(tx, actor, {
          action: 'replacement.create',
          entityType: 'replacement',
          entityId: created.id,
          participantId: contract.participantId,
          after: {
            contractNo: contract.contractNo,
            replacingResourceCode: r.code,
            kw: v.kw,
            fromMonth: v.fromMonth,
            toMonth: v.toMonth,
            reason: v.reason,
            state: created.state,
          },
        })
        if (!consentNeeded) await fileApplication(tx, actor, created.id, lang)
        return created.id
      })
      reply.code(201)
      return answer(id)
    },
  )

  app.post(
    '/:id/consent',
    {
      config: { access: routeAccess('replacements', 'edit', { narrowedBy: COUNTERPARTY_ONLY }) },
      schema: {
        operationId: 'consentReplacement',
        summary:
          'The replacing resource’s participant consents: the rules are checked again and the application is submitted for review',
        tags,
        params: idParamSchema,
        body: replacementVersionSchema,
        response: { 200: replacementSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const actor = actorOf(request)
      const row = await visible(auth, request.params.id)
      if (row.replacingParticipantId !== auth.participant.id) throw new AppError('E-RPL-021', 403)
      if (row.state !== 'pendingConsent') throw stateError(row.state, lang)
      if (row.version !== request.body.version) throw new AppError('E-COMMON-004', 409)
      await app.db.$transaction(async (tx) => {
        await checkReplacementRules(
          tx,
          {
            contract: row.contract,
            replacingResource: row.replacingResource,
            replacingResourceCode: row.replacingResource.code,
            kw: row.kw,
            fromMonth: row.fromMonth,
            toMonth: row.toMonth,
          },
          lang,
        )
        const now = new Date()
        const guarded = await tx.replacement.updateMany({
          where: { id: row.id, version: row.version, state: 'pendingConsent' },
          data: {
            state: 'applied',
            consentedAt: now,
            consentedByName: actor.label,
            version: { increment: 1 },
          },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actor, {
          action: 'replacement.consent',
          entityType: 'replacement',
          entityId: row.id,
          participantId: row.participantId,
          before: { state: row.state },
          after: { state: 'applied', consentedAt: now.toISOString() },
        })
        await fileApplication(tx, actor, row.id, lang)
      })
      return answer(row.id)
    },
  )

  app.post(
    '/:id/decline',
    {
      config: { access: routeAccess('replacements', 'edit', { narrowedBy: COUNTERPARTY_ONLY }) },
      schema: {
        operationId: 'declineReplacement',
        summary: 'The replacing resource’s participant declines (the replacement ends)',
        tags,
        params: idParamSchema,
        body: replacementDeclineSchema,
        response: { 200: replacementSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const row = await visible(auth, request.params.id)
      if (row.replacingParticipantId !== auth.participant.id) throw new AppError('E-RPL-021', 403)
      if (row.state !== 'pendingConsent') throw stateError(row.state, lang)
      await app.db.$transaction(async (tx) => {
        const guarded = await tx.replacement.updateMany({
          where: { id: row.id, version: request.body.version, state: 'pendingConsent' },
          data: {
            state: 'declined',
            declineReason: request.body.reason,
            version: { increment: 1 },
          },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'replacement.decline',
          entityType: 'replacement',
          entityId: row.id,
          participantId: row.participantId,
          before: { state: row.state },
          after: { state: 'declined', reason: request.body.reason },
        })
      })
      return answer(row.id)
    },
  )

  app.post(
    '/:id/withdraw',
    {
      config: { access: routeAccess('replacements', 'edit', { narrowedBy: HOLDER_ONLY }) },
      schema: {
        operationId: 'withdrawReplacement',
        summary:
          'The contract holder withdraws a replacement waiting for consent (once applied, withdraw its application)',
        tags,
        params: idParamSchema,
        body: replacementVersionSchema,
        response: { 200: replacementSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const row = await visible(auth, request.params.id)
      if (row.participantId !== auth.participant.id) throw new AppError('E-RPL-022', 403)
      if (row.state !== 'pendingConsent') throw stateError(row.state, lang)
      await app.db.$transaction(async (tx) => {
        const guarded = await tx.replacement.updateMany({
          where: { id: row.id, version: request.body.version, state: 'pendingConsent' },
          data: { state: 'withdrawn', version: { increment: 1 } },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'replacement.withdraw',
          entityType: 'replacement',
          entityId: row.id,
          participantId: row.participantId,
          before: { state: row.state },
          after: { state: 'withdrawn' },
        })
      })
      return answer(row.id)
    },
  )
}
