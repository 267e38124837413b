import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  factorTableInputSchema,
  factorTableListQuerySchema,
  factorTableSchema,
  factorTableSummarySchema,
  idParamSchema,
  problemSchema,
  type AdjustmentFactorRow,
  type Area,
  type DispatchOrderFactorRow,
  type FactorTable,
  type FactorTableSortField,
  type FactorTableSummary,
  type GenerationType,
} from '@yoryo/contracts'
import { Prisma, type DbClient } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'

const tags = ['expected-capacity', '070']

type Row = Prisma.FactorTableGetPayload<{
  include: { _count: { select: { adjustmentFactors: true; dispatchOrderFactors: true } } }
}>

const withCounts = {
  _count: { select: { adjustmentFactors: true, dispatchOrderFactors: true } },
} as const

function toSummary(row: Row, currentVersionNo: number | null): FactorTableSummary {
  return {
    id: row.id,
    versionNo: row.versionNo,
    note: row.note,
    current: row.versionNo === currentVersionNo,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    adjustmentFactorCount: row._count.adjustmentFactors,
    dispatchOrderFactorCount: row._count.dispatchOrderFactors,
  }
}

async function currentVersionNo(db: DbClient): Promise<number | null> {
  const top = await db.factorTable.findFirst({
    orderBy: { versionNo: 'desc' },
    select: { versionNo: true },
  })
  return top?.versionNo ?? null
}

const areaOrder = [
  'hokkaido',
  'tohoku',
  'tokyo',
  'chubu',
  'hokuriku',
  'kansai',
  'chugoku',
  'shikoku',
  'kyushu',
] as const

/** One version with its rows, in area order, then generation type and year. */
export async function loadFactorTable(db: DbClient, id: string): Promise<FactorTable | null> {
  const row = await db.factorTable.findUnique({
    where: { id },
    include: {
      ...withCounts,
      adjustmentFactors: {
        orderBy: [{ area: 'asc' }, { generationType: 'asc' }, { deliveryYear: 'asc' }],
      },
      dispatchOrderFactors: { orderBy: [{ area: 'asc' }, { deliveryYear: 'asc' }] },
    },
  })
  if (!row) return null
  const byArea = (a: { area: string }, b: { area: string }) =>
    areaOrder.indexOf(a.area as Area) - areaOrder.indexOf(b.area as Area)
  const adjustmentFactors: AdjustmentFactorRow[] = [...row.adjustmentFactors]
    .sort(byArea)
    .map((r) => ({
      area: r.area as Area,
      generationType: r.generationType as GenerationType,
      deliveryYear: r.deliveryYear,
      factor: Number(r.factor.toString()),
    }))
  const dispatchOrderFactors: DispatchOrderFactorRow[] = [...row.dispatchOrderFactors]
    .sort(byArea)
    .map((r) => ({
      area: r.area as Area,
      deliveryYear: r.deliveryYear,
      factor: Number(r.factor.toString()),
    }))
  return {
    ...toSummary(row, await currentVersionNo(db)),
    adjustmentFactors,
    dispatchOrderFactors,
  }
}

const sort: Record<
  FactorTableSortField,
  (d: Direction) => Prisma.FactorTableOrderByWithRelationInput
> = {
  versionNo: (d) => ({ versionNo: d }),
  createdAt: (d) => ({ createdAt: d }),
  createdByName: (d) => ({ createdByName: d }),
  note: (d) => ({ note: d }),
}

/**
 * 係数表 (070): the operator's factor tables, versioned. Everyone reads them (a participant sees
 * how its expected capacity came about); only the operator adds a version.
 */
export const factorTableRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('factorTables', 'view') },
    operationId: 'listFactorTables',
    summary: 'Versions of the factor tables (the latest is in force)',
    tags,
    querystring: factorTableListQuerySchema,
    item: factorTableSummarySchema,
    sort,
    defaultSort: { field: 'versionNo', direction: 'desc' },
    tieBreak: [{ id: 'asc' }] as Prisma.FactorTableOrderByWithRelationInput[],
    where: (query): Prisma.FactorTableWhereInput =>
      query.q ? { note: containsText(query.q) } : {},
    find: async ({ where, orderBy, skip, take }) => {
      const current = await currentVersionNo(app.db)
      const rows = await app.db.factorTable.findMany({
        where,
        orderBy,
        skip,
        take,
        include: withCounts,
      })
      return rows.map((r) => toSummary(r, current))
    },
    count: (where) => app.db.factorTable.count({ where }),
    csv: {
      fileName: 'factor-tables.csv',
      columns: [
        csv.text({ ja: '版', en: 'Version' }, (t: FactorTableSummary) => t.versionNo),
        csv.text({ ja: '改定内容', en: 'Revision' }, (t: FactorTableSummary) => t.note),
        csv.dateTime({ ja: '登録日時', en: 'Created at' }, (t: FactorTableSummary) => t.createdAt),
        csv.text({ ja: '登録者', en: 'Created by' }, (t: FactorTableSummary) => t.createdByName),
        csv.dateTime(
          { ja: '改定日時', en: 'Superseded at' },
          (t: FactorTableSummary) => t.supersededAt,
        ),
      ],
    },
  })

  app.get(
    '/current',
    {
      config: { access: routeAccess('factorTables', 'view') },
      schema: {
        operationId: 'getCurrentFactorTable',
        summary: 'The factor tables in force (404 before the first version)',
        tags,
        response: {
          200: factorTableSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async () => {
      const top = await app.db.factorTable.findFirst({
        orderBy: { versionNo: 'desc' },
        select: { id: true },
      })
      const table = top ? await loadFactorTable(app.db, top.id) : null
      if (!table) throw new AppError('E-COMMON-002', 404)
      return table
    },
  )

  app.get(
    '/:id',
    {
      config: { access: routeAccess('factorTables', 'view') },
      schema: {
        operationId: 'getFactorTable',
        summary: 'One version of the factor tables, with every factor',
        tags,
        params: idParamSchema,
        response: {
          200: factorTableSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const table = await loadFactorTable(app.db, request.params.id)
      if (!table) throw new AppError('E-COMMON-002', 404)
      return table
    },
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('factorTables', 'edit') },
      schema: {
        operationId: 'createFactorTable',
        summary: 'Add a version of the factor tables (operator); it supersedes the one in force',
        tags,
        body: factorTableInputSchema,
        response: {
          201: factorTableSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request)
      const actor = actorOf(request)
      const input = request.body
      const id = await app.db.$transaction(async (tx) => {
        const now = new Date()
        const previous = await tx.factorTable.findFirst({ orderBy: { versionNo: 'desc' } })
        const versionNo = (previous?.versionNo ?? 0) + 1
        let created
        try {
          created = await tx.factorTable.create({
            data: {
              versionNo,
              note: input.note,
              createdBy: auth.user.id,
              createdByName: auth.user.name,
              createdAt: now,
              adjustmentFactors: {
                createMany: {
                  data: input.adjustmentFactors.map((r) => ({ ...r, factor: String(r.factor) })),
                },
              },
              dispatchOrderFactors: {
                createMany: {
                  data: input.dispatchOrderFactors.map((r) => ({ ...r, factor: String(r.factor) })),
                },
              },
            },
          })
        } catch (error) {
          // Another operator saved a version at the same moment: theirs stands.
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
            throw new AppError('E-COMMON-004', 409)
          }
          throw error
        }
        if (previous) {
          await tx.factorTable.update({
            where: { id: previous.id },
            data: { supersededAt: now },
          })
        }
        await audit(tx, actor, {
          action: 'factorTable.create',
          entityType: 'factorTable',
          entityId: created.id,
          participantId: null,
          after: {
            versionNo,
            note: input.note,
            adjustmentFactors: input.adjustmentFactors.length,
            dispatchOrderFactors: input.dispatchOrderFactors.length,
            supersedes: previous?.versionNo ?? null,
          },
        })
        return created.id
      })
      reply.code(201)
      return (await loadFactorTable(app.db, id)) as FactorTable
    },
  )
}
