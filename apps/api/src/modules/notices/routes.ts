import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  idParamSchema,
  noticeAudienceLabels,
  noticeCategoryLabels,
  noticeChangeSchema,
  noticeInputSchema,
  noticeListQuerySchema,
  noticePageSchema,
  noticeReadSchema,
  noticeSchema,
  noticeStateLabels,
  noticeSummarySchema,
  noticeUnreadSchema,
  noticeWithdrawSchema,
  problemSchema,
  type NoticeSummary,
} from '@yoryo/contracts'
import { routeAccess } from '../../lib/access.ts'
import { actorOf } from '../../lib/audit.ts'
import { requireAuth } from '../../lib/guards.ts'
import { csv, listRoute, type CsvColumn } from '../../lib/list.ts'
import { requestLang } from '../../lib/problem.ts'
import type { Caller } from '../users/public.ts'
import {
  changeNotice,
  countNotices,
  createNotice,
  findNotices,
  getNotice,
  markRead,
  noticeListWhere,
  noticeSort,
  noticeTieBreak,
  unreadNotices,
  withdrawNotice,
} from './service.ts'

const tags = ['notices', 'A30']
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}
const ADDRESSED = 'participants and TSOs see only published notices addressed to them (others: 404)'

function callerOf(request: FastifyRequest): Caller {
  return { auth: requireAuth(request), actor: actorOf(request), lang: requestLang(request) }
}

const csvColumns: CsvColumn<NoticeSummary>[] = [
  csv.text({ ja: 'おしらせ番号', en: 'Notice number' }, (n) => n.noticeNo),
  csv.dateTime({ ja: '公開日時', en: 'Published at' }, (n) => n.publishAt),
  csv.enumeration({ ja: '区分', en: 'Category' }, (n) => n.category, noticeCategoryLabels),
  csv.text({ ja: '件名', en: 'Title' }, (n) => n.title),
  csv.enumeration({ ja: '宛先', en: 'Audience' }, (n) => n.audience, noticeAudienceLabels),
  csv.enumeration({ ja: '状態', en: 'State' }, (n) => n.state, noticeStateLabels),
  {
    header: { ja: '既読', en: 'Read' },
    value: (n, lang) =>
      n.read === null
        ? ''
        : n.read
          ? lang === 'ja'
            ? '既読'
            : 'Read'
          : lang === 'ja'
            ? '未読'
            : 'Unread',
  },
  csv.text({ ja: '既読者数', en: 'Readers' }, (n) => n.readCount),
  csv.text({ ja: '登録者', en: 'Posted by' }, (n) => n.createdByName),
]

/**
 * おしらせ (A30): the operator posts notices to every user or to chosen participants (draft,
 * scheduled or at once), changes them until withdrawn and withdraws them; everyone else lists
 * and reads the published ones addressed to them, with a read mark per user.
 */
export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('notices', 'view', { narrowedBy: ADDRESSED }) },
    operationId: 'listNotices',
    summary:
      'Notices: the operator sees all with state and read count; others the published ones addressed to them, with their read mark',
    tags,
    querystring: noticeListQuerySchema,
    item: noticeSummarySchema,
    page: noticePageSchema,
    sort: noticeSort,
    defaultSort: { field: 'publishAt', direction: 'desc' },
    tieBreak: noticeTieBreak,
    // The rows carry the caller's read mark, so the filter travels with the caller.
    where: (query, request) => {
      const auth = requireAuth(request)
      return { auth, filter: noticeListWhere(auth, query) }
    },
    find: ({ where, ...page }) => findNotices(app, where.auth, { where: where.filter, ...page }),
    count: (where) => countNotices(app, where.filter),
    csv: { fileName: 'notices.csv', columns: csvColumns },
  })

  app.get(
    '/unread',
    {
      config: { access: routeAccess('notices', 'view') },
      schema: {
        operationId: 'getUnreadNotices',
        summary: "The caller's unread notices for the delivery portal: the count and the latest 5",
        tags: [...tags, 'A20'],
        response: { 200: noticeUnreadSchema, ...problems },
      },
    },
    async (request) => unreadNotices(app, requireAuth(request)),
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('notices', 'edit') },
      schema: {
        operationId: 'createNotice',
        summary: 'Post a notice (at once, at a time, or as a draft)',
        tags,
        body: noticeInputSchema,
        response: { 201: noticeSchema, ...problems },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const id = await createNotice(app, caller, request.body)
      reply.code(201)
      return getNotice(app.db, caller.auth, id)
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('notices', 'view', { narrowedBy: ADDRESSED }) },
      schema: {
        operationId: 'getNotice',
        summary: 'One notice with its body (the operator: with the participants addressed)',
        tags,
        params: idParamSchema,
        response: { 200: noticeSchema, ...problems },
      },
    },
    async (request) => getNotice(app.db, requireAuth(request), request.params.id),
  )

  app.put(
    '/:id',
    {
      config: { access: routeAccess('notices', 'edit') },
      schema: {
        operationId: 'changeNotice',
        summary: 'Change a notice until it is withdrawn (409 when the version is stale)',
        tags,
        params: idParamSchema,
        body: noticeChangeSchema,
        response: { 200: noticeSchema, ...problems },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const { version, ...input } = request.body
      await changeNotice(app, caller, request.params.id, input, version)
      return getNotice(app.db, caller.auth, request.params.id)
    },
  )

  app.post(
    '/:id/withdraw',
    {
      config: { access: routeAccess('notices', 'edit') },
      schema: {
        operationId: 'withdrawNotice',
        summary: 'Withdraw a notice: no one but the operator sees it any more',
        tags,
        params: idParamSchema,
        body: noticeWithdrawSchema,
        response: { 200: noticeSchema, ...problems },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      await withdrawNotice(app, caller, request.params.id, request.body.version)
      return getNotice(app.db, caller.auth, request.params.id)
    },
  )

  app.post(
    '/:id/read',
    {
      config: {
        access: routeAccess('notices', 'view', {
          narrowedBy: `${ADDRESSED}; the operator is no recipient (404)`,
        }),
      },
      schema: {
        operationId: 'markNoticeRead',
        summary: "Set the caller's read mark on a notice (idempotent: the first time is kept)",
        tags,
        params: idParamSchema,
        response: { 200: noticeReadSchema, ...problems },
      },
    },
    async (request) => markRead(app, requireAuth(request), request.params.id),
  )
}
