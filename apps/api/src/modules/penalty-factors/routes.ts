import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  applicationRequestSchema,
  applicationSchema,
  contractSchema,
  deliveryYearParamSchema,
  idParamSchema,
  jstToday,
  marketExitProposedSchema,
  penaltyCalculateInputSchema,
  penaltyCalculationSchema,
  penaltyFactorChangeSchema,
  penaltyFactorInputSchema,
  penaltyFactorListQuerySchema,
  penaltyFactorSchema,
  penaltyFactorTypeLabels,
  penaltyParametersInputSchema,
  penaltyParametersSchema,
  penaltyRefundInputSchema,
  problemSchema,
  type PenaltyFactor,
  type PenaltyFactorSortField,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import type { Access } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import { createApplication, toApplication } from '../applications/public.ts'
import { contractInclude, toContract } from '../contracts/public.ts'
import { checkMarketExit, marketExitHandler } from './handler.ts'
import {
  calculatePenalty,
  changePenaltyFactor,
  contractTermsOf,
  factorInclude,
  penaltyParametersOf,
  refundDeliveryYear,
  registerPenaltyFactor,
  toPenaltyFactors,
  upsertParameters,
} from './service.ts'

const tags = ['[190] penalty factors', '190']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

/** The operator registers and changes factors and parameters (190 edit). */
const operatorEdit: Access = {
  roles: ['operator'],
  permission: { function: '190', mode: 'edit' },
}

type Order = Prisma.PenaltyFactorOrderByWithRelationInput
const sort: Record<PenaltyFactorSortField, (d: Direction) => Order> = {
  factorNo: (d) => ({ factorNo: d }),
  participantCode: (d) => ({ participant: { code: d } }),
  resourceCode: (d) => ({ resource: { code: d } }),
  factorType: (d) => ({ factorType: d }),
  kw: (d) => ({ kw: d }),
  occurredOn: (d) => ({ occurredOn: d }),
  amount: (d) => ({ amount: d }),
  deliveryYear: (d) => ({ deliveryYear: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

/**
 * 190 ペナルティ要素情報管理: penalty factors (operator registers and changes; participants read
 * their own), the parameters per delivery year with the refund, the calculation shown before
 * saving, and market exit applications. Registered under `/api/v1`.
 */
export const penaltyFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.entityHandlers.register(marketExitHandler)

  const load = async (id: string): Promise<PenaltyFactor | null> => {
    const row = await app.db.penaltyFactor.findUnique({ where: { id }, include: factorInclude })
    return row ? ((await toPenaltyFactors(app.db, [row]))[0] ?? null) : null
  }

  listRoute(app, '/penalty-factors', {
    config: { access: routeAccess('penaltyFactors', 'view') },
    operationId: 'listPenaltyFactors',
    summary: 'Penalty factors: all for the operator, the own participant’s otherwise',
    tags,
    querystring: penaltyFactorListQuerySchema,
    item: penaltyFactorSchema,
    sort,
    defaultSort: { field: 'occurredOn', direction: 'desc' },
    tieBreak: [{ factorNo: 'desc' }] as Order[],
    where: (q, request): Prisma.PenaltyFactorWhereInput => {
      const auth = requireAuth(request)
      return {
        ...(auth.user.role === 'operator'
          ? q.participantId
            ? { participantId: q.participantId }
            : {}
          : { participantId: auth.participant.id }),
        ...(q.factorType ? { factorType: q.factorType } : {}),
        ...(q.deliveryYear ? { deliveryYear: q.deliveryYear } : {}),
        ...(q.q
          ? {
              OR: [
                { factorNo: containsText(q.q) },
                { resource: { code: containsText(q.q) } },
                { resource: { name: containsText(q.q) } },
              ],
            }
          : {}),
      }
    },
    find: async ({ where, orderBy, skip, take }) =>
      toPenaltyFactors(
        app.db,
        await app.db.penaltyFactor.findMany({ where, orderBy, skip, take, include: factorInclude }),
      ),
    count: (where) => app.db.penaltyFactor.count({ where }),
    csv: {
      fileName: 'penalty-factors.csv',
      columns: [
        csv.text({ ja: '要素番号', en: 'Factor no.' }, (f: PenaltyFactor) => f.factorNo),
        csv.text(
          { ja: '事業者コード', en: 'Participant code' },
          (f: PenaltyFactor) => f.participant.code,
        ),
        csv.text({ ja: '事業者名', en: 'Participant' }, (f: PenaltyFactor) => f.participant.name),
        csv.text(
          { ja: '電源等識別番号', en: 'Resource code' },
          (f: PenaltyFactor) => f.resource.code,
        ),
        csv.text(
          { ja: '契約番号', en: 'Contract no.' },
          (f: PenaltyFactor) => f.contract?.contractNo ?? '',
        ),
        csv.text(
          { ja: '対象実需給年度', en: 'Delivery year' },
          (f: PenaltyFactor) => f.deliveryYear,
        ),
        csv.enumeration(
          { ja: '要素区分', en: 'Factor type' },
          (f: PenaltyFactor) => f.factorType,
          penaltyFactorTypeLabels,
        ),
        csv.text({ ja: '対象容量(kW)', en: 'kW' }, (f: PenaltyFactor) => f.kw),
        csv.date({ ja: '発生日', en: 'Occurred on' }, (f: PenaltyFactor) => f.occurredOn),
        csv.text({ ja: '算定額(円)', en: 'Amount (yen)' }, (f: PenaltyFactor) => f.amount),
        csv.text({ ja: '請求額(円)', en: 'Net amount (yen)' }, (f: PenaltyFactor) => f.netAmount),
        csv.dateTime({ ja: '返還日時', en: 'Refunded at' }, (f: PenaltyFactor) => f.refundedAt),
        csv.text({ ja: '根拠', en: 'Basis' }, (f: PenaltyFactor) => f.basis),
      ],
    },
  })

  app.get(
    '/penalty-factors/:id',
    {
      config: { access: routeAccess('penaltyFactors', 'view') },
      schema: {
        operationId: 'getPenaltyFactor',
        summary:
          'One penalty factor with its calculation line by line and its notices (another participant’s: 404)',
        tags,
        params: idParamSchema,
        response: { 200: penaltyFactorSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const factor = await load(request.params.id)
      if (!factor) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, factor.participant.id)
      return factor
    },
  )

  app.post(
    '/penalty-factors',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'createPenaltyFactor',
        summary:
          'Register a penalty factor on a contract (operator): the amount is computed (rules.md §6) and the 算定額通知書 issued',
        tags,
        body: penaltyFactorInputSchema,
        response: { 201: penaltyFactorSchema, ...problems },
      },
    },
    async (request, reply) => {
      const input = request.body
      const id = await app.db.$transaction(async (tx) => {
        const contract = await contractTermsOf(tx, input.contractId)
        return registerPenaltyFactor(tx, actorOf(request), contract, input)
      })
      reply.code(201)
      return (await load(id)) as PenaltyFactor
    },
  )

  app.put(
    '/penalty-factors/:id',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'changePenaltyFactor',
        summary:
          'Change a penalty factor (operator): a new version, the amount computed again, a new notice; a stale version is 409',
        tags,
        params: idParamSchema,
        body: penaltyFactorChangeSchema,
        response: { 200: penaltyFactorSchema, ...problems },
      },
    },
    async (request) => {
      await app.db.$transaction((tx) =>
        changePenaltyFactor(tx, actorOf(request), request.params.id, request.body),
      )
      return (await load(request.params.id)) as PenaltyFactor
    },
  )

  app.post(
    '/penalty-factors/calculate',
    {
      config: { access: routeAccess('penaltyFactors', 'view') },
      schema: {
        operationId: 'calculatePenaltyFactor',
        summary:
          'The amount a penalty factor (or an exit filed today) would have on a contract, nothing saved',
        tags,
        body: penaltyCalculateInputSchema,
        response: { 200: penaltyCalculationSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const input = request.body
      const contract = await contractTermsOf(app.db, input.contractId)
      assertSameParticipant(auth, contract.participantId)
      const parameters = await penaltyParametersOf(app.db, contract.deliveryYear)
      return calculatePenalty(
        app.db,
        contract,
        { ...input, occurredOn: input.occurredOn ?? jstToday() },
        parameters.additionalAuctionNotHeldAt !== null && input.factorType !== 'other',
      )
    },
  )

  app.get(
    '/penalty-parameters/:deliveryYear',
    {
      config: { access: routeAccess('penaltyFactors', 'view') },
      schema: {
        operationId: 'getPenaltyParameters',
        summary:
          'The penalty parameters of a delivery year: exit rates before / after the additional-auction decision deadline, the deadline, refund',
        tags,
        params: deliveryYearParamSchema,
        response: { 200: penaltyParametersSchema, ...problems },
      },
    },
    async (request) => penaltyParametersOf(app.db, request.params.deliveryYear),
  )

  app.put(
    '/penalty-parameters/:deliveryYear',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'updatePenaltyParameters',
        summary:
          'Set the penalty parameters of a delivery year (operator; version 0 while defaults apply; stale: 409). Existing factors keep their amounts',
        tags,
        params: deliveryYearParamSchema,
        body: penaltyParametersInputSchema,
        response: { 200: penaltyParametersSchema, ...problems },
      },
    },
    async (request) => {
      const year = request.params.deliveryYear
      const input = request.body
      if (input.rateBeforeDeadline > input.rateAfterDeadline) {
        throw new AppError('E-PEN-007', 400)
      }
      await app.db.$transaction(async (tx) => {
        const current = await penaltyParametersOf(tx, year)
        if (current.version !== input.version) throw new AppError('E-COMMON-004', 409)
        await upsertParameters(tx, actorOf(request), year, current, input)
      })
      return penaltyParametersOf(app.db, year)
    },
  )

  app.post(
    '/penalty-parameters/:deliveryYear/refund',
    {
      config: { access: operatorEdit },
      schema: {
        operationId: 'refundPenaltyFactors',
        summary:
          'Record that the additional auction of the delivery year is not held: its exit penalty factors are refunded in full (notices of refund issued)',
        tags,
        params: deliveryYearParamSchema,
        body: penaltyRefundInputSchema,
        response: {
          200: penaltyParametersSchema.extend({ refunded: z.number().int() }),
          ...problems,
        },
      },
    },
    async (request) => {
      const year = request.params.deliveryYear
      const refunded = await app.db.$transaction((tx) =>
        refundDeliveryYear(tx, actorOf(request), year, request.body.version),
      )
      return { ...(await penaltyParametersOf(app.db, year)), refunded }
    },
  )

  app.get(
    '/market-exits/contracts',
    {
      config: { access: routeAccess('penaltyFactors', 'view') },
      schema: {
        operationId: 'listExitableContracts',
        summary:
          'The contracts the caller’s participant may exit (not terminated), newest first, at most 500; the operator: all, or one participant’s; `q` searches contract no., resource code or name and participant code',
        tags,
        querystring: z.object({
          participantId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(contractSchema) }), ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const participantId =
        auth.user.role === 'operator' ? request.query.participantId : auth.participant.id
      const q = request.query.q
      const rows = await app.db.contract.findMany({
        where: {
          state: { not: 'terminated' },
          ...(participantId ? { participantId } : {}),
          ...(q
            ? {
                OR: [
                  { contractNo: containsText(q) },
                  { resource: { code: containsText(q) } },
                  { resource: { name: containsText(q) } },
                  { participant: { code: containsText(q) } },
                ],
              }
            : {}),
        },
        include: contractInclude,
        orderBy: [{ createdAt: 'desc' }, { contractNo: 'desc' }],
        take: 500,
      })
      return { items: rows.map(toContract) }
    },
  )

  app.post(
    '/market-exits/registration-applications',
    {
      config: { access: routeAccess('penaltyFactors', 'edit') },
      schema: {
        operationId: 'fileMarketExit',
        summary:
          'Apply to exit all or part of a contract’s kW (市場退出申込); the operator reviews; approval amends or terminates the contract and registers the penalty factor',
        tags,
        body: applicationRequestSchema(marketExitProposedSchema),
        response: { 201: applicationSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const body = request.body
      const row = await app.db.$transaction(async (tx) => {
        const contract = await tx.contract.findUnique({
          where: { id: body.proposed.contractId },
          select: { participantId: true },
        })
        if (!contract) throw new AppError('E-COMMON-002', 404)
        assertSameParticipant(auth, contract.participantId)
        await checkMarketExit(tx, body.proposed, null, contract.participantId)
        return createApplication(tx, app.entityHandlers, actorOf(request), {
          kind: 'register',
          entityType: 'marketExit',
          entityId: null,
          participantId: contract.participantId,
          proposed: body.proposed,
          submit: body.submit,
          lang: requestLang(request),
        })
      })
      reply.code(201)
      return toApplication(app.db, app.entityHandlers, row)
    },
  )
}
