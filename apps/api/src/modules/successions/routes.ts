/**
 * 電源承継・事業者統合・市場退出 (G50) under `/api/v1/successions`: the applicant files (a
 * succession or merger waits for the receiver's administrator to consent, an exit is submitted at
 * once); the operator reviews the application (applications module, entity `succession`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  deliveryMonths,
  exitPenaltyQuerySchema,
  exitPenaltySchema,
  idParamSchema,
  jstToday,
  problemSchema,
  successionChoicesSchema,
  successionDeclineSchema,
  successionInputSchema,
  successionKindLabels,
  successionListQuerySchema,
  successionSchema,
  successionStateLabels,
  successionVersionSchema,
  type Lang,
  type Succession,
  type SuccessionListQuery,
  type SuccessionResource,
  type SuccessionSortField,
  type SuccessionState,
} from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { createApplication } from '../applications/public.ts'
import { calculatePenalty } from '../penalty-factors/public.ts'
import { applicationValues, successionHandler } from './handler.ts'
import {
  affectedOf,
  checkNoOtherOpen,
  checkNotInvoiced,
  receiverOf,
  SUCCESSION_SCHEDULE_EVERY_MS,
  SUCCESSION_SCHEDULE_JOB,
  successionScheduleJob,
  writeItems,
} from './service.ts'
import { nextNumber } from '@yoryo/db'

const tags = ['successions', 'G50']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const APPLICANT_ONLY = 'only the applying participant files and withdraws (OCCTO reviews: 403)'
const RECEIVER_ONLY = 'only the receiving participant’s administrator consents or declines (403)'

type Row = Prisma.SuccessionGetPayload<{ include: { items: true } }>

type Item = { resourceId: string; contractId: string | null }

/** The resource and contract rows items name (two queries for any number of items). */
async function itemRecords(db: DbClient, items: Item[]) {
  const resources = await db.resource.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.resourceId))] } },
    select: { id: true, code: true, name: true },
  })
  const contracts = await db.contract.findMany({
    where: { id: { in: items.flatMap((i) => (i.contractId ? [i.contractId] : [])) } },
    select: {
      id: true,
      contractNo: true,
      resourceId: true,
      deliveryYear: true,
      contractKw: true,
      state: true,
    },
    orderBy: { contractNo: 'asc' },
  })
  return { resources, contracts }
}

/** The resources and contracts of items, with the months each contract concerns. */
function resourcesFrom(
  { resources, contracts }: Awaited<ReturnType<typeof itemRecords>>,
  items: Item[],
  effectiveMonth: (contractId: string) => string,
): Map<string, SuccessionResource> {
  const resourceIds = new Set(items.map((i) => i.resourceId))
  const contractIds = new Set(items.flatMap((i) => (i.contractId ? [i.contractId] : [])))
  const out = new Map<string, SuccessionResource>()
  for (const r of resources
    .filter((r) => resourceIds.has(r.id))
    .sort((a, b) => a.code.localeCompare(b.code))) {
    out.set(r.id, { resourceId: r.id, resourceCode: r.code, resourceName: r.name, contracts: [] })
  }
  for (const c of contracts.filter((c) => contractIds.has(c.id))) {
    out.get(c.resourceId)?.contracts.push({
      contractId: c.id,
      contractNo: c.contractNo,
      deliveryYear: c.deliveryYear,
      contractKw: c.contractKw,
      state: c.state,
      months: deliveryMonths(c.deliveryYear).filter((m) => m >= effectiveMonth(c.id)),
    })
  }
  return out
}

async function resourcesOf(
  db: DbClient,
  items: Item[],
  effectiveMonth: (contractId: string) => string,
): Promise<Map<string, SuccessionResource>> {
  return resourcesFrom(await itemRecords(db, items), items, effectiveMonth)
}

async function toSuccessions(db: DbClient, rows: Row[]): Promise<Succession[]> {
  const partyIds = new Set(rows.flatMap((r) => [r.participantId, r.toParticipantId ?? '']))
  partyIds.delete('')
  const parties = new Map(
    (
      await db.participant.findMany({
        where: { id: { in: [...partyIds] } },
        select: { id: true, code: true, name: true },
      })
    ).map((p) => [p.id, p]),
  )
  const applications = new Map(
    (
      await db.application.findMany({
        where: { id: { in: rows.flatMap((r) => (r.applicationId ? [r.applicationId] : [])) } },
        select: { id: true, receiptNo: true, state: true },
      })
    ).map((a) => [a.id, a]),
  )
  // The items of every row at once (not two queries per row).
  const records = await itemRecords(
    db,
    rows.flatMap((r) => r.items),
  )
  return Promise.all(
    rows.map(async (row) => {
      const from = parties.get(row.participantId)
      const to = row.toParticipantId ? parties.get(row.toParticipantId) : undefined
      const application = row.applicationId ? applications.get(row.applicationId) : undefined
      const resources = resourcesFrom(records, row.items, () => row.effectiveMonth)
      return {
        id: row.id,
        successionNo: row.successionNo,
        kind: row.kind as Succession['kind'],
        participantId: row.participantId,
        participantCode: from?.code ?? '',
        participantName: from?.name ?? '',
        toParticipantId: row.toParticipantId,
        toParticipantCode: to?.code ?? null,
        toParticipantName: to?.name ?? null,
        effectiveMonth: row.effectiveMonth,
        reason: row.reason,
        state: row.state as SuccessionState,
        consentedAt: row.consentedAt?.toISOString() ?? null,
        consentedByName: row.consentedByName,
        declineReason: row.declineReason,
        applicationId: row.applicationId,
        applicationReceiptNo: application?.receiptNo ?? null,
        applicationState: application?.state ?? null,
        effectedAt: row.effectedAt?.toISOString() ?? null,
        resources: [...resources.values()],
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      }
    }),
  )
}

type Order = Prisma.SuccessionOrderByWithRelationInput
/** Participant codes sort as the ids do not: sorting by them orders by the number instead. */
const sort: Record<SuccessionSortField, (d: Direction) => Order> = {
  successionNo: (d) => ({ successionNo: d }),
  kind: (d) => ({ kind: d }),
  participantCode: (d) => ({ participantId: d }),
  toParticipantCode: (d) => ({ toParticipantId: d }),
  effectiveMonth: (d) => ({ effectiveMonth: d }),
  state: (d) => ({ state: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

function listWhere(q: SuccessionListQuery, auth: AuthContext): Prisma.SuccessionWhereInput {
  const party = (id: string) => ({ OR: [{ participantId: id }, { toParticipantId: id }] })
  return {
    AND: [
      auth.user.role === 'operator'
        ? q.participantId
          ? party(q.participantId)
          : {}
        : party(auth.participant.id),
      q.kind ? { kind: q.kind } : {},
      q.state ? { state: q.state } : {},
      q.q ? { successionNo: containsText(q.q) } : {},
    ],
  }
}

function stateError(state: string, lang: Lang): AppError {
  return new AppError('E-SUCC-004', 409, {
    params: { state: successionStateLabels[state as SuccessionState][lang] },
  })
}

export const successionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(successionHandler)
  app.jobs.register(SUCCESSION_SCHEDULE_JOB, successionScheduleJob(app.db))
  app.jobs.recur(SUCCESSION_SCHEDULE_JOB, SUCCESSION_SCHEDULE_EVERY_MS)

  const include = { items: true } as const

  async function visible(auth: AuthContext, id: string): Promise<Row> {
    const row = await app.db.succession.findUnique({ where: { id }, include })
    if (
      !row ||
      (auth.user.role !== 'operator' &&
        row.participantId !== auth.participant.id &&
        row.toParticipantId !== auth.participant.id)
    ) {
      throw new AppError('E-COMMON-002', 404)
    }
    return row
  }

  async function answer(id: string): Promise<Succession> {
    const row = await app.db.succession.findUniqueOrThrow({ where: { id }, include })
    const [out] = await toSuccessions(app.db, [row])
    return out as Succession
  }

  async function fileApplication(
    tx: Prisma.TransactionClient,
    actor: Actor,
    id: string,
    lang: Lang,
  ) {
    const row = await tx.succession.findUniqueOrThrow({ where: { id } })
    const application = await createApplication(tx, app.entityHandlers, actor, {
      kind: 'register',
      entityType: 'succession',
      entityId: null,
      participantId: row.participantId,
      proposed: await applicationValues(tx, id),
      submit: true,
      lang,
    })
    await tx.succession.update({ where: { id }, data: { applicationId: application.id } })
  }

  listRoute(app, '/', {
    config: { access: routeAccess('successions', 'view') },
    operationId: 'listSuccessions',
    summary:
      'Successions, mergers and exits: the caller’s as applicant or receiver; all for the operator',
    tags,
    querystring: successionListQuerySchema,
    item: successionSchema,
    sort,
    defaultSort: { field: 'updatedAt', direction: 'desc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: (query, request) => listWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) =>
      toSuccessions(
        app.db,
        await app.db.succession.findMany({ where, orderBy, skip, take, include }),
      ),
    count: (where) => app.db.succession.count({ where }),
    csv: {
      fileName: 'successions.csv',
      columns: [
        csv.text(
          { ja: '受付番号', en: 'Receipt number' },
          (r: Succession) => r.applicationReceiptNo,
        ),
        csv.text({ ja: '申込番号', en: 'Succession number' }, (r: Succession) => r.successionNo),
        csv.enumeration(
          { ja: '種別', en: 'Kind' },
          (r: Succession) => r.kind,
          successionKindLabels,
        ),
        csv.text({ ja: '申込事業者', en: 'From' }, (r: Succession) => r.participantCode),
        csv.text({ ja: '承継先事業者', en: 'To' }, (r: Succession) => r.toParticipantCode),
        csv.text({ ja: '効力発生月', en: 'Effective month' }, (r: Succession) => r.effectiveMonth),
        csv.enumeration(
          { ja: '状態', en: 'State' },
          (r: Succession) => r.state,
          successionStateLabels,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (r: Succession) => r.updatedAt),
      ],
    },
  })

  app.get(
    '/choices',
    {
      config: { access: routeAccess('successions', 'edit', { narrowedBy: APPLICANT_ONLY }) },
      schema: {
        operationId: 'listSuccessionChoices',
        summary:
          'The caller’s resources with their contracts not terminated (the filing form’s choices)',
        tags,
        response: { 200: successionChoicesSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      if (auth.user.role === 'operator') throw new AppError('E-SUCC-006', 403)
      const resources = await app.db.resource.findMany({
        where: { participantId: auth.participant.id },
        select: { id: true },
      })
      const contracts = await app.db.contract.findMany({
        where: { participantId: auth.participant.id, state: { not: 'terminated' } },
        select: { id: true, resourceId: true },
      })
      const items = [
        ...resources.map((r) => ({ resourceId: r.id, contractId: null })),
        ...contracts.map((c) => ({ resourceId: c.resourceId, contractId: c.id })),
      ]
      return { items: [...(await resourcesOf(app.db, items, () => '')).values()] }
    },
  )

  app.get(
    '/exit-penalty',
    {
      config: { access: routeAccess('successions', 'edit', { narrowedBy: APPLICANT_ONLY }) },
      schema: {
        operationId: 'getExitPenalty',
        summary:
          'The §6 exit penalty of every contract an exit from the month would end, as if filed today (the 190 computation)',
        tags,
        querystring: exitPenaltyQuerySchema,
        response: { 200: exitPenaltySchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      if (auth.user.role === 'operator') throw new AppError('E-SUCC-006', 403)
      const { contracts, resources } = await affectedOf(app.db, {
        kind: 'exit',
        participantId: auth.participant.id,
        resourceIds: [],
        effectiveMonth: request.query.effectiveMonth,
      })
      const codes = new Map(resources.map((r) => [r.id, r.code]))
      const occurredOn = jstToday()
      const items = []
      for (const c of contracts) {
        const terms = await app.db.contract.findUniqueOrThrow({ where: { id: c.id } })
        const calculation =
          c.contractKw > 0
            ? await calculatePenalty(
                app.db,
                terms,
                { factorType: 'marketExit', kw: c.contractKw, occurredOn },
                false,
              )
            : null
        items.push({
          contractId: c.id,
          contractNo: c.contractNo,
          resourceCode: codes.get(c.resourceId) ?? '',
          deliveryYear: c.deliveryYear,
          contractKw: c.contractKw,
          rate: calculation?.rate ?? null,
          amount: calculation?.grossAmount ?? 0,
        })
      }
      return { occurredOn, items, total: items.reduce((s, i) => s + i.amount, 0) }
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('successions', 'view') },
      schema: {
        operationId: 'getSuccession',
        summary: 'One succession with what it moves (another participant’s: 404)',
        tags,
        params: idParamSchema,
        response: { 200: successionSchema, ...problems },
      },
    },
    async (request) => {
      const row = await visible(requireAuth(request), request.params.id)
      const [out] = await toSuccessions(app.db, [row])
      return out as Succession
    },
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('successions', 'edit', { narrowedBy: APPLICANT_ONLY }) },
      schema: {
        operationId: 'createSuccession',
        summary:
          'File a succession (own resources and their contracts), merger or exit: an exit is submitted for review at once, the others wait for the receiver’s consent',
        tags,
        body: successionInputSchema,
        response: { 201: successionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      if (auth.user.role === 'operator') throw new AppError('E-SUCC-006', 403)
      const lang = requestLang(request)
      const actor = actorOf(request)
      const v = request.body
      const id = await app.db.$transaction(async (tx) => {
        const applicant = await tx.participant.findUniqueOrThrow({
          where: { id: auth.participant.id },
        })
        if (applicant.status !== 'active') throw new AppError('E-SUCC-010', 409)
        const to =
          v.kind === 'exit' || !v.toParticipantCode
            ? null
            : await receiverOf(tx, v.toParticipantCode, auth.participant.id)
        const resourceIds = v.kind === 'succession' ? [...new Set(v.resourceIds)] : []
        await checkNoOtherOpen(tx, {
          id: null,
          kind: v.kind,
          participantId: auth.participant.id,
          resourceIds,
        })
        const affected = await affectedOf(tx, {
          kind: v.kind,
          participantId: auth.participant.id,
          resourceIds,
          effectiveMonth: v.effectiveMonth,
        })
        await checkNotInvoiced(
          tx,
          affected.contracts.map((c) => c.id),
          v.effectiveMonth,
        )
        const n = await nextNumber(tx, 'succession')
        const created = await tx.succession.create({
          data: {
            successionNo: `SU${String(n).padStart(6, '0')}`,
            kind: v.kind,
            participantId: auth.participant.id,
            toParticipantId: to?.id ?? null,
            effectiveMonth: v.effectiveMonth,
            reason: v.reason,
            state: to ? 'pendingConsent' : 'applied',
          },
        })
        await writeItems(tx, created.id, affected)
        await audit(tx, actor, {
          action: 'succession.create',
          entityType: 'succession',
          entityId: created.id,
          participantId: auth.participant.id,
          after: {
            successionNo: created.successionNo,
            kind: v.kind,
            toParticipantCode: to?.code ?? '',
            effectiveMonth: v.effectiveMonth,
            resourceCodes: affected.resources.map((r) => r.code).join(' '),
            contractNos: affected.contracts.map((c) => c.contractNo).join(' '),
            reason: v.reason,
            state: created.state,
          },
        })
        if (!to) await fileApplication(tx, actor, created.id, lang)
        return created.id
      })
      reply.code(201)
      return answer(id)
    },
  )

  app.post(
    '/:id/consent',
    {
      config: { access: routeAccess('successions', 'edit', { narrowedBy: RECEIVER_ONLY }) },
      schema: {
        operationId: 'consentSuccession',
        summary:
          'The receiver’s administrator consents: the rules are checked again and the application is submitted for review',
        tags,
        params: idParamSchema,
        body: successionVersionSchema,
        response: { 200: successionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const actor = actorOf(request)
      const row = await visible(auth, request.params.id)
      if (row.toParticipantId !== auth.participant.id || auth.user.role !== 'participantAdmin') {
        throw new AppError('E-SUCC-005', 403)
      }
      if (row.state !== 'pendingConsent') throw stateError(row.state, lang)
      if (row.version !== request.body.version) throw new AppError('E-COMMON-004', 409)
      await app.db.$transaction(async (tx) => {
        const affected = await affectedOf(tx, {
          kind: row.kind as Succession['kind'],
          participantId: row.participantId,
          resourceIds: row.items.filter((i) => !i.contractId).map((i) => i.resourceId),
          effectiveMonth: row.effectiveMonth,
        })
        await checkNotInvoiced(
          tx,
          affected.contracts.map((c) => c.id),
          row.effectiveMonth,
        )
        const now = new Date()
        const guarded = await tx.succession.updateMany({
          where: { id: row.id, version: row.version, state: 'pendingConsent' },
          data: {
            state: 'applied',
            consentedAt: now,
            consentedByName: actor.label,
            version: { increment: 1 },
          },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await writeItems(tx, row.id, affected)
        await audit(tx, actor, {
          action: 'succession.consent',
          entityType: 'succession',
          entityId: row.id,
          participantId: row.participantId,
          before: { state: row.state },
          after: { state: 'applied' },
        })
        await fileApplication(tx, actor, row.id, lang)
      })
      return answer(row.id)
    },
  )

  app.post(
    '/:id/decline',
    {
      config: { access: routeAccess('successions', 'edit', { narrowedBy: RECEIVER_ONLY }) },
      schema: {
        operationId: 'declineSuccession',
        summary: 'The receiver’s administrator declines (the succession ends)',
        tags,
        params: idParamSchema,
        body: successionDeclineSchema,
        response: { 200: successionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const row = await visible(auth, request.params.id)
      if (row.toParticipantId !== auth.participant.id || auth.user.role !== 'participantAdmin') {
        throw new AppError('E-SUCC-005', 403)
      }
      if (row.state !== 'pendingConsent') throw stateError(row.state, lang)
      await app.db.$transaction(async (tx) => {
        const guarded = await tx.succession.updateMany({
          where: { id: row.id, version: request.body.version, state: 'pendingConsent' },
          data: {
            state: 'declined',
            declineReason: request.body.reason,
            version: { increment: 1 },
          },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'succession.decline',
          entityType: 'succession',
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
      config: { access: routeAccess('successions', 'edit', { narrowedBy: APPLICANT_ONLY }) },
      schema: {
        operationId: 'withdrawSuccession',
        summary:
          'The applicant withdraws one waiting for consent (once applied, withdraw its application)',
        tags,
        params: idParamSchema,
        body: successionVersionSchema,
        response: { 200: successionSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const lang = requestLang(request)
      const row = await visible(auth, request.params.id)
      if (row.participantId !== auth.participant.id) throw new AppError('E-SUCC-006', 403)
      if (row.state !== 'pendingConsent') throw stateError(row.state, lang)
      await app.db.$transaction(async (tx) => {
        const guarded = await tx.succession.updateMany({
          where: { id: row.id, version: request.body.version, state: 'pendingConsent' },
          data: { state: 'withdrawn', version: { increment: 1 } },
        })
        if (guarded.count === 0) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'succession.withdraw',
          entityType: 'succession',
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
