import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  effectivenessTestInputSchema,
  effectivenessTestListQuerySchema,
  effectivenessTestSchema,
  formatMessage,
  idParamSchema,
  problemSchema,
  type EffectivenessTest,
  type EffectivenessTestSortField,
} from '@yoryo/contracts'
import type { DbClient, DbTransaction, Prisma } from '@yoryo/db'
import { computeAchievementRate, ACHIEVEMENT_RATE_DECIMALS } from '@yoryo/domain'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'

const tags = ['effectiveness-tests', '824']

const include = {
  participant: { select: { id: true, code: true, name: true } },
  resource: {
    select: { id: true, code: true, name: true, kind: true, area: true, generationType: true },
  },
} as const satisfies Prisma.EffectivenessTestInclude
type Row = Prisma.EffectivenessTestGetPayload<{ include: typeof include }>

function toEffectivenessTest(row: Row): EffectivenessTest {
  const rate = row.achievementRate.toFixed(ACHIEVEMENT_RATE_DECIMALS)
  return {
    id: row.id,
    participant: row.participant,
    resource: row.resource as EffectivenessTest['resource'],
    testDate: row.testDate,
    instructedKw: row.instructedKw,
    deliveredKw: row.deliveredKw,
    achievementRate: Number(rate),
    achievementRateText: rate,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  }
}

type Order = Prisma.EffectivenessTestOrderByWithRelationInput
const sort: Record<EffectivenessTestSortField, (d: Direction) => Order> = {
  resourceCode: (d) => ({ resource: { code: d } }),
  resourceName: (d) => ({ resource: { name: d } }),
  participantCode: (d) => ({ participant: { code: d } }),
  testDate: (d) => ({ testDate: d }),
  instructedKw: (d) => ({ instructedKw: d }),
  achievementRate: (d) => ({ achievementRate: d }),
  createdAt: (d) => ({ createdAt: d }),
}

/**
 * The achievement rate the auction's tie-break uses for a dispatch-order resource: that of its
 * latest effectiveness test (by test date, then recording time), or null without one.
 */
export async function latestAchievementRate(
  db: DbClient,
  resourceId: string,
): Promise<number | null> {
  const latest = await db.effectivenessTest.findFirst({
    where: { resourceId },
    orderBy: [{ testDate: 'desc' }, { createdAt: 'desc' }],
    select: { achievementRate: true },
  })
  return latest ? Number(latest.achievementRate.toString()) : null
}

/**
 * Records one effectiveness test of a dispatch-order resource (checked by the caller: the
 * participant's own, active) with its audit entry: the achievement rate is computed. The 824
 * screen and the 824 file record through it.
 */
export async function recordEffectivenessTest(
  tx: DbTransaction,
  actor: Actor,
  by: { id: string; name: string },
  resource: { id: string; code: string; participantId: string },
  input: { testDate: string; instructedKw: number; deliveredKw: number[] },
): Promise<string> {
  const { achievementRateText } = computeAchievementRate({
    instructedKw: input.instructedKw,
    deliveredKw: input.deliveredKw,
  })
  const row = await tx.effectivenessTest.create({
    data: {
      participantId: resource.participantId,
      resourceId: resource.id,
      testDate: input.testDate,
      instructedKw: input.instructedKw,
      deliveredKw: input.deliveredKw,
      achievementRate: achievementRateText,
      createdBy: by.id,
      createdByName: by.name,
    },
    select: { id: true },
  })
  await audit(tx, actor, {
    action: 'effectivenessTest.create',
    entityType: 'effectivenessTest',
    entityId: row.id,
    participantId: resource.participantId,
    after: {
      resourceCode: resource.code,
      testDate: input.testDate,
      instructedKw: input.instructedKw,
      deliveredKw: input.deliveredKw,
      achievementRate: achievementRateText,
    },
  })
  return row.id
}

/** 実効性テスト結果 (824): recorded by the participant for its dispatch-order resources. */
export const effectivenessTestRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('effectivenessTests', 'view') },
    operationId: 'listEffectivenessTests',
    summary: 'Effectiveness tests: all for the operator, the own participant’s otherwise',
    tags,
    querystring: effectivenessTestListQuerySchema,
    item: effectivenessTestSchema,
    sort,
    defaultSort: { field: 'testDate', direction: 'desc' },
    tieBreak: [{ id: 'asc' }] as Order[],
    where: (q, request): Prisma.EffectivenessTestWhereInput => {
      const auth = requireAuth(request)
      return {
        ...(auth.user.role === 'operator'
          ? q.participantId
            ? { participantId: q.participantId }
            : {}
          : { participantId: auth.participant.id }),
        ...(q.resourceId ? { resourceId: q.resourceId } : {}),
        ...(q.q
          ? { resource: { OR: [{ code: containsText(q.q) }, { name: containsText(q.q) }] } }
          : {}),
      }
    },
    find: async ({ where, orderBy, skip, take }) =>
      (await app.db.effectivenessTest.findMany({ where, orderBy, skip, take, include })).map(
        toEffectivenessTest,
      ),
    count: (where) => app.db.effectivenessTest.count({ where }),
    csv: {
      fileName: 'effectiveness-tests.csv',
      columns: [
        ...csv.resource(
          (e: EffectivenessTest) => e.resource,
          (e: EffectivenessTest) => e.participant,
        ),
        csv.date({ ja: '実施日', en: 'Test date' }, (e: EffectivenessTest) => e.testDate),
        csv.text(
          { ja: '指令容量(kW)', en: 'Instructed kW' },
          (e: EffectivenessTest) => e.instructedKw,
        ),
        ...[0, 1, 2, 3, 4, 5].map((i) =>
          csv.text(
            { ja: `実績(kW)${i + 1}コマ目`, en: `Delivered kW, slot ${i + 1}` },
            (e: EffectivenessTest) => e.deliveredKw[i],
          ),
        ),
        csv.text(
          { ja: '達成率', en: 'Achievement rate' },
          (e: EffectivenessTest) => e.achievementRateText,
        ),
        csv.dateTime({ ja: '登録日時', en: 'Recorded at' }, (e: EffectivenessTest) => e.createdAt),
      ],
    },
  })

  app.get(
    '/:id',
    {
      config: { access: routeAccess('effectivenessTests', 'view') },
      schema: {
        operationId: 'getEffectivenessTest',
        summary: 'One effectiveness test (another participant’s: 404)',
        tags,
        params: idParamSchema,
        response: {
          200: effectivenessTestSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      const row = await app.db.effectivenessTest.findUnique({
        where: { id: request.params.id },
        include,
      })
      if (!row) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, row.participantId)
      return toEffectivenessTest(row)
    },
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('effectivenessTests', 'edit') },
      schema: {
        operationId: 'createEffectivenessTest',
        summary:
          'Record an effectiveness test of a dispatch-order resource; the achievement rate is computed (3 decimals)',
        tags,
        body: effectivenessTestInputSchema,
        response: {
          201: effectivenessTestSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const input = request.body
      const resource = await app.db.resource.findUnique({ where: { id: input.resourceId } })
      if (!resource) throw new AppError('E-COMMON-002', 404)
      assertSameParticipant(auth, resource.participantId)
      if (resource.kind !== 'dispatchOrder' || resource.status !== 'active') {
        throw new AppError('E-COMMON-001', 400, {
          errors: [
            {
              path: ['resourceId'],
              messageId: 'E-EC-016',
              message: formatMessage('E-EC-016', 'ja'),
            },
          ],
        })
      }
      const created = await app.db.$transaction(async (tx) => {
        const id = await recordEffectivenessTest(tx, actorOf(request), auth.user, resource, input)
        return tx.effectivenessTest.findUniqueOrThrow({ where: { id }, include })
      })
      reply.code(201)
      return toEffectivenessTest(created)
    },
  )
}
