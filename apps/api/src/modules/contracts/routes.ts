import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  contractConfirmSchema,
  contractCorrectionAnswerSchema,
  contractCorrectionRequestSchema,
  contractDetailSchema,
  contractListQuerySchema,
  contractSchema,
  contractStateLabels,
  idParamSchema,
  problemSchema,
  type Contract,
  type ContractListQuery,
  type ContractSortField,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type CsvColumn, type Direction } from '../../lib/list.ts'
import { contractInclude, toContract } from './contract.ts'
import { answerCorrection, confirmContract, contractDetail, requestCorrection } from './service.ts'

const tags = ['contracts', '130']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

type Order = Prisma.ContractOrderByWithRelationInput

const sort: Record<ContractSortField, (d: Direction) => Order> = {
  contractNo: (d) => ({ contractNo: d }),
  participantCode: (d) => ({ participant: { code: d } }),
  resourceCode: (d) => ({ resource: { code: d } }),
  resourceName: (d) => ({ resource: { name: d } }),
  deliveryYear: (d) => ({ deliveryYear: d }),
  contractKw: (d) => ({ contractKw: d }),
  areaPrice: (d) => ({ areaPrice: d }),
  annualAmount: (d) => ({ annualAmount: d }),
  state: (d) => ({ state: d }),
  updatedAt: (d) => ({ updatedAt: d }),
}

const monthHeaders = [
  '4月',
  '5月',
  '6月',
  '7月',
  '8月',
  '9月',
  '10月',
  '11月',
  '12月',
  '1月',
  '2月',
  '3月',
]
const monthHeadersEn = [
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  'Jan',
  'Feb',
  'Mar',
]

const csvColumns: CsvColumn<Contract>[] = [
  csv.text({ ja: '契約番号', en: 'Contract no.' }, (c) => c.contractNo),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (c) => c.participantCode),
  csv.text({ ja: '事業者名', en: 'Participant' }, (c) => c.participantName),
  ...csv.resource((c: Contract) => ({ code: c.resourceCode, name: c.resourceName })),
  csv.text({ ja: 'オークションID', en: 'Auction' }, (c) => c.auctionCode),
  csv.text({ ja: '実需給年度', en: 'Delivery year' }, (c) => c.deliveryYear),
  csv.text({ ja: '落札容量(kW)', en: 'Awarded (kW)' }, (c) => c.awardedKw),
  csv.text({ ja: '契約容量(kW)', en: 'Contract (kW)' }, (c) => c.contractKw),
  csv.text({ ja: 'エリアプライス(円/kW/年)', en: 'Area price (yen/kW/year)' }, (c) => c.areaPrice),
  csv.text({ ja: '経過措置控除率', en: 'Deduction rate' }, (c) => c.deductionRate),
  csv.text({ ja: '容量確保契約金額(円)', en: 'Annual amount (yen)' }, (c) => c.annualAmount),
  ...monthHeaders.map((ja, i) =>
    csv.text<Contract>(
      { ja: `月額 ${ja}(円)`, en: `${monthHeadersEn[i] ?? ''} (yen)` },
      (c) => c.monthlyAmounts[i],
    ),
  ),
  csv.enumeration({ ja: '状態', en: 'State' }, (c) => c.state, contractStateLabels),
  csv.dateTime({ ja: '確認日時', en: 'Confirmed at' }, (c) => c.confirmedAt),
  csv.dateTime({ ja: '更新日時', en: 'Updated at' }, (c) => c.updatedAt),
]

/**
 * 容量確保契約 (130) under `/api/v1/contracts`: the list (kit), one contract with its changes and
 * documents, and the participant's confirmation / correction request and the operator's answer.
 */
export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: {
      access: routeAccess('contracts', 'view', {
        narrowedBy: 'participants see only their own contracts',
      }),
    },
    operationId: 'listContracts',
    summary: 'Capacity contracts: all for the operator, the own participant’s for a participant',
    tags,
    querystring: contractListQuerySchema,
    item: contractSchema,
    sort,
    defaultSort: { field: 'contractNo', direction: 'asc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: (q: ContractListQuery, request): Prisma.ContractWhereInput => {
      const auth = requireAuth(request)
      return {
        ...(auth.user.role === 'operator'
          ? q.participantCode
            ? { participant: { code: q.participantCode } }
            : {}
          : { participantId: auth.participant.id }),
        ...(q.deliveryYear ? { deliveryYear: q.deliveryYear } : {}),
        ...(q.auctionId ? { auctionId: q.auctionId } : {}),
        ...(q.state ? { state: q.state } : {}),
        ...(q.q
          ? {
              OR: [
                { contractNo: containsText(q.q) },
                { resource: { code: containsText(q.q) } },
                { resource: { name: containsText(q.q) } },
              ],
            }
          : {}),
      }
    },
    find: async ({ where, orderBy, skip, take }) =>
      (
        await app.db.contract.findMany({ where, orderBy, skip, take, include: contractInclude })
      ).map(toContract),
    count: (where) => app.db.contract.count({ where }),
    csv: { fileName: 'contracts.csv', columns: csvColumns },
  })

  app.get(
    '/:id',
    {
      config: {
        access: routeAccess('contracts', 'view', {
          narrowedBy: "participants see only their own contracts (another's is 404)",
        }),
      },
      schema: {
        operationId: 'getContract',
        summary: 'One capacity contract with its amounts, changes and documents',
        tags,
        params: idParamSchema,
        response: { 200: contractDetailSchema, ...problems },
      },
    },
    async (request) => contractDetail(app.db, requireAuth(request), request.params.id),
  )

  app.post(
    '/:id/confirm',
    {
      config: {
        access: routeAccess('contracts', 'edit', {
          narrowedBy: 'only the contract’s own participant confirms (the operator: 403)',
        }),
      },
      schema: {
        operationId: 'confirmContract',
        summary: 'Confirm a draft contract (participant): issues the 容量確保契約書',
        description:
          '`draft` → `confirmed`; the contract document (本紙 + 別紙) is issued. Another state: ' +
          '409 `E-CON-001`; another version: 409 `E-COMMON-004`.',
        tags,
        params: idParamSchema,
        body: contractConfirmSchema,
        response: { 200: contractDetailSchema, ...problems },
      },
    },
    async (request) =>
      confirmContract(
        app.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  )

  app.post(
    '/:id/correction-request',
    {
      config: {
        access: routeAccess('contracts', 'edit', {
          narrowedBy:
            'only the contract’s own participant asks for a correction (the operator: 403)',
        }),
      },
      schema: {
        operationId: 'requestContractCorrection',
        summary: 'Ask for a correction of a draft contract, with the reason (participant)',
        description:
          '`draft` → `correctionRequested`. Another state: 409 `E-CON-001`; another version: 409 ' +
          '`E-COMMON-004`.',
        tags,
        params: idParamSchema,
        body: contractCorrectionRequestSchema,
        response: { 200: contractDetailSchema, ...problems },
      },
    },
    async (request) =>
      requestCorrection(
        app.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  )

  app.post(
    '/:id/correction-answer',
    {
      config: {
        access: routeAccess('contracts', 'edit', {
          narrowedBy: 'only the operator answers a correction request (participants: 403)',
        }),
      },
      schema: {
        operationId: 'answerContractCorrection',
        summary: 'Answer a correction request (operator): correct the contract kW or decline',
        description:
          '`correctionRequested` → `draft`, with the answer. `correct` changes the contract kW ' +
          '(0 < kW ≤ awarded kW, else 400 `E-CON-003`) through the one amendment path ' +
          '(source `correction`; amounts recomputed); `decline` keeps the terms. The participant ' +
          'then confirms. Another state: 409 `E-CON-001`; another version: 409 `E-COMMON-004`.',
        tags,
        params: idParamSchema,
        body: contractCorrectionAnswerSchema,
        response: { 200: contractDetailSchema, ...problems },
      },
    },
    async (request) =>
      answerCorrection(
        app.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  )
}
