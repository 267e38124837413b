import type { FastifyInstance } from 'fastify'
import {
  licenseCategoryLabels,
  participantListQuerySchema,
  participantSchema,
  participantStatusLabels,
  type Participant,
  type ParticipantListQuery,
  type ParticipantSortField,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import type { AuthContext } from '../../lib/context.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type CsvColumn, type Direction } from '../../lib/list.ts'
import { toParticipant } from './participant.ts'

type ParticipantOrder = Prisma.ParticipantOrderByWithRelationInput

const sort: Record<ParticipantSortField, (d: Direction) => ParticipantOrder> = {
  code: (d) => ({ code: d }),
  name: (d) => ({ name: d }),
  nameKana: (d) => ({ nameKana: d }),
  corporateNumber: (d) => ({ corporateNumber: { sort: d, nulls: 'last' } }),
  licenseCategory: (d) => ({ licenseCategory: { sort: d, nulls: 'last' } }),
  status: (d) => ({ status: d }),
  createdAt: (d) => ({ createdAt: d }),
}

const tieBreak: ParticipantOrder[] = [{ id: 'asc' }]

function participantWhere(
  q: ParticipantListQuery,
  auth: AuthContext,
): Prisma.ParticipantWhereInput {
  return {
    ...(auth.user.role === 'operator' ? {} : { id: auth.participant.id }),
    ...(q.status ? { status: q.status } : {}),
    ...(q.q
      ? {
          OR: [
            { code: containsText(q.q) },
            { name: containsText(q.q) },
            { nameKana: containsText(q.q) },
          ],
        }
      : {}),
  }
}

const csvColumns: CsvColumn<Participant>[] = [
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (p) => p.code),
  csv.text({ ja: '事業者名', en: 'Company name' }, (p) => p.name),
  csv.text({ ja: '事業者名（カナ）', en: 'Company name (kana)' }, (p) => p.nameKana),
  csv.text({ ja: '法人番号', en: 'Corporate number' }, (p) => p.corporateNumber),
  csv.enumeration(
    { ja: 'ライセンス区分', en: 'License category' },
    (p) => p.licenseCategory,
    licenseCategoryLabels,
  ),
  csv.enumeration({ ja: '状態', en: 'Status' }, (p) => p.status, participantStatusLabels),
  csv.dateTime({ ja: '登録日時', en: 'Registered at' }, (p) => p.createdAt),
]

/** 030 事業者一覧: all participants for the operator, the own one for a participant. */
export function participantListRoute(app: FastifyInstance): void {
  listRoute(app, '/', {
    config: { access: routeAccess(['participant', 'participants'], 'view') },
    operationId: 'listParticipants',
    summary: 'Participants: all for the operator, the own one for a participant',
    tags: ['participants', '030'],
    querystring: participantListQuerySchema,
    item: participantSchema,
    sort,
    defaultSort: { field: 'code', direction: 'asc' },
    tieBreak,
    where: (query, request) => participantWhere(query, requireAuth(request)),
    find: async ({ where, orderBy, skip, take }) =>
      (await app.db.participant.findMany({ where, orderBy, skip, take })).map(toParticipant),
    count: (where) => app.db.participant.count({ where }),
    csv: { fileName: 'participants.csv', columns: csvColumns },
  })
}
