import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationRequestSchema,
  cancelApplicationSchema,
  idParamSchema,
  jstDayEnd,
  jstDayStart,
  OUTAGE_PLAN_WINDOW,
  outageAllowanceQuerySchema,
  outageAllowanceSchema,
  outagePlanChangeSchema,
  outagePlanDetailSchema,
  outagePlanListQuerySchema,
  outagePlanReasonLabels,
  outagePlanRegisterSchema,
  outagePlanResourceSchema,
  outagePlanSchema,
  outagePlanStateLabels,
  outagePlanWindowSchema,
  problemSchema,
  type OutagePlan,
  type OutagePlanDetail,
  type OutagePlanListQuery,
  type OutagePlanRegister,
  type OutagePlanSortField,
} from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import {
  applicationRoutes,
  findApplicationSummaries,
  currentWindow,
} from '../applications/public.ts'
import { equivalentDaysText, resourceYearAllowance, spanOf, yearFiguresOf } from './allowance.ts'
import { outagePlanBulkFormats } from './bulk-formats.ts'
import { outagePlanHandler } from './handler.ts'

const tags = ['outage-plans', '180', 'B00']

/**
 * One record, two functions: 180 before the delivery year (pre-delivery SPA) and B00 in it
 * (delivery SPA); a general user with a right on either works with the plans.
 */
const OUTAGE_PLAN_FUNCTIONS = ['outagePlans', 'deliveryOutagePlans'] as const
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

const include = {
  participant: { select: { id: true, code: true, name: true } },
  resource: { select: { id: true, code: true, name: true, kind: true, area: true } },
  contract: { select: { contractNo: true } },
} as const satisfies Prisma.OutagePlanInclude
type Row = Prisma.OutagePlanGetPayload<{ include: typeof include }>

/** Plans as the API shows them, with their resource-year's figures against the allowance. */
async function toOutagePlans(db: DbClient, rows: Row[]): Promise<OutagePlan[]> {
  const years = await yearFiguresOf(
    db,
    rows.map((r) => ({ resourceId: r.resourceId, deliveryYear: r.deliveryYear })),
  )
  return rows.map((row) => {
    const year = years.get(`${row.resourceId}/${row.deliveryYear}`)
    const contractKw = year?.contract?.contractKw ?? 0
    return {
      id: row.id,
      planNo: row.planNo,
      participant: row.participant,
      resource: row.resource as OutagePlan['resource'],
      contractId: row.contractId,
      contractNo: row.contract.contractNo,
      contractKw,
      deliveryYear: row.deliveryYear,
      startAt: row.startAt.toISOString(),
      endAt: row.endAt.toISOString(),
      reducedKw: row.reducedKw,
      reason: row.reason as OutagePlan['reason'],
      note: row.note,
      equivalentDays: equivalentDaysText(spanOf(row), contractKw),
      yearEquivalentDays: year?.figures?.equivalentDays ?? '0.00',
      allowanceDays: year?.allowanceDays ?? 0,
      yearExceeds: year?.figures?.exceeds ?? false,
      state: row.cancelledAt ? 'cancelled' : 'active',
      cancelledAt: row.cancelledAt?.toISOString() ?? null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }
  })
}

type Order = Prisma.OutagePlanOrderByWithRelationInput
const sort: Record<OutagePlanSortField, (d: Direction) => Order> = {
  planNo: (d) => ({ planNo: d }),
  resourceCode: (d) => ({ resource: { code: d } }),
  resourceName: (d) => ({ resource: { name: d } }),
  participantCode: (d) => ({ participant: { code: d } }),
  deliveryYear: (d) => ({ deliveryYear: d }),
  startAt: (d) => ({ startAt: d }),
  endAt: (d) => ({ endAt: d }),
  reducedKw: (d) => ({ reducedKw: d }),
  reason: (d) => ({ reason: d }),
  state: (d) => ({ cancelledAt: { sort: d, nulls: d === 'asc' ? 'first' : 'last' } }),
  updatedAt: (d) => ({ updatedAt: d }),
}

function listWhere(q: OutagePlanListQuery, auth: AuthContext): Prisma.OutagePlanWhereInput {
  return {
    ...(auth.user.role === 'operator'
      ? q.participantId
        ? { participantId: q.participantId }
        : {}
      : { participantId: auth.participant.id }),
    ...(q.deliveryYear ? { deliveryYear: q.deliveryYear } : {}),
    ...(q.resourceId ? { resourceId: q.resourceId } : {}),
    ...(q.state === 'active' ? { cancelledAt: null } : {}),
    ...(q.state === 'cancelled' ? { cancelledAt: { not: null } } : {}),
    ...(q.from ? { endAt: { gt: jstDayStart(q.from) } } : {}),
    ...(q.to ? { startAt: { lt: jstDayEnd(q.to) } } : {}),
    ...(q.q
      ? {
          OR: [
            { planNo: containsText(q.q) },
            { resource: { code: containsText(q.q) } },
            { resource: { name: containsText(q.q) } },
          ],
        }
      : {}),
  }
}

const resourceSelect = { id: true, code: true, name: true, kind: true, area: true } as const

/** 容量停止計画管理 (180), 容量停止計画 in the delivery year (B00), and the files (880 / 890 / 891). */
export const outagePlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(outagePlanHandler)
  for (const format of outagePlanBulkFormats(app.entityHandlers)) app.bulkFormats.register(format)

  listRoute(app, '/', {
    config: { access: routeAccess(OUTAGE_PLAN_FUNCTIONS, 'view') },
    operationId: 'listOutagePlans',
    summary:
      'Outage plans with their resource-year against the allowance: all for the operator, the own participant’s otherwise',
    tags,
    querystring: outagePlanListQuerySchema,
    item: outagePlanSchema,
    sort,
    defaultSort: { field: 'startAt', direction: 'asc' },
    tieBreak: [{ planNo: 'asc' }] as Order[],
    where: (query, request) => listWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) =>
      toOutagePlans(
        app.db,
        await app.db.outagePlan.findMany({ where, orderBy, skip, take, include }),
      ),
    count: (where) => app.db.outagePlan.count({ where }),
    csv: {
      fileName: 'outage-plans.csv',
      columns: [
        csv.text({ ja: '計画ID', en: 'Plan ID' }, (p: OutagePlan) => p.planNo),
        ...csv.resource(
          (p: OutagePlan) => p.resource,
          (p: OutagePlan) => p.participant,
        ),
        csv.text({ ja: '契約番号', en: 'Contract No.' }, (p: OutagePlan) => p.contractNo),
        csv.text({ ja: '対象実需給年度', en: 'Delivery year' }, (p: OutagePlan) => p.deliveryYear),
        csv.dateTime({ ja: '停止開始日時', en: 'Outage start' }, (p: OutagePlan) => p.startAt),
        csv.dateTime({ ja: '停止終了日時', en: 'Outage end' }, (p: OutagePlan) => p.endAt),
        csv.text(
          { ja: '停止容量(kW)', en: 'Reduced capacity (kW)' },
          (p: OutagePlan) => p.reducedKw,
        ),
        csv.text(
          { ja: '契約容量(kW)', en: 'Contract capacity (kW)' },
          (p: OutagePlan) => p.contractKw,
        ),
        csv.enumeration(
          { ja: '停止理由', en: 'Reason' },
          (p: OutagePlan) => p.reason,
          outagePlanReasonLabels,
        ),
        csv.text(
          { ja: '等価停止日数', en: 'Equivalent outage days' },
          (p: OutagePlan) => p.equivalentDays,
        ),
        csv.text(
          { ja: '年度の等価停止日数', en: 'Equivalent days of the year' },
          (p: OutagePlan) => p.yearEquivalentDays,
        ),
        csv.text({ ja: '許容日数', en: 'Allowance (days)' }, (p: OutagePlan) => p.allowanceDays),
        csv.text({ ja: '備考', en: 'Note' }, (p: OutagePlan) => p.note),
        csv.enumeration(
          { ja: '状態', en: 'State' },
          (p: OutagePlan) => p.state,
          outagePlanStateLabels,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (p: OutagePlan) => p.updatedAt),
      ],
    },
  })

  app.get(
    '/window',
    {
      config: { access: routeAccess(OUTAGE_PLAN_FUNCTIONS, 'view') },
      schema: {
        operationId: 'getOutagePlanWindow',
        summary:
          'The submission window (容量停止計画提出受付) of a delivery year: open now, the next, or the last (its own windows, else those for any year)',
        tags,
        querystring: z.object({ deliveryYear: z.coerce.number().int().min(2020).max(2100) }),
        response: {
          200: outagePlanWindowSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => currentWindow(app.db, OUTAGE_PLAN_WINDOW, request.query.deliveryYear),
  )

  app.get(
    '/resources',
    {
      config: { access: routeAccess(OUTAGE_PLAN_FUNCTIONS, 'view') },
      schema: {
        operationId: 'listOutagePlanResources',
        summary:
          'The resources with a contract (not terminated) in a delivery year, with the contract kW: the own participant’s (the operator: one participant’s)',
        tags,
        querystring: z.object({
          deliveryYear: z.coerce.number().int().min(2020).max(2100),
          participantId: z.uuid().optional().describe('Operator: one participant'),
        }),
        response: { 200: z.object({ items: z.array(outagePlanResourceSchema) }), ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const participantId =
        auth.user.role === 'operator' ? request.query.participantId : auth.participant.id
      const contracts = await app.db.contract.findMany({
        where: {
          deliveryYear: request.query.deliveryYear,
          state: { not: 'terminated' },
          ...(participantId ? { participantId } : {}),
        },
        orderBy: [{ resource: { code: 'asc' } }, { contractNo: 'asc' }],
        select: { contractNo: true, contractKw: true, resource: { select: resourceSelect } },
        take: 5000,
      })
      const byResource = new Map<string, z.infer<typeof outagePlanResourceSchema>>()
      for (const c of contracts) {
        const seen = byResource.get(c.resource.id)
        if (seen) {
          seen.contractKw += c.contractKw
          seen.contractNos.push(c.contractNo)
        } else {
          byResource.set(c.resource.id, {
            resource: c.resource as OutagePlan['resource'],
            deliveryYear: request.query.deliveryYear,
            contractKw: c.contractKw,
            contractNos: [c.contractNo],
          })
        }
      }
      return { items: [...byResource.values()] }
    },
  )

  app.get(
    '/allowance',
    {
      config: { access: routeAccess(OUTAGE_PLAN_FUNCTIONS, 'view') },
      schema: {
        operationId: 'getOutageAllowance',
        summary:
          'A resource’s planned outage of a delivery year in equivalent days against the allowance (rules.md §5.1): the plans in force, with the open applications, and with a plan being filed',
        tags,
        querystring: outageAllowanceQuerySchema,
        response: { 200: outageAllowanceSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const q = request.query
      const resource = await app.db.resource.findUnique({
        where: { id: q.resourceId },
        select: { ...resourceSelect, participantId: true },
      })
      if (!resource) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, resource.participantId)
      const candidate =
        q.startAt && q.endAt && q.reducedKw
          ? {
              startAt: q.startAt,
              endAt: q.endAt,
              reducedKw: q.reducedKw,
              planId: q.planId,
              applicationId: q.applicationId,
            }
          : undefined
      const { participantId: _p, ...ref } = resource
      const allowance = await resourceYearAllowance(app.db, ref, q.deliveryYear, candidate)
      if (!allowance) {
        throw new AppError('E-OUT-006', 409, { params: { deliveryYear: q.deliveryYear } })
      }
      return allowance
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess(OUTAGE_PLAN_FUNCTIONS, 'view') },
      schema: {
        operationId: 'getOutagePlan',
        summary:
          'One outage plan with its history (the applications and their events); another participant’s answers 404',
        tags,
        params: idParamSchema,
        response: { 200: outagePlanDetailSchema, ...problems },
      },
    },
    async (request): Promise<OutagePlanDetail> => {
      const auth = requireAuth(request)
      const row = await app.db.outagePlan.findUnique({ where: { id: request.params.id }, include })
      if (!row) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, row.participantId)
      const [plan] = await toOutagePlans(app.db, [row])
      const summaries = await findApplicationSummaries(app.db, app.entityHandlers, {
        where: { entityType: 'outagePlan', entityId: row.id },
        orderBy: [{ createdAt: 'asc' }, { receiptNo: 'asc' }],
        skip: 0,
        take: 1000,
      })
      const events = await app.db.applicationEvent.findMany({
        where: { applicationId: { in: summaries.map((s) => s.id) } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })
      return {
        ...(plan as OutagePlan),
        applications: summaries.map((s) => ({
          ...s,
          events: events
            .filter((e) => e.applicationId === s.id)
            .map((e) => ({
              id: e.id,
              action: e.action,
              fromState: e.fromState,
              toState: e.toState,
              actorLabel: e.actorLabel,
              comment: e.comment,
              at: e.at.toISOString(),
            })),
        })),
      }
    },
  )

  const versionOf = "The outage plan's version the change is based on"
  applicationRoutes(app, {
    entityType: 'outagePlan',
    functionKey: OUTAGE_PLAN_FUNCTIONS,
    tags,
    record: (tx, id) =>
      tx.outagePlan.findUnique({ where: { id }, select: { participantId: true, version: true } }),
    register: {
      operationId: 'createOutagePlanRegisterApplication',
      summary:
        'Apply to register an outage plan of a contracted resource (30-minute boundaries in JST, inside the delivery year, within the contract kW; inside the submission window)',
      body: applicationRequestSchema(outagePlanRegisterSchema),
      // The resource must be the caller's own (another participant's: 404).
      participantOf: async (tx, auth, proposed) => {
        const { resourceId } = proposed as OutagePlanRegister
        const resource = await tx.resource.findUnique({
          where: { id: resourceId },
          select: { participantId: true },
        })
        if (!resource) throw new AppError('E-COMMON-002', 404)
        assertSameParticipant(auth, resource.participantId)
        return resource.participantId
      },
    },
    change: {
      operationId: 'createOutagePlanChangeApplication',
      summary: 'Apply to change an outage plan (inside the submission window of its year)',
      body: applicationRequestSchema(outagePlanChangeSchema, versionOf),
    },
    cancel: {
      operationId: 'createOutagePlanCancelApplication',
      summary: 'Apply to cancel an outage plan (inside the submission window of its year)',
      body: applicationRequestSchema(cancelApplicationSchema, versionOf),
    },
  })
}
