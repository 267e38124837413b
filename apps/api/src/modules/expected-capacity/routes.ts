import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationRequestSchema,
  areaLabels,
  cancelApplicationSchema,
  expectedCapacityCalculateSchema,
  expectedCapacityCalculationSchema,
  expectedCapacityChangeSchema,
  expectedCapacityListQuerySchema,
  expectedCapacityOverridesSchema,
  expectedCapacityRegisterSchema,
  expectedCapacitySchema,
  expectedCapacityStatusLabels,
  expectedCapacityWindowSchema,
  idParamSchema,
  problemSchema,
  resourceKindLabels,
  type ExpectedCapacity,
  type ExpectedCapacityRegister,
  type ExpectedCapacityCalculation,
  type ExpectedCapacityListQuery,
  type ExpectedCapacitySortField,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { applicationRoutes, currentWindow } from '../applications/public.ts'
import { expectedCapacityBulkFormats } from './bulk-formats.ts'
import { calculateExpectedCapacity } from './calculation.ts'
import {
  EXPECTED_CAPACITY_WINDOW,
  expectedCapacityHandler,
  resourceForCalculation,
} from './handler.ts'

const tags = ['expected-capacity', '070']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

const include = {
  participant: { select: { id: true, code: true, name: true } },
  resource: {
    select: { id: true, code: true, name: true, kind: true, area: true, generationType: true },
  },
} as const satisfies Prisma.ExpectedCapacityInclude
type Row = Prisma.ExpectedCapacityGetPayload<{ include: typeof include }>

function toExpectedCapacity(row: Row): ExpectedCapacity {
  return {
    id: row.id,
    participant: row.participant,
    resource: row.resource as ExpectedCapacity['resource'],
    deliveryYear: row.deliveryYear,
    expectedKw: row.expectedKw,
    eligible: row.eligible,
    calculation: row.calculation as ExpectedCapacityCalculation,
    changedExpectedKw: row.changedExpectedKw,
    changedCalculation: (row.changedCalculation as ExpectedCapacityCalculation | null) ?? null,
    overrides: expectedCapacityOverridesSchema.catch({}).parse(row.overrides),
    evidenceAttachmentIds: row.evidenceAttachmentIds,
    note: row.note,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

type Order = Prisma.ExpectedCapacityOrderByWithRelationInput
const sort: Record<ExpectedCapacitySortField, (d: Direction) => Order> = {
  resourceCode: (d) => ({ resource: { code: d } }),
  resourceName: (d) => ({ resource: { name: d } }),
  participantCode: (d) => ({ participant: { code: d } }),
  kind: (d) => ({ resource: { kind: d } }),
  area: (d) => ({ resource: { area: d } }),
  deliveryYear: (d) => ({ deliveryYear: d }),
  expectedKw: (d) => ({ expectedKw: d }),
  changedExpectedKw: (d) => ({ changedExpectedKw: { sort: d, nulls: 'last' } }),
  status: (d) => ({ status: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

function listWhere(
  q: ExpectedCapacityListQuery,
  auth: AuthContext,
): Prisma.ExpectedCapacityWhereInput {
  return {
    ...(auth.user.role === 'operator'
      ? q.participantId
        ? { participantId: q.participantId }
        : {}
      : { participantId: auth.participant.id }),
    ...(q.deliveryYear ? { deliveryYear: q.deliveryYear } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.kind || q.q
      ? {
          resource: {
            ...(q.kind ? { kind: q.kind } : {}),
            ...(q.q ? { OR: [{ code: containsText(q.q) }, { name: containsText(q.q) }] } : {}),
          },
        }
      : {}),
  }
}

/** The resource a participant's user files for: its own, else 404 (the operator reviews). */
async function ownResource(app: FastifyInstance, auth: AuthContext, resourceId: string) {
  const resource = await resourceForCalculation(app.db, resourceId)
  if (!resource) throw new AppError('E-COMMON-002', 404)
  assertSameParticipant(auth, resource.participantId)
  return resource
}

/** 期待容量情報管理 (070) and the changed expected capacity after the auction (841). */
export const expectedCapacityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(expectedCapacityHandler)
  for (const format of expectedCapacityBulkFormats(app.entityHandlers)) {
    app.bulkFormats.register(format)
  }

  listRoute(app, '/', {
    config: { access: routeAccess('expectedCapacities', 'view') },
    operationId: 'listExpectedCapacities',
    summary: 'Expected capacities: all for the operator, the own participant’s otherwise',
    tags,
    querystring: expectedCapacityListQuerySchema,
    item: expectedCapacitySchema,
    sort,
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: [{ deliveryYear: 'asc' }, { id: 'asc' }] as Order[],
    where: (query, request) => listWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) =>
      (await app.db.expectedCapacity.findMany({ where, orderBy, skip, take, include })).map(
        toExpectedCapacity,
      ),
    count: (where) => app.db.expectedCapacity.count({ where }),
    csv: {
      fileName: 'expected-capacities.csv',
      columns: [
        ...csv.resource(
          (e: ExpectedCapacity) => e.resource,
          (e: ExpectedCapacity) => e.participant,
        ),
        csv.enumeration(
          { ja: '電源等の区分', en: 'Kind' },
          (e: ExpectedCapacity) => e.resource.kind,
          resourceKindLabels,
        ),
        csv.enumeration(
          { ja: 'エリア', en: 'Area' },
          (e: ExpectedCapacity) => e.resource.area,
          areaLabels,
        ),
        csv.text(
          { ja: '対象実需給年度', en: 'Delivery year' },
          (e: ExpectedCapacity) => e.deliveryYear,
        ),
        csv.text(
          { ja: '期待容量(kW)', en: 'Expected capacity (kW)' },
          (e: ExpectedCapacity) => e.expectedKw,
        ),
        csv.text(
          { ja: '変更後期待容量(kW)', en: 'Changed expected capacity (kW)' },
          (e: ExpectedCapacity) => e.changedExpectedKw,
        ),
        csv.text(
          { ja: '係数表の版', en: 'Factor table version' },
          (e: ExpectedCapacity) => e.calculation.factorTable?.versionNo ?? '',
        ),
        csv.enumeration(
          { ja: '状態', en: 'Status' },
          (e: ExpectedCapacity) => e.status,
          expectedCapacityStatusLabels,
        ),
        csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (e: ExpectedCapacity) => e.updatedAt),
      ],
    },
  })

  app.get(
    '/window',
    {
      config: { access: routeAccess('expectedCapacities', 'view') },
      schema: {
        operationId: 'getExpectedCapacityWindow',
        summary:
          'The expected capacity window (期待容量登録受付): open now, the next, or the last — of the delivery year when given (its own windows, else those for any year)',
        tags,
        querystring: z.object({
          deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
        }),
        response: {
          200: expectedCapacityWindowSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => currentWindow(app.db, EXPECTED_CAPACITY_WINDOW, request.query.deliveryYear),
  )

  app.post(
    '/calculate',
    {
      config: { access: routeAccess('expectedCapacities', 'view') },
      schema: {
        operationId: 'calculateExpectedCapacity',
        summary: 'Compute an expected capacity without filing anything (how it would come about)',
        tags,
        body: expectedCapacityCalculateSchema,
        response: { 200: expectedCapacityCalculationSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const resource = await ownResource(app, auth, request.body.resourceId)
      return calculateExpectedCapacity(
        app.db,
        resource,
        request.body.deliveryYear,
        request.body.overrides,
        requestLang(request),
      )
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('expectedCapacities', 'view') },
      schema: {
        operationId: 'getExpectedCapacity',
        summary: 'One expected capacity with how it was computed (another participant’s: 404)',
        tags,
        params: idParamSchema,
        response: { 200: expectedCapacitySchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await app.db.expectedCapacity.findUnique({
        where: { id: request.params.id },
        include,
      })
      if (!row) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, row.participantId)
      return toExpectedCapacity(row)
    },
  )

  const versionOf = "The expected capacity's version the change is based on"
  applicationRoutes(app, {
    entityType: 'expectedCapacity',
    functionKey: 'expectedCapacities',
    tags,
    record: (tx, id) =>
      tx.expectedCapacity.findUnique({
        where: { id },
        select: { participantId: true, version: true },
      }),
    register: {
      operationId: 'createExpectedCapacityRegisterApplication',
      summary:
        'Apply to register the expected capacity of a resource for a delivery year (computed, never typed; inside the window)',
      body: applicationRequestSchema(expectedCapacityRegisterSchema),
      // The resource must be the caller's own (another participant's: 404).
      participantOf: async (tx, auth, proposed) => {
        const { resourceId } = proposed as ExpectedCapacityRegister
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
      operationId: 'createExpectedCapacityChangeApplication',
      summary:
        'Apply to change an expected capacity (inside the window), or with afterAuction the changed expected capacity after the auction (841)',
      body: applicationRequestSchema(expectedCapacityChangeSchema, versionOf),
    },
    cancel: {
      operationId: 'createExpectedCapacityCancelApplication',
      summary: 'Apply to cancel an expected capacity (inside the window)',
      body: applicationRequestSchema(cancelApplicationSchema, versionOf),
    },
  })
}
