import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  outageOmissionAnswerSchema,
  outageOmissionBatchResultSchema,
  outageOmissionDecisionSchema,
  outageOmissionListQuerySchema,
  outageOmissionPageSchema,
  outageOmissionSchema,
  outageOmissionStateLabels,
  problemSchema,
  type OutageOmission,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import {
  answerOutageOmissions,
  countOutageOmissions,
  decideOutageOmissions,
  findOutageOmissions,
  outageOmissionListWhere,
  outageOmissionSort,
  outageOmissionTieBreak,
} from './service.ts'

const tags = ['outage-omissions', 'B50']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const OWN = 'a participant sees and answers only the slots of its own resources (others: 404)'

const slotTime = (slot: number) => {
  const hm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return `${hm((slot - 1) * 30)}-${hm(slot * 30)}`
}

const csvColumns: CsvColumn<OutageOmission>[] = [
  csv.text({ ja: '対象年月', en: 'Month' }, (o) => o.month),
  ...csv.resource<OutageOmission>(
    (o) => ({ code: o.resourceCode, name: o.resourceName }),
    (o) => ({ code: o.participantCode }),
  ),
  csv.text({ ja: '日付', en: 'Date' }, (o) => o.date.replaceAll('-', '/')),
  csv.text({ ja: 'コマ', en: 'Slot' }, (o) => o.slot),
  csv.text({ ja: '時間帯', en: 'Time' }, (o) => slotTime(o.slot)),
  csv.text({ ja: '契約容量(kW)', en: 'Contract kW' }, (o) => o.contractKw),
  csv.text({ ja: '計画停止(kW)', en: 'Planned outage kW' }, (o) => o.plannedKw),
  csv.text({ ja: '供給可能量(kW)', en: 'Available kW' }, (o) => o.availableKw),
  csv.text({ ja: '不足(kW)', en: 'Shortfall kW' }, (o) => o.shortfallKw),
  csv.enumeration({ ja: '状態', en: 'State' }, (o) => o.state, outageOmissionStateLabels),
  csv.text({ ja: '回答', en: 'Answer' }, (o) => o.answer),
  csv.dateTime({ ja: '回答日時', en: 'Answered at' }, (o) => o.answeredAt),
  csv.text({ ja: '却下理由', en: 'Reason for rejection' }, (o) => o.decisionNote),
  csv.dateTime({ ja: '判定日時', en: 'Decided at' }, (o) => o.decidedAt),
]

/**
 * 容量停止計画登録漏れ確認審査 (B50): the slots the assessment flagged as an outage no plan
 * covers. A participant lists and answers its own (one or many at once, until decided); the
 * operator lists all and accepts or rejects answered ones (a reason to reject). Every write is
 * all or nothing and guarded by each slot's version.
 */
export const outageOmissionRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('outageOmissions', 'view', { narrowedBy: OWN }) },
    operationId: 'listOutageOmissions',
    summary: 'Flagged slots (a participant: its own; the operator: all)',
    tags,
    querystring: outageOmissionListQuerySchema,
    item: outageOmissionSchema,
    page: outageOmissionPageSchema,
    sort: outageOmissionSort,
    defaultSort: { field: 'date', direction: 'asc' },
    tieBreak: outageOmissionTieBreak,
    where: (query, request) => outageOmissionListWhere(requireAuth(request), query),
    find: (args) => findOutageOmissions(app, args),
    count: (where) => countOutageOmissions(app, where),
    csv: { fileName: 'outage-omissions.csv', columns: csvColumns },
  })

  app.post(
    '/answer',
    {
      config: {
        access: routeAccess('outageOmissions', 'edit', {
          narrowedBy: `${OWN}; the operator does not answer (403 E-ASMT-053)`,
        }),
      },
      schema: {
        operationId: 'answerOutageOmissions',
        summary:
          "The participant's answer to one or many flagged slots (flagged, answered or rejected → answered); 409 when a version is stale or a slot is accepted",
        tags,
        body: outageOmissionAnswerSchema,
        response: { 200: outageOmissionBatchResultSchema, ...problems },
      },
    },
    async (request) => ({
      items: await answerOutageOmissions(app, requireAuth(request), actorOf(request), request.body),
    }),
  )

  app.post(
    '/decide',
    {
      config: {
        access: routeAccess('outageOmissions', 'edit', {
          narrowedBy: 'the operator only (others: 403)',
        }),
      },
      schema: {
        operationId: 'decideOutageOmissions',
        summary:
          "The operator accepts or rejects (with a reason) one or many answered slots; an accepted slot leaves the next run's unplanned-outage line",
        tags,
        body: outageOmissionDecisionSchema,
        response: { 200: outageOmissionBatchResultSchema, ...problems },
      },
    },
    async (request) => ({
      items: await decideOutageOmissions(app, requireAuth(request), actorOf(request), request.body),
    }),
  )
}
