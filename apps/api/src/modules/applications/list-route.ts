import type { FastifyInstance } from 'fastify'
import {
  applicationKindLabels,
  applicationListQuerySchema,
  applicationStateLabels,
  applicationSummarySchema,
  entityTypeLabels,
  pageSchema,
  type ApplicationSortField,
  type ApplicationSummary,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn, type Direction } from '../../lib/list.ts'
import { applicationListWhere, findApplicationSummaries } from './service.ts'

type ApplicationOrder = Prisma.ApplicationOrderByWithRelationInput

const nullsLast = (sort: Direction) => ({ sort, nulls: 'last' as const })

/** The order of each column of the list; an application not yet submitted or decided comes
 * last by that time (a registration not yet approved has no participant code). */
const sort: Record<ApplicationSortField, (d: Direction) => ApplicationOrder> = {
  receiptNo: (d) => ({ receiptNo: d }),
  kind: (d) => ({ kind: d }),
  entityType: (d) => ({ entityType: d }),
  participantCode: (d) => ({ participant: { code: d } }),
  applicantName: (d) => ({ applicantName: d }),
  state: (d) => ({ state: d }),
  submittedAt: (d) => ({ submittedAt: nullsLast(d) }),
  decidedAt: (d) => ({ decidedAt: nullsLast(d) }),
  createdAt: (d) => ({ createdAt: d }),
}

/** Ties: by receipt number (unique), so pages never overlap. */
const tieBreak: ApplicationOrder[] = [{ receiptNo: 'asc' }]

const csvColumns: CsvColumn<ApplicationSummary>[] = [
  csv.text({ ja: '受付番号', en: 'Receipt number' }, (a) => a.receiptNo),
  csv.enumeration({ ja: '申込種別', en: 'Type' }, (a) => a.kind, applicationKindLabels),
  csv.enumeration({ ja: '対象', en: 'Target' }, (a) => a.entityType, entityTypeLabels),
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (a) => a.participant?.code),
  csv.text({ ja: '申込者', en: 'Applicant' }, (a) => a.applicantName),
  csv.enumeration({ ja: '状態', en: 'State' }, (a) => a.state, applicationStateLabels),
  csv.dateTime({ ja: '申込日時', en: 'Submitted at' }, (a) => a.submittedAt),
  csv.dateTime({ ja: '処理日時', en: 'Decided at' }, (a) => a.decidedAt),
]

/**
 * 030 申込一覧: the operator's review queue and every application, a participant's own; only
 * the kinds of record whose function group the caller may view.
 */
export function applicationListRoute(app: FastifyInstance): void {
  listRoute(app, '/', {
    config: {
      access: {
        narrowedBy:
          "only the kinds of record whose function group the caller may view (A40); a participant's users see their own participant's",
        functions: ['applications'],
      },
    },
    operationId: 'listApplications',
    summary:
      'Applications: the operator sees all (review queue: state=queue), a participant its own',
    tags: ['applications', '030'],
    querystring: applicationListQuerySchema,
    item: applicationSummarySchema,
    page: pageSchema(applicationSummarySchema),
    sort,
    defaultSort: { field: 'submittedAt', direction: 'asc' },
    tieBreak,
    where: (query, request) =>
      applicationListWhere(app.entityHandlers, requireAuth(request), query),
    find: (args) => findApplicationSummaries(app.db, app.entityHandlers, args),
    count: (where) => app.db.application.count({ where }),
    csv: { fileName: 'applications.csv', columns: csvColumns },
  })
}
