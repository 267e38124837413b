import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  areaLabels,
  assessmentRequirementLabels,
  assessmentResultListQuerySchema,
  assessmentResultPageSchema,
  assessmentResultSchema,
  assessmentResultSummarySchema,
  assessmentRunInputSchema,
  assessmentRunListQuerySchema,
  assessmentRunListSchema,
  assessmentRunSchema,
  dispatchOrderResultListQuerySchema,
  dispatchOrderResultPageSchema,
  dispatchOrderResultSchema,
  dispatchOrderResultSortFields,
  exemptSlotListQuerySchema,
  exemptSlotPageSchema,
  exemptSlotRowSchema,
  idParamSchema,
  problemSchema,
  resourceKindLabels,
  slotTimeRange,
  type AssessmentResultSummary,
  type DispatchOrderResult,
  type exemptSlotSortFields,
  type ExemptSlotListQuery,
  type ExemptSlotRow,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { byColumns, csv, listRoute, sqlList, type CsvColumn } from '../../lib/list.ts'
import {
  ASSESSMENT_JOB,
  ASSESSMENT_SCHEDULE_EVERY_MS,
  ASSESSMENT_SCHEDULE_JOB,
  assessmentJob,
  assessmentScheduleJob,
  startAssessmentRun,
} from './job.ts'
import {
  dispatchOrderRows,
  exemptSlotSql,
  findResults,
  getResult,
  getRun,
  jsonRowsWhere,
  listRuns,
  memorySort,
  resultListWhere,
  resultSort,
  resultTieBreak,
  selectedRun,
  sortRows,
  toExemptSlotRow,
  type JsonRowsWhere,
  type MemorySort,
} from './results.ts'

type OrderField = (typeof dispatchOrderResultSortFields)[number]
type ExemptField = (typeof exemptSlotSortFields)[number]

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const OWN = 'participants see their own resources only; the operator all'
const tagsB40 = ['assessment', 'B40']

const slotText = (slot: number) => {
  const r = slotTimeRange(slot)
  return `${r.start}–${r.end}`
}

/** 指令時間帯 as the C00 screen shows it: from the first ordered slot's start to the last one's end. */
const orderedTimeText = (r: DispatchOrderResult) => {
  const last = Math.min(r.firstSlot + r.slotCount - 1, 48)
  return `${slotTimeRange(r.firstSlot).start}–${slotTimeRange(last).end}`
}

const resultCsv: CsvColumn<AssessmentResultSummary>[] = [
  ...csv.resource<AssessmentResultSummary>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  csv.text({ ja: '版', en: 'Version' }, (r) => r.version),
  csv.enumeration({ ja: '電源等の区分', en: 'Resource kind' }, (r) => r.kind, resourceKindLabels),
  csv.enumeration({ ja: 'エリア', en: 'Area' }, (r) => r.area, areaLabels),
  csv.text({ ja: '契約容量(kW)', en: 'Contract kW' }, (r) => r.contractKw),
  csv.text({ ja: '容量確保契約金額 A(円)', en: 'Contract amount A (yen)' }, (r) => r.annualAmount),
  csv.text({ ja: '当月停止日数', en: 'Outage days in month' }, (r) => r.outageDaysInMonth),
  csv.text({ ja: '前月までの停止日数', en: 'Outage days before' }, (r) => r.outageDaysBefore),
  csv.text(
    { ja: '前月までのペナルティ(円)', en: 'Penalties before (yen)' },
    (r) => r.penaltiesBefore,
  ),
  {
    header: { ja: '要件', en: 'Requirements' },
    value: (r, lang) => r.requirements.map((q) => assessmentRequirementLabels[q][lang]).join(' / '),
  },
  csv.text({ ja: '算定額(円)', en: 'Subtotal (yen)' }, (r) => r.subtotal),
  csv.text(
    { ja: '月間上限による減額(円)', en: 'Waived, monthly cap (yen)' },
    (r) => r.waivedMonthly,
  ),
  csv.text({ ja: '年間上限による減額(円)', en: 'Waived, annual cap (yen)' }, (r) => r.waivedAnnual),
  csv.text({ ja: 'ペナルティ額(円)', en: 'Penalty (yen)' }, (r) => r.total),
  csv.text({ ja: '稼働抑制コマ数', en: 'Exempt slots' }, (r) => r.exemptSlotCount),
]

const orderCsv: CsvColumn<DispatchOrderResult>[] = [
  csv.text({ ja: '発動指令ID', en: 'Order ID' }, (r) => r.orderId),
  ...csv.resource<DispatchOrderResult>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  csv.text({ ja: '日付', en: 'Date' }, (r) => r.date),
  csv.text({ ja: '指令時間帯', en: 'Ordered time' }, (r) => orderedTimeText(r)),
  csv.text({ ja: 'コマ数', en: 'Slots' }, (r) => r.slotCount),
  csv.text({ ja: '指令量計(kW)', en: 'Instructed kW' }, (r) => r.instructedKw),
  csv.text({ ja: '応動量計(kW)', en: 'Delivered kW' }, (r) => r.deliveredKw),
  csv.text({ ja: '応動率', en: 'Ratio' }, (r) => r.ratio),
  csv.text({ ja: '算定額(円)', en: 'Amount (yen)' }, (r) => r.amount),
]

const exemptCsv: CsvColumn<ExemptSlotRow>[] = [
  ...csv.resource<ExemptSlotRow>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.enumeration({ ja: 'エリア', en: 'Area' }, (r) => r.area, areaLabels),
  csv.text({ ja: '日付', en: 'Date' }, (r) => r.date),
  csv.text({ ja: '時間帯', en: 'Time' }, (r) => slotText(r.slot)),
  csv.text({ ja: '抑制量(kW)', en: 'Restrained kW' }, (r) => r.restrainedKw),
  {
    header: { ja: '取扱い', en: 'Treatment' },
    value: (_r, lang) => (lang === 'ja' ? '要件2〜4の対象外' : 'Exempt from requirements 2–4'),
  },
]

/** The paging of rows read out of the results' JSON (C00): sorted and sliced here. */
function memoryPage<T, F extends string & keyof T>(read: (filter: JsonRowsWhere) => Promise<T[]>) {
  return {
    find: async (args: {
      where: JsonRowsWhere
      orderBy: MemorySort<F>[]
      skip: number
      take: number
    }) => sortRows(await read(args.where), args.orderBy).slice(args.skip, args.skip + args.take),
    count: async (where: JsonRowsWhere) => (await read(where)).length,
  }
}

/**
 * The monthly assessment under `/api/v1/assessments`: runs (the operator starts one; the schedule
 * queues the month just ended), results (B40), dispatch orders (C00) and exempt slots (B90).
 */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.jobs.register(ASSESSMENT_JOB, assessmentJob(app.db))
  app.jobs.register(ASSESSMENT_SCHEDULE_JOB, assessmentScheduleJob(app.db, app.jobs))
  app.jobs.recur(ASSESSMENT_SCHEDULE_JOB, ASSESSMENT_SCHEDULE_EVERY_MS)

  const auth = (request: FastifyRequest) => requireAuth(request)

  app.post(
    '/runs',
    {
      config: { access: routeAccess('assessmentResults', 'edit') },
      schema: {
        operationId: 'startAssessmentRun',
        summary: 'Assess a month: queue a run (version n + 1) of every contracted resource',
        description:
          'The month must have ended (JST, E-ASMT-001) and lie in a delivery year with contracts ' +
          '(E-ASMT-002); no run of the month may be queued or running (E-ASMT-003). The job ' +
          'writes the results, the B50 omission flags and the run in one transaction; poll ' +
          '`GET /assessments/runs/{id}` for its progress.',
        tags: tagsB40,
        body: assessmentRunInputSchema,
        response: { 202: assessmentRunSchema, ...problems },
      },
    },
    async (request, reply) => {
      const run = await startAssessmentRun(app.db, app.jobs, actorOf(request), request.body.month)
      return reply.code(202).send(await getRun(app.db, auth(request), run.id))
    },
  )

  app.get(
    '/runs',
    {
      config: { access: routeAccess('assessmentResults', 'view') },
      schema: {
        operationId: 'listAssessmentRuns',
        summary: 'The runs (versions) of a month, latest first, with state and progress',
        description: 'The amount over all resources and a failed run’s error: operator only.',
        tags: tagsB40,
        querystring: assessmentRunListQuerySchema,
        response: { 200: assessmentRunListSchema, ...problems },
      },
    },
    async (request) => ({ items: await listRuns(app.db, auth(request), request.query.month) }),
  )

  app.get(
    '/runs/:id',
    {
      config: { access: routeAccess('assessmentResults', 'view') },
      schema: {
        operationId: 'getAssessmentRun',
        summary: 'One run with its state and progress (poll it while it runs)',
        tags: tagsB40,
        params: idParamSchema,
        response: { 200: assessmentRunSchema, ...problems },
      },
    },
    async (request) => getRun(app.db, auth(request), request.params.id),
  )

  listRoute(app, '/results', {
    config: { access: routeAccess('assessmentResults', 'view', { narrowedBy: OWN }) },
    operationId: 'listAssessmentResults',
    summary:
      'Results of a run (`runId`) or of the latest succeeded run of a month (`month`), one row per resource',
    tags: tagsB40,
    querystring: assessmentResultListQuerySchema,
    item: assessmentResultSummarySchema,
    page: assessmentResultPageSchema,
    sort: resultSort,
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: resultTieBreak,
    where: async (query, request) =>
      resultListWhere(auth(request), await selectedRun(app.db, query), query),
    find: (args) => findResults(app.db, args),
    count: (where) => app.db.assessmentResult.count({ where }),
    csv: { fileName: 'assessment-results.csv', columns: resultCsv },
  })

  app.get(
    '/results/:id',
    {
      config: { access: routeAccess('assessmentResults', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getAssessmentResult',
        summary:
          'One result: the lines with their evidence, the basis the input was built from and the exempt slots',
        tags: tagsB40,
        params: idParamSchema,
        response: { 200: assessmentResultSchema, ...problems },
      },
    },
    async (request) => getResult(app.db, auth(request), request.params.id),
  )

  listRoute<
    typeof dispatchOrderResultListQuerySchema,
    typeof dispatchOrderResultSchema,
    OrderField,
    JsonRowsWhere,
    MemorySort<OrderField>
  >(app, '/dispatch-orders', {
    config: { access: routeAccess('dispatchOrderResults', 'view', { narrowedBy: OWN }) },
    operationId: 'listDispatchOrderResults',
    summary:
      'C00: the dispatch orders of a run (or of the latest succeeded run of a month) with ratio and amount',
    tags: ['assessment', 'C00'],
    querystring: dispatchOrderResultListQuerySchema,
    item: dispatchOrderResultSchema,
    page: dispatchOrderResultPageSchema,
    sort: memorySort(dispatchOrderResultSortFields),
    defaultSort: { field: 'startAt', direction: 'asc' },
    tieBreak: [{ field: 'orderId', direction: 'asc' }],
    where: async (query, request) => {
      const caller = auth(request)
      const run = await selectedRun(app.db, query)
      const visible: Prisma.AssessmentResultWhereInput =
        caller.user.role === 'operator' ? {} : { participantId: caller.participant.id }
      return {
        where: jsonRowsWhere(caller, run, visible, query),
        shortfall: query.shortfall === 'true',
      }
    },
    ...memoryPage<DispatchOrderResult, OrderField>((w) => dispatchOrderRows(app.db, w)),
    csv: { fileName: 'dispatch-order-results.csv', columns: orderCsv },
  })

  listRoute(app, '/exempt-slots', {
    config: {
      access: routeAccess('operationRestraint', 'view', {
        narrowedBy: 'participants see their own resources, a TSO those of its service area',
      }),
    },
    operationId: 'listAssessmentExemptSlots',
    summary:
      'B90: the slots exempt from requirements 2–4 by operation restraint in a run, per resource and slot',
    tags: ['assessment', 'B90'],
    querystring: exemptSlotListQuerySchema,
    item: exemptSlotRowSchema,
    page: exemptSlotPageSchema,
    sort: {
      date: byColumns('date'),
      resourceCode: byColumns('resource_code'),
      restrainedKw: byColumns('restrained_kw'),
    } satisfies Record<ExemptField, unknown>,
    defaultSort: { field: 'date', direction: 'asc' },
    tieBreak: byColumns('resource_code', 'slot')('asc'),
    ...sqlList(
      app.db,
      async (query: ExemptSlotListQuery, request) =>
        exemptSlotSql(app.db, auth(request), await selectedRun(app.db, query), query),
      toExemptSlotRow,
    ),
    csv: { fileName: 'exempt-slots.csv', columns: exemptCsv },
  })
}
