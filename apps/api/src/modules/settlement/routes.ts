import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  contractAmountDetailSchema,
  contractAmountListQuerySchema,
  contractAmountPageSchema,
  contractAmountSchema,
  idParamSchema,
  paymentItemStateLabels,
  problemSchema,
  settlementDocumentDetailSchema,
  settlementDocumentKindLabels,
  settlementDocumentListQuerySchema,
  settlementDocumentPageSchema,
  settlementDocumentSchema,
  settlementIssueResultSchema,
  settlementLineKindLabels,
  settlementRunInputSchema,
  settlementRunListQuerySchema,
  settlementRunListSchema,
  settlementRunSchema,
  type ContractAmount,
  type SettlementDocumentRow,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import { issueSettlementDocuments } from './documents.ts'
import { SETTLEMENT_JOB, settlementJob, startSettlementRun } from './job.ts'
import {
  documentListWhere,
  documentSort,
  documentTieBreak,
  findDocuments,
  findLines,
  getDocument,
  getLine,
  getRun,
  lineListWhere,
  lineSort,
  lineTieBreak,
  listRuns,
  selectedRun,
} from './service.ts'

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const OWN = 'participants see their own lines and documents only; the operator all'
const tagsE10 = ['settlement', 'E10']
const tagsF00 = ['settlement', 'F00']

const lineCsv: CsvColumn<ContractAmount>[] = [
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  csv.text({ ja: '版', en: 'Version' }, (r) => r.version),
  csv.text({ ja: '契約番号', en: 'Contract No.' }, (r) => r.contractNo),
  csv.enumeration({ ja: '区分', en: 'Kind' }, (r) => r.kind, settlementLineKindLabels),
  ...csv.resource<ContractAmount>(
    (r) => ({ code: r.resourceCode, name: r.resourceName }),
    (r) => ({ code: r.participantCode }),
  ),
  csv.text({ ja: '契約容量(kW)', en: 'Contract kW' }, (r) => r.contractKw),
  csv.text({ ja: '月額契約金額(円)', en: 'Monthly amount (yen)' }, (r) => r.monthlyAmount),
  csv.text({ ja: '差替容量(kW)', en: 'Replacement kW' }, (r) => r.replacementKw),
  csv.text({ ja: '差替による増減(円)', en: 'Replacement (yen)' }, (r) => r.replacementAmount),
  csv.text({ ja: '対象金額(円)', en: 'Amount (yen)' }, (r) => r.amount),
  csv.text({ ja: 'ペナルティ(円)', en: 'Penalty (yen)' }, (r) => r.penalty),
  csv.text({ ja: 'リリース容量(kW)', en: 'Released kW' }, (r) => r.releasedKw),
  csv.text({ ja: 'リリース請求額(円)', en: 'Release billed (yen)' }, (r) => r.billedAmount),
  csv.text({ ja: '差引額(円)', en: 'Net (yen)' }, (r) => r.net),
]

const documentCsv: CsvColumn<SettlementDocumentRow>[] = [
  csv.text({ ja: '文書番号', en: 'Document No.' }, (r) => r.documentNo),
  csv.enumeration({ ja: '帳票', en: 'Document' }, (r) => r.kind, settlementDocumentKindLabels),
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (r) => r.participantCode),
  csv.text({ ja: '事業者名', en: 'Participant' }, (r) => r.participantName),
  csv.text({ ja: '発行日', en: 'Issued on' }, (r) => r.issuedOn),
  csv.text({ ja: '明細数', en: 'Lines' }, (r) => r.lineCount),
  csv.text({ ja: '税抜差引額(円)', en: 'Subtotal (yen)' }, (r) => r.subtotal),
  csv.text({ ja: '税抜対象額(円)', en: 'Base (yen)' }, (r) => r.base),
  csv.text({ ja: '消費税額(円)', en: 'Tax (yen)' }, (r) => r.tax),
  csv.text({ ja: '税込金額(円)', en: 'Total (yen)' }, (r) => r.total),
  csv.text({ ja: '関連文書番号', en: 'Related document' }, (r) => r.relatedDocumentNo),
  // F10: the money side of the document.
  csv.text({ ja: '支払期日', en: 'Due date' }, (r) => r.dueDate),
  csv.text({ ja: '決済済額(円)', en: 'Paid (yen)' }, (r) => r.paid),
  csv.text({ ja: '未決済額(円)', en: 'Open (yen)' }, (r) => r.openAmount),
  csv.enumeration(
    { ja: '決済状況', en: 'Payment state' },
    (r) => r.paymentState,
    paymentItemStateLabels,
  ),
  csv.text({ ja: '期限超過', en: 'Overdue' }, (r) => (r.overdue ? '1' : '0')),
]

/** The settlement runs under `/api/v1/settlements` (E10 edit starts one; F00 edit issues). */
export const settlementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.jobs.register(SETTLEMENT_JOB, settlementJob(app.db))

  app.post(
    '/',
    {
      config: { access: routeAccess('contractAmounts', 'edit') },
      schema: {
        operationId: 'startSettlementRun',
        summary: 'Settle a month: queue a run (version n + 1) over every counted contract',
        description:
          'The month must have ended (JST, E-STL-001) and have a succeeded assessment run ' +
          '(E-STL-002); no run of the month may be queued or running (E-STL-003); once the ' +
          'month’s documents are issued it is not settled again (E-STL-004). Poll ' +
          '`GET /settlements/{id}` for its progress.',
        tags: tagsE10,
        body: settlementRunInputSchema,
        response: { 202: settlementRunSchema, ...problems },
      },
    },
    async (request, reply) => {
      const run = await startSettlementRun(app.db, app.jobs, actorOf(request), request.body.month)
      return reply.code(202).send(await getRun(app.db, requireAuth(request), run.id))
    },
  )

  app.get(
    '/',
    {
      config: { access: routeAccess('contractAmounts', 'view') },
      schema: {
        operationId: 'listSettlementRuns',
        summary: 'The settlement runs (versions) of a month, latest first, with state and progress',
        description: 'The sums over all lines and a failed run’s error: operator only.',
        tags: tagsE10,
        querystring: settlementRunListQuerySchema,
        response: { 200: settlementRunListSchema, ...problems },
      },
    },
    async (request) => ({
      items: await listRuns(app.db, requireAuth(request), request.query.month),
    }),
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('contractAmounts', 'view') },
      schema: {
        operationId: 'getSettlementRun',
        summary: 'One settlement run with its state and progress (poll it while it runs)',
        tags: tagsE10,
        params: idParamSchema,
        response: { 200: settlementRunSchema, ...problems },
      },
    },
    async (request) => getRun(app.db, requireAuth(request), request.params.id),
  )

  app.post(
    '/:id/documents',
    {
      config: { access: routeAccess('settlementDocuments', 'edit') },
      schema: {
        operationId: 'issueSettlementDocuments',
        summary:
          'Issue the month’s payment notices (and invoices where the net is negative) from a run',
        description:
          'Only from the month’s latest succeeded run (E-STL-006), once per month (E-STL-007). ' +
          'One transaction; every document numbered and audited.',
        tags: tagsF00,
        params: idParamSchema,
        body: z.strictObject({}).optional(),
        response: { 201: settlementIssueResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const issued = await issueSettlementDocuments(app.db, actorOf(request), request.params.id)
      const run = await getRun(app.db, requireAuth(request), request.params.id)
      return reply.code(201).send({ run, ...issued })
    },
  )
}

/** E10 under `/api/v1/contract-amounts`: the lines of a run, one with its basis. */
export const contractAmountRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('contractAmounts', 'view', { narrowedBy: OWN }) },
    operationId: 'listContractAmounts',
    summary:
      'E10: one row per contract and resource of a run (`runId`) or of the month’s current run (`month`)',
    tags: tagsE10,
    querystring: contractAmountListQuerySchema,
    item: contractAmountSchema,
    page: contractAmountPageSchema,
    sort: lineSort,
    defaultSort: { field: 'contractNo', direction: 'asc' },
    tieBreak: lineTieBreak,
    where: async (query, request) =>
      lineListWhere(requireAuth(request), await selectedRun(app.db, query), query),
    find: (args) => findLines(app.db, args),
    count: (where) => app.db.settlementLine.count({ where }),
    csv: { fileName: 'contract-amounts.csv', columns: lineCsv },
  })

  app.get(
    '/:id',
    {
      config: { access: routeAccess('contractAmounts', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getContractAmount',
        summary:
          'One line with its basis: the contract’s terms, the replacement moves, the penalty share and its assessment result',
        tags: tagsE10,
        params: idParamSchema,
        response: { 200: contractAmountDetailSchema, ...problems },
      },
    },
    async (request) => getLine(app.db, requireAuth(request), request.params.id),
  )
}

/** F00 under `/api/v1/settlement-documents`: the issued payment notices and invoices. */
export const settlementDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('settlementDocuments', 'view', { narrowedBy: OWN }) },
    operationId: 'listSettlementDocuments',
    summary: 'F00: the issued payment notices and invoices (PDF: `/documents/{documentId}/pdf`)',
    tags: tagsF00,
    querystring: settlementDocumentListQuerySchema,
    item: settlementDocumentSchema,
    page: settlementDocumentPageSchema,
    sort: documentSort,
    defaultSort: { field: 'documentNo', direction: 'asc' },
    tieBreak: documentTieBreak,
    where: (query, request) => documentListWhere(requireAuth(request), query),
    find: (args) => findDocuments(app.db, args),
    count: (where) => app.db.settlementDocument.count({ where }),
    csv: { fileName: 'settlement-documents.csv', columns: documentCsv },
  })

  app.get(
    '/:id',
    {
      config: { access: routeAccess('settlementDocuments', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getSettlementDocument',
        summary: 'One payment notice or invoice with the lines it lists',
        tags: tagsF00,
        params: idParamSchema,
        response: { 200: settlementDocumentDetailSchema, ...problems },
      },
    },
    async (request) => getDocument(app.db, requireAuth(request), request.params.id),
  )
}
