import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { penaltyAmountSortFields, penaltyTargetSortFields } from '@yoryo/contracts'
import {
  assessmentRequirementLabels,
  idParamSchema,
  penaltyAmountListQuerySchema,
  type PenaltyAmountListQuery,
  penaltyAmountPageSchema,
  penaltyAmountSchema,
  penaltyTargetDetailSchema,
  penaltyTargetListQuerySchema,
  type PenaltyTargetListQuery,
  penaltyTargetPageSchema,
  penaltyTargetSchema,
  penaltyYearQuerySchema,
  penaltyYearSchema,
  problemSchema,
  resourceKindLabels,
  type PenaltyAmount,
  type PenaltyTarget,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { requireAuth } from '../../lib/guards.ts'
import { byColumns, byText, csv, listRoute, sqlList, type CsvColumn } from '../../lib/list.ts'
import {
  penaltyAmountSql,
  penaltyTargetDetail,
  penaltyTargetSql,
  penaltyYear,
  toPenaltyAmount,
  toPenaltyTarget,
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

/**
 * D00 ペナルティ対象 under `/api/v1/penalty-targets` and D20 経済的ペナルティ額 under
 * `/api/v1/penalty-amounts`: the stored assessment results of the latest succeeded run of each
 * month, per penalty line with its evidence (D00) and per resource-month with the caps (D20).
 */
export const penaltyTargetRoutes: FastifyPluginAsyncZod = async (app) => {
  const auth = (request: FastifyRequest) => requireAuth(request)

  listRoute(app, '/', {
    config: { access: routeAccess('penaltyTargets', 'view', { narrowedBy: OWN }) },
    operationId: 'listPenaltyTargets',
    summary:
      'D00: the penalty lines of a month (latest succeeded run), one row per resource and requirement',
    tags: ['economic-penalties', 'D00'],
    querystring: penaltyTargetListQuerySchema,
    item: penaltyTargetSchema,
    page: penaltyTargetPageSchema,
    sort: {
      month: byText('month'),
      participantCode: byText('participant_code'),
      resourceCode: byText('resource_code'),
      resourceName: byText('resource_name'),
      kind: byText('kind'),
      requirement: byText('requirement'),
      count: byColumns('count'),
      shortfallKw: byColumns('shortfall_kw'),
      amount: byColumns('amount'),
    } satisfies Record<TargetField, unknown>,
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: byColumns('resource_code COLLATE "C"', 'id COLLATE "C"')('asc'),
    ...sqlList(
      app.db,
      (query: PenaltyTargetListQuery, request) => penaltyTargetSql(app.db, auth(request), query),
      toPenaltyTarget,
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

  listRoute(app, '/', {
    config: { access: routeAccess('penaltyAmounts', 'view', { narrowedBy: OWN }) },
    operationId: 'listPenaltyAmounts',
    summary:
      'D20: the penalty amounts of a delivery year, one row per resource and month, with the caps',
    tags: ['economic-penalties', 'D20'],
    querystring: penaltyAmountListQuerySchema,
    item: penaltyAmountSchema,
    page: penaltyAmountPageSchema,
    sort: {
      month: byText('month'),
      participantCode: byText('participant_code'),
      resourceCode: byText('resource_code'),
      resourceName: byText('resource_name'),
      annualAmount: byColumns('annual_amount'),
      subtotal: byColumns('subtotal'),
      monthlyCap: byColumns('monthly_cap'),
      waivedMonthly: byColumns('waived_monthly'),
      annualCap: byColumns('annual_cap'),
      waivedAnnual: byColumns('waived_annual'),
      total: byColumns('total'),
      yearToDate: byColumns('year_to_date'),
    } satisfies Record<AmountField, unknown>,
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: byColumns('resource_code COLLATE "C"', 'month', 'result_id')('asc'),
    ...sqlList(
      app.db,
      (query: PenaltyAmountListQuery, request) => penaltyAmountSql(app.db, auth(request), query),
      toPenaltyAmount,
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
