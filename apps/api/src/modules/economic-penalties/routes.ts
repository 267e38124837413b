import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  assessmentRequirementLabels,
  idParamSchema,
  penaltyAmountListQuerySchema,
  penaltyAmountPageSchema,
  penaltyAmountSchema,
  penaltyAmountSortFields,
  penaltyTargetDetailSchema,
  penaltyTargetListQuerySchema,
  penaltyTargetPageSchema,
  penaltyTargetSchema,
  penaltyTargetSortFields,
  penaltyYearQuerySchema,
  penaltyYearSchema,
  problemSchema,
  resourceKindLabels,
  type PenaltyAmount,
  type PenaltyTarget,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import { memorySort, sortRows, type MemorySort } from '../assessment/public.ts'
import {
  penaltyAmountRows,
  penaltyAmountWhere,
  penaltyTargetDetail,
  penaltyTargetRows,
  penaltyTargetWhere,
  penaltyYear,
  type PenaltyTargetWhere,
} from './service.ts'

type TargetField = (typeof penaltyTargetSortFields)[number]
type AmountField = (typeof penaltyAmountSortFields)[number]

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema }
const OWN = 'participants see their own resources only (others: 404); the operator all'

const targetCsv: CsvColumn<PenaltyTarget>[] = [
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  ...csv.resource<PenaltyTarget>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.enumeration({ ja: '電源等の区分', en: 'Resource kind' }, (r) => r.kind, resourceKindLabels),
  csv.enumeration(
    { ja: 'リクワイアメント', en: 'Requirement' },
    (r) => r.requirement,
    assessmentRequirementLabels,
  ),
  csv.text({ ja: 'コマ数(発動指令は回数)', en: 'Slots (orders)' }, (r) => r.count),
  csv.text({ ja: '不足量合計(kW)', en: 'Shortfall kW (sum)' }, (r) => r.shortfallKw),
  csv.text({ ja: '上限適用前の額(円)', en: 'Amount before caps (yen)' }, (r) => r.amount),
  {
    header: { ja: '上限による免除', en: 'Waived by a cap' },
    value: (r, lang) => (r.waived ? (lang === 'ja' ? 'あり' : 'Yes') : ''),
  },
]

const amountCsv: CsvColumn<PenaltyAmount>[] = [
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  ...csv.resource<PenaltyAmount>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.text({ ja: '年間契約金額(円)', en: 'Annual amount (yen)' }, (r) => r.annualAmount),
  csv.text({ ja: '小計(円)', en: 'Subtotal (yen)' }, (r) => r.subtotal),
  csv.text({ ja: '月間上限額(円)', en: 'Monthly cap (yen)' }, (r) => r.monthlyCap),
  csv.text({ ja: '月間上限超過免除(円)', en: 'Waived, monthly cap (yen)' }, (r) => r.waivedMonthly),
  csv.text({ ja: '年間上限額(円)', en: 'Annual cap (yen)' }, (r) => r.annualCap),
  csv.text(
    { ja: '前月までのペナルティ(円)', en: 'Penalties before (yen)' },
    (r) => r.penaltiesBefore,
  ),
  csv.text({ ja: '年間上限超過免除(円)', en: 'Waived, annual cap (yen)' }, (r) => r.waivedAnnual),
  csv.text({ ja: 'ペナルティ額(円)', en: 'Penalty (yen)' }, (r) => r.total),
  csv.text({ ja: '年度累計(円)', en: 'Year to date (yen)' }, (r) => r.yearToDate),
]

/** Rows built from the results' JSON are sorted and paged here (as C00 and B90 do). */
function memoryPage<W, T, F extends string & keyof T>(read: (where: W) => Promise<T[]>) {
  return {
    find: async (args: { where: W; orderBy: MemorySort<F>[]; skip: number; take: number }) =>
      sortRows(await read(args.where), args.orderBy).slice(args.skip, args.skip + args.take),
    count: async (where: W) => (await read(where)).length,
  }
}

/**
 * D00 ペナルティ対象 under `/api/v1/penalty-targets` and D20 経済的ペナルティ額 under
 * `/api/v1/penalty-amounts`: the stored assessment results of the latest succeeded run of each
 * month, per penalty line with its evidence (D00) and per resource-month with the caps (D20).
 */
export const penaltyTargetRoutes: FastifyPluginAsyncZod = async (app) => {
  const auth = (request: FastifyRequest) => requireAuth(request)

  listRoute<
    typeof penaltyTargetListQuerySchema,
    typeof penaltyTargetSchema,
    TargetField,
    PenaltyTargetWhere,
    MemorySort<TargetField | 'id'>
  >(app, '/', {
    config: { access: routeAccess('penaltyTargets', 'view', { narrowedBy: OWN }) },
    operationId: 'listPenaltyTargets',
    summary:
      'D00: the penalty lines of a month (latest succeeded run), one row per resource and requirement',
    tags: ['economic-penalties', 'D00'],
    querystring: penaltyTargetListQuerySchema,
    item: penaltyTargetSchema,
    page: penaltyTargetPageSchema,
    sort: memorySort(penaltyTargetSortFields),
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: [
      { field: 'resourceCode', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
    where: (query, request) => penaltyTargetWhere(app.db, auth(request), query),
    ...memoryPage<PenaltyTargetWhere, PenaltyTarget, TargetField | 'id'>((w) =>
      penaltyTargetRows(app.db, w),
    ),
    csv: { fileName: 'penalty-targets.csv', columns: targetCsv },
  })

  app.get(
    '/:id',
    {
      config: { access: routeAccess('penaltyTargets', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getPenaltyTarget',
        summary:
          'D00: one resource-month (assessment result ID) with its penalty lines and their evidence',
        description:
          'Amounts as stored by the assessment run; each evidence slot with the values it came ' +
          'from (delivery data as fed, `changedAfterRun` when fed again after the run) and the ' +
          'dispatch orders with their ratio; the slots exempt by operation restraint (B90).',
        tags: ['economic-penalties', 'D00'],
        params: idParamSchema,
        response: { 200: penaltyTargetDetailSchema, ...problems },
      },
    },
    async (request) => penaltyTargetDetail(app.db, auth(request), request.params.id),
  )
}

export const penaltyAmountRoutes: FastifyPluginAsyncZod = async (app) => {
  const auth = (request: FastifyRequest) => requireAuth(request)

  listRoute<
    typeof penaltyAmountListQuerySchema,
    typeof penaltyAmountSchema,
    AmountField,
    Prisma.AssessmentResultWhereInput,
    MemorySort<AmountField | 'resultId'>
  >(app, '/', {
    config: { access: routeAccess('penaltyAmounts', 'view', { narrowedBy: OWN }) },
    operationId: 'listPenaltyAmounts',
    summary:
      'D20: the penalty amounts of a delivery year, one row per resource and month, with the caps',
    tags: ['economic-penalties', 'D20'],
    querystring: penaltyAmountListQuerySchema,
    item: penaltyAmountSchema,
    page: penaltyAmountPageSchema,
    sort: memorySort(penaltyAmountSortFields),
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: [
      { field: 'resourceCode', direction: 'asc' },
      { field: 'month', direction: 'asc' },
      { field: 'resultId', direction: 'asc' },
    ],
    where: (query, request) => penaltyAmountWhere(app.db, auth(request), query),
    ...memoryPage<Prisma.AssessmentResultWhereInput, PenaltyAmount, AmountField | 'resultId'>((w) =>
      penaltyAmountRows(app.db, w),
    ),
    csv: { fileName: 'penalty-amounts.csv', columns: amountCsv },
  })

  app.get(
    '/resources/:id',
    {
      config: { access: routeAccess('penaltyAmounts', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getPenaltyYear',
        summary: 'D20: one resource’s twelve months of a delivery year, the totals and the caps',
        tags: ['economic-penalties', 'D20'],
        params: idParamSchema,
        querystring: penaltyYearQuerySchema,
        response: { 200: penaltyYearSchema, ...problems },
      },
    },
    async (request) =>
      penaltyYear(app.db, auth(request), request.params.id, request.query.deliveryYear),
  )
}
