import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  allocationsInputSchema,
  idParamSchema,
  paymentDetailSchema,
  paymentDirectionLabels,
  paymentInputSchema,
  paymentItemListQuerySchema,
  paymentItemPageSchema,
  paymentItemSchema,
  paymentItemStateLabels,
  paymentListQuerySchema,
  paymentPageSchema,
  paymentReverseSchema,
  paymentSchema,
  paymentSourceLabels,
  paymentStateLabels,
  problemSchema,
  settlementDocumentKindLabels,
  type Payment,
  type PaymentItem,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import { bankStatementFormat } from './bank-statement.ts'
import {
  allocatePayment,
  findItems,
  findPayments,
  getPayment,
  itemListWhere,
  itemSort,
  itemTieBreak,
  paymentListWhere,
  paymentSort,
  paymentTieBreak,
  recordPayment,
  reversePayment,
} from './service.ts'

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const OWN = 'participants see their own payments and documents only (others: 404); the operator all'
const tags = ['payments', 'F10']

const paymentCsv: CsvColumn<Payment>[] = [
  csv.text({ ja: '入出金日', en: 'Value date' }, (r) => r.valueDate),
  csv.enumeration(
    { ja: '入出金区分', en: 'Direction' },
    (r) => r.direction,
    paymentDirectionLabels,
  ),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (r) => r.participantCode),
  csv.text({ ja: '事業者名', en: 'Participant' }, (r) => r.participantName),
  csv.text({ ja: '金額(円)', en: 'Amount (yen)' }, (r) => r.amount),
  csv.text({ ja: '消込額(円)', en: 'Matched (yen)' }, (r) => r.allocated),
  csv.text({ ja: '未消込額(円)', en: 'Unmatched (yen)' }, (r) => r.unallocated),
  csv.enumeration({ ja: '状態', en: 'State' }, (r) => r.state, paymentStateLabels),
  csv.text({ ja: '銀行照会番号', en: 'Bank reference' }, (r) => r.bankReference),
  csv.text({ ja: '振込依頼人・受取人名', en: 'Payer / payee' }, (r) => r.counterpartyName),
  csv.text({ ja: '摘要', en: 'Memo' }, (r) => r.memo),
  csv.enumeration({ ja: '登録元', en: 'Source' }, (r) => r.source, paymentSourceLabels),
  csv.dateTime({ ja: '登録日時', en: 'Recorded at' }, (r) => r.createdAt),
  csv.text({ ja: '取消理由', en: 'Reversal reason' }, (r) => r.reversalReason),
]

const itemCsv: CsvColumn<PaymentItem>[] = [
  csv.text({ ja: '文書番号', en: 'Document No.' }, (r) => r.documentNo),
  csv.enumeration({ ja: '帳票', en: 'Document' }, (r) => r.kind, settlementDocumentKindLabels),
  csv.text({ ja: '対象年月', en: 'Month' }, (r) => r.month),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (r) => r.participantCode),
  csv.text({ ja: '事業者名', en: 'Participant' }, (r) => r.participantName),
  csv.text({ ja: '支払期日', en: 'Due date' }, (r) => r.dueDate),
  csv.text({ ja: '税込金額(円)', en: 'Total (yen)' }, (r) => r.total),
  csv.text({ ja: '決済済額(円)', en: 'Paid (yen)' }, (r) => r.paid),
  csv.text({ ja: '未決済額(円)', en: 'Open (yen)' }, (r) => r.openAmount),
  csv.enumeration(
    { ja: '決済状況', en: 'Payment state' },
    (r) => r.paymentState,
    paymentItemStateLabels,
  ),
  csv.text({ ja: '期限超過', en: 'Overdue' }, (r) => (r.overdue ? '1' : '0')),
]

/** F10 under `/api/v1/payments`: payments made and received, and their matching. */
export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.bulkFormats.register(bankStatementFormat)

  listRoute(app, '/', {
    config: { access: routeAccess('payments', 'view', { narrowedBy: OWN }) },
    operationId: 'listPayments',
    summary:
      'F10: payments received (入金) and paid (出金), with their matched and unmatched amounts',
    tags,
    querystring: paymentListQuerySchema,
    item: paymentSchema,
    page: paymentPageSchema,
    sort: paymentSort,
    defaultSort: { field: 'valueDate', direction: 'desc' },
    tieBreak: paymentTieBreak,
    where: (query, request) => paymentListWhere(requireAuth(request), query),
    find: (args) => findPayments(app.db, args),
    count: (where) => app.db.payment.count({ where }),
    csv: { fileName: 'payments.csv', columns: paymentCsv },
  })

  app.get(
    '/:id',
    {
      config: { access: routeAccess('payments', 'view', { narrowedBy: OWN }) },
      schema: {
        operationId: 'getPayment',
        summary: 'One payment with its allocations (消込) to documents',
        tags,
        params: idParamSchema,
        response: { 200: paymentDetailSchema, ...problems },
      },
    },
    async (request) => getPayment(app.db, requireAuth(request), request.params.id),
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('payments', 'edit') },
      schema: {
        operationId: 'recordPayment',
        summary: 'Record a payment (operator), optionally matched to documents of its participant',
        description:
          'received → invoices, paid → payment notices (E-PAY-002); each amount at most the ' +
          'document’s open amount (E-PAY-003), their sum at most the payment (E-PAY-004); the ' +
          'bank reference is unique per direction (E-PAY-001). One transaction, audited.',
        tags,
        body: paymentInputSchema,
        response: { 201: paymentDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const id = await recordPayment(app.db, actorOf(request), request.body)
      return reply.code(201).send(await getPayment(app.db, auth, id))
    },
  )

  app.post(
    '/:id/allocations',
    {
      config: { access: routeAccess('payments', 'edit') },
      schema: {
        operationId: 'allocatePayment',
        summary: 'Match (消込) more of a payment to documents of its participant (operator)',
        description:
          'Same checks as recording; a reversed payment matches nothing (E-PAY-005). Concurrent ' +
          'matches never take a document above its total.',
        tags,
        params: idParamSchema,
        body: allocationsInputSchema,
        response: { 200: paymentDetailSchema, ...problems },
      },
    },
    async (request) => {
      await allocatePayment(app.db, actorOf(request), request.params.id, request.body.allocations)
      return getPayment(app.db, requireAuth(request), request.params.id)
    },
  )

  app.post(
    '/:id/reverse',
    {
      config: { access: routeAccess('payments', 'edit') },
      schema: {
        operationId: 'reversePayment',
        summary: 'Reverse (取消) a wrong payment with a reason (operator); it is never deleted',
        description:
          'Its allocations stop counting: the documents it paid are open again. Once only ' +
          '(E-PAY-005). Audited.',
        tags,
        params: idParamSchema,
        body: paymentReverseSchema,
        response: { 200: paymentDetailSchema, ...problems },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      await reversePayment(app.db, actorOf(request), request.params.id, request.body.reason)
      return getPayment(app.db, auth, request.params.id)
    },
  )
}

/** F10 under `/api/v1/payment-items`: one row per settlement document with what is open. */
export const paymentItemRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('payments', 'view', { narrowedBy: OWN }) },
    operationId: 'listPaymentItems',
    summary:
      'F10 open items: each payment notice and invoice with its due date, paid and open amounts, state and overdue flag',
    tags,
    querystring: paymentItemListQuerySchema,
    item: paymentItemSchema,
    page: paymentItemPageSchema,
    sort: itemSort,
    defaultSort: { field: 'documentNo', direction: 'asc' },
    tieBreak: itemTieBreak,
    where: (query, request) => itemListWhere(app.db, requireAuth(request), query),
    find: (args) => findItems(app.db, args),
    count: (where) => app.db.settlementDocument.count({ where }),
    csv: { fileName: 'payment-items.csv', columns: itemCsv },
  })
}
