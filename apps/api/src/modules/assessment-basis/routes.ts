import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  areaLabels,
  assessmentBasisQuerySchema,
  assessmentBasisRowSchema,
  assessmentParameterChangeSchema,
  assessmentParameterSetSchema,
  lastCompleteDeliveryYear,
  lastCompleteMonth,
  problemSchema,
  replacementAllocationQuerySchema,
  replacementAllocationRowSchema,
  resourceKindLabels,
  type AssessmentBasisRow,
  type AssessmentParameterSet,
  type ReplacementAllocationRow,
} from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import { routeAccess } from '../../lib/access.ts'
import { actorOf, audit } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { requireAuth } from '../../lib/guards.ts'
import { containsText, csv, listRoute, type Direction } from '../../lib/list.ts'
import {
  assessmentBasis,
  assessmentParameters,
  DEFAULT_ASSESSMENT_PARAMETERS,
  deliveryYearOfMonth,
  type ResourceMonthBasis,
} from './basis.ts'

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
}

/** `amount × share` floored to the yen, exactly (the share has at most 4 decimals). */
export function shareOf(amount: number, share: string): number {
  const [whole = '0', fraction = ''] = share.split('.')
  const tenThousandths = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4))
  return Number((BigInt(amount) * tenThousandths) / 10_000n)
}

/** U = A / kW, rounded down to 2 decimals, as text. */
export function unitPriceText(annualAmount: number, contractKw: number): string {
  if (contractKw <= 0) return '0.00'
  const cents = (BigInt(annualAmount) * 100n) / BigInt(contractKw)
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
}

// ─── Parameter sets ─────────────────────────────────────────────────────────────────────────────

async function parameterSetOf(db: DbClient, deliveryYear: number): Promise<AssessmentParameterSet> {
  const [p, row, runs] = await Promise.all([
    assessmentParameters(db, deliveryYear),
    db.assessmentParameterSet.findUnique({
      where: { deliveryYear },
      select: { updatedAt: true },
    }),
    db.assessmentRun.findMany({
      where: { deliveryYear, state: 'succeeded' },
      distinct: ['month'],
      select: { month: true },
      orderBy: { month: 'asc' },
    }),
  ])
  return {
    deliveryYear,
    version: p.version,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    outageAllowanceDays: String(p.outageAllowanceDays),
    unplannedOutageMultiplier: String(p.multipliers.unplannedOutage),
    supplyInstructionMultiplier: String(p.multipliers.supplyInstruction),
    reserveNoticeMultiplier: String(p.multipliers.reserveNotice),
    expectedOrdersPerYear: p.expectedOrdersPerYear,
    monthlyCapShare: String(p.monthlyCapShare),
    annualCapShare: String(p.annualCapShare),
    assessedMonths: runs.map((r) => r.month),
  }
}

const yearParamSchema = z.object({ deliveryYear: z.coerce.number().int().min(2020).max(2100) })

/** B10 (operator): the parameter set of a delivery year — view, create from defaults, change. */
export const assessmentParameterRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment-basis', 'B10']

  app.get(
    '/:deliveryYear',
    {
      config: { access: routeAccess('assessmentParameters', 'view') },
      schema: {
        operationId: 'getAssessmentParameterSet',
        summary:
          'The assessment parameters of a delivery year: the stored set (version ≥ 1), else the rules.md defaults (version null); with the months already assessed',
        tags,
        params: yearParamSchema,
        response: { 200: assessmentParameterSetSchema, ...problems },
      },
    },
    async (request) => parameterSetOf(app.db, request.params.deliveryYear),
  )

  app.post(
    '/',
    {
      config: { access: routeAccess('assessmentParameters', 'edit') },
      schema: {
        operationId: 'createAssessmentParameterSet',
        summary:
          'Stores the parameter set of a delivery year from the defaults (version 1; the allowance as the outage-plan screens showed it); 409 E-ABAS-005 when it exists',
        tags,
        body: yearParamSchema.meta({ id: 'AssessmentParameterCreate' }),
        response: { 201: assessmentParameterSetSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { deliveryYear } = request.body
      await app.db.$transaction(async (tx) => {
        if (await tx.assessmentParameterSet.findUnique({ where: { deliveryYear } })) {
          throw new AppError('E-ABAS-005', 409, { params: { deliveryYear } })
        }
        const p = await assessmentParameters(tx, deliveryYear)
        const d = DEFAULT_ASSESSMENT_PARAMETERS
        const data = {
          deliveryYear,
          outageAllowanceDays: p.outageAllowanceDays,
          unplannedOutageMultiplier: d.multipliers.unplannedOutage,
          supplyInstructionMultiplier: d.multipliers.supplyInstruction,
          reserveNoticeMultiplier: d.multipliers.reserveNotice,
          expectedOrdersPerYear: d.expectedOrdersPerYear,
          monthlyCapShare: d.monthlyCapShare,
          annualCapShare: d.annualCapShare,
          updatedBy: requireAuth(request).user.id,
        }
        await tx.assessmentParameterSet.create({ data })
        await audit(tx, actorOf(request), {
          action: 'assessmentParameterSet.create',
          entityType: 'assessmentParameterSet',
          entityId: String(deliveryYear),
          participantId: null,
          after: { ...data, version: 1 },
        })
      })
      return reply.code(201).send(await parameterSetOf(app.db, deliveryYear))
    },
  )

  app.put(
    '/:deliveryYear',
    {
      config: { access: routeAccess('assessmentParameters', 'edit') },
      schema: {
        operationId: 'changeAssessmentParameterSet',
        summary:
          'Changes the parameter set of a delivery year (a new version, audited; another base version: 409 E-COMMON-004). Months already assessed keep their results until they are assessed again (`assessedMonths`)',
        tags,
        params: yearParamSchema,
        body: assessmentParameterChangeSchema,
        response: { 200: assessmentParameterSetSchema, ...problems },
      },
    },
    async (request) => {
      const { deliveryYear } = request.params
      const { version, ...values } = request.body
      await app.db.$transaction(async (tx) => {
        const before = await tx.assessmentParameterSet.findUnique({ where: { deliveryYear } })
        if (!before) throw new AppError('E-ABAS-006', 404, { params: { deliveryYear } })
        if (before.version !== version) throw new AppError('E-COMMON-004', 409)
        const done = await tx.assessmentParameterSet.updateMany({
          where: { deliveryYear, version },
          data: { ...values, version: { increment: 1 }, updatedBy: requireAuth(request).user.id },
        })
        if (done.count !== 1) throw new AppError('E-COMMON-004', 409)
        await audit(tx, actorOf(request), {
          action: 'assessmentParameterSet.update',
          entityType: 'assessmentParameterSet',
          entityId: String(deliveryYear),
          participantId: null,
          before: {
            outageAllowanceDays: before.outageAllowanceDays.toString(),
            unplannedOutageMultiplier: before.unplannedOutageMultiplier.toString(),
            supplyInstructionMultiplier: before.supplyInstructionMultiplier.toString(),
            reserveNoticeMultiplier: before.reserveNoticeMultiplier.toString(),
            expectedOrdersPerYear: before.expectedOrdersPerYear,
            monthlyCapShare: before.monthlyCapShare.toString(),
            annualCapShare: before.annualCapShare.toString(),
            version: before.version,
          },
          after: { ...values, version: version + 1 },
        })
      })
      return parameterSetOf(app.db, deliveryYear)
    },
  )
}

// ─── Per resource and month (B10) ───────────────────────────────────────────────────────────────

type Compare = (a: AssessmentBasisRow, b: AssessmentBasisRow) => number
const by =
  <V extends string | number>(value: (r: AssessmentBasisRow) => V) =>
  (d: Direction): Compare =>
  (a, b) => {
    const x = value(a)
    const y = value(b)
    return (x < y ? -1 : x > y ? 1 : 0) * (d === 'asc' ? 1 : -1)
  }

function toRow(
  b: ResourceMonthBasis,
  p: Awaited<ReturnType<typeof assessmentParameters>>,
): AssessmentBasisRow {
  return {
    month: b.month,
    deliveryYear: b.deliveryYear,
    resource: {
      id: b.resourceId,
      code: b.resourceCode,
      name: b.resourceName,
      kind: b.kind,
      area: b.area,
    },
    participant: { id: b.participantId, code: b.participantCode },
    contractKw: b.contractKw,
    annualAmount: b.annualAmount,
    unitPrice: unitPriceText(b.annualAmount, b.contractKw),
    monthlyCap: shareOf(b.annualAmount, String(p.monthlyCapShare)),
    annualCap: shareOf(b.annualAmount, String(p.annualCapShare)),
    contracts: b.contracts.map((c) => ({
      contractNo: c.contractNo,
      contractKw: c.contractKw,
      annualAmount: c.annualAmount,
    })),
    allocationsOut: b.allocationsOut,
    allocationsIn: b.allocationsIn,
  }
}

const allocationText = (list: AssessmentBasisRow['allocationsOut']) =>
  list.map((a) => `${a.contractNo} ${a.resourceCode} ${a.kw}kW`).join(' / ')

/** B10: the basis of every resource assessed in a month (the participant's own). */
export const assessmentBasisRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('assessmentParameters', 'view') },
    operationId: 'listAssessmentBasis',
    summary:
      'Per resource, the basis of a month’s assessment: contract kW and A after replacement, U = A / kW, the caps in yen, the contracts and allocations behind them (the own participant’s; the operator all)',
    tags: ['assessment-basis', 'B10'],
    querystring: assessmentBasisQuerySchema,
    item: assessmentBasisRowSchema,
    sort: {
      resourceCode: by((r) => r.resource.code),
      resourceName: by((r) => r.resource.name),
      participantCode: by((r) => r.participant.code),
      contractKw: by((r) => r.contractKw),
      annualAmount: by((r) => r.annualAmount),
    },
    defaultSort: { field: 'resourceCode', direction: 'asc' },
    tieBreak: [by((r) => r.resource.code)('asc')],
    // The basis is computed (not a table): `where` computes the month's rows, filtered.
    where: async (q, request) => {
      const auth = requireAuth(request)
      const participantId = auth.user.role === 'operator' ? q.participantId : auth.participant.id
      const month = q.month ?? lastCompleteMonth()
      const [basis, p] = await Promise.all([
        assessmentBasis(app.db, month, participantId ? { participantId } : {}),
        assessmentParameters(app.db, deliveryYearOfMonth(month)),
      ])
      const text = q.q?.toLowerCase()
      return basis
        .filter((b) => !q.kind || b.kind === q.kind)
        .filter(
          (b) =>
            !text ||
            b.resourceCode.toLowerCase().includes(text) ||
            b.resourceName.toLowerCase().includes(text),
        )
        .map((b) => toRow(b, p))
    },
    find: async ({ where, orderBy, skip, take }) =>
      [...where]
        .sort((a, b) => {
          for (const c of orderBy) {
            const r = c(a, b)
            if (r) return r
          }
          return 0
        })
        .slice(skip, skip + take),
    count: async (where) => where.length,
    csv: {
      fileName: 'assessment-basis.csv',
      columns: [
        csv.text({ ja: '対象月', en: 'Month' }, (r: AssessmentBasisRow) => r.month),
        ...csv.resource(
          (r: AssessmentBasisRow) => r.resource,
          (r: AssessmentBasisRow) => r.participant,
        ),
        csv.enumeration(
          { ja: '電源等の区分', en: 'Resource kind' },
          (r: AssessmentBasisRow) => r.resource.kind,
          resourceKindLabels,
        ),
        csv.enumeration(
          { ja: 'エリア', en: 'Area' },
          (r: AssessmentBasisRow) => r.resource.area,
          areaLabels,
        ),
        csv.text(
          { ja: '契約容量(kW)', en: 'Contract capacity (kW)' },
          (r: AssessmentBasisRow) => r.contractKw,
        ),
        csv.text(
          { ja: '契約金額 A(円/年)', en: 'Annual amount A (yen)' },
          (r: AssessmentBasisRow) => r.annualAmount,
        ),
        csv.text(
          { ja: '単価 U(円/kW・年)', en: 'Unit U (yen/kW-year)' },
          (r: AssessmentBasisRow) => r.unitPrice,
        ),
        csv.text(
          { ja: '月間上限額(円)', en: 'Monthly cap (yen)' },
          (r: AssessmentBasisRow) => r.monthlyCap,
        ),
        csv.text(
          { ja: '年間上限額(円)', en: 'Annual cap (yen)' },
          (r: AssessmentBasisRow) => r.annualCap,
        ),
        csv.text({ ja: '契約番号', en: 'Contract No.' }, (r: AssessmentBasisRow) =>
          r.contracts.map((c) => c.contractNo).join(' / '),
        ),
        csv.text({ ja: '差替配分(出)', en: 'Allocated out' }, (r: AssessmentBasisRow) =>
          allocationText(r.allocationsOut),
        ),
        csv.text({ ja: '差替配分(入)', en: 'Allocated in' }, (r: AssessmentBasisRow) =>
          allocationText(r.allocationsIn),
        ),
      ],
    },
  })
}

// ─── Replacement allocation (B20) ───────────────────────────────────────────────────────────────

const allocationInclude = {
  contract: {
    select: {
      contractNo: true,
      contractKw: true,
      annualAmount: true,
      resource: {
        select: {
          code: true,
          name: true,
          area: true,
          participant: { select: { id: true, code: true } },
        },
      },
    },
  },
  resource: {
    select: { code: true, name: true, participant: { select: { id: true, code: true } } },
  },
} as const satisfies Prisma.ReplacementAllocationInclude
type AllocationOrder = Prisma.ReplacementAllocationOrderByWithRelationInput

/** B20: the allocations of approved replacements by month, the caller's out and in. */
export const replacementAllocationRoutes: FastifyPluginAsyncZod = async (app) => {
  listRoute(app, '/', {
    config: { access: routeAccess('replacementAllocations', 'view') },
    operationId: 'listReplacementAllocations',
    summary:
      'The allocations of approved replacements (差替配分) by month of a delivery year: the own contracts’ kW assessed on another resource (out) and other contracts’ kW assessed on the own resources (in); the operator all',
    tags: ['assessment-basis', 'B20'],
    querystring: replacementAllocationQuerySchema,
    item: replacementAllocationRowSchema,
    sort: {
      month: (d) => ({ month: d }),
      contractNo: (d) => ({ contract: { contractNo: d } }),
      fromResourceCode: (d) => ({ contract: { resource: { code: d } } }),
      toResourceCode: (d) => ({ resource: { code: d } }),
      kw: (d) => ({ kw: d }),
    },
    defaultSort: { field: 'month', direction: 'asc' },
    tieBreak: [{ contract: { contractNo: 'asc' } }, { id: 'asc' }] as AllocationOrder[],
    // The rows say out / in as the participant sees them: `where` carries the viewer.
    where: (q, request) => {
      const auth = requireAuth(request)
      const operator = auth.user.role === 'operator'
      const own = operator ? q.participantId : auth.participant.id
      const out = { contract: { participantId: own } }
      const into = { resource: { participantId: own } }
      const direction = operator ? undefined : q.direction
      const where: Prisma.ReplacementAllocationWhereInput = {
        replacement: { state: 'approved' },
        contract: { deliveryYear: q.deliveryYear ?? lastCompleteDeliveryYear() },
        ...(q.month ? { month: q.month } : {}),
        AND: [
          ...(own
            ? [direction === 'out' ? out : direction === 'in' ? into : { OR: [out, into] }]
            : []),
          ...(q.q
            ? [
                {
                  OR: [
                    { contract: { contractNo: containsText(q.q) } },
                    { contract: { resource: { code: containsText(q.q) } } },
                    { contract: { resource: { name: containsText(q.q) } } },
                    { resource: { code: containsText(q.q) } },
                    { resource: { name: containsText(q.q) } },
                  ],
                },
              ]
            : []),
        ],
      }
      return { where, viewer: operator ? null : auth.participant.id }
    },
    find: async ({ where, orderBy, skip, take }) => {
      const rows = await app.db.replacementAllocation.findMany({
        where: where.where,
        orderBy,
        skip,
        take,
        include: allocationInclude,
      })
      return rows.map((a) => toAllocationRow(a, where.viewer))
    },
    count: (where) => app.db.replacementAllocation.count({ where: where.where }),
    csv: {
      fileName: 'replacement-allocations.csv',
      columns: [
        csv.text({ ja: '対象月', en: 'Month' }, (r: ReplacementAllocationRow) => r.month),
        csv.text(
          { ja: '契約番号', en: 'Contract No.' },
          (r: ReplacementAllocationRow) => r.contractNo,
        ),
        csv.text(
          { ja: '差替元 電源等識別番号', en: 'From resource code' },
          (r: ReplacementAllocationRow) => r.fromResource.code,
        ),
        csv.text(
          { ja: '差替元 電源等の名称', en: 'From resource name' },
          (r: ReplacementAllocationRow) => r.fromResource.name,
        ),
        csv.text(
          { ja: '事業者コード(差替元)', en: 'Participant code (from)' },
          (r: ReplacementAllocationRow) => r.fromParticipant.code,
        ),
        csv.text(
          { ja: '差替先 電源等識別番号', en: 'To resource code' },
          (r: ReplacementAllocationRow) => r.toResource.code,
        ),
        csv.text(
          { ja: '差替先 電源等の名称', en: 'To resource name' },
          (r: ReplacementAllocationRow) => r.toResource.name,
        ),
        csv.text(
          { ja: '事業者コード(差替先)', en: 'Participant code (to)' },
          (r: ReplacementAllocationRow) => r.toParticipant.code,
        ),
        csv.enumeration(
          { ja: 'エリア', en: 'Area' },
          (r: ReplacementAllocationRow) => r.area,
          areaLabels,
        ),
        csv.text(
          { ja: '配分容量(kW)', en: 'Allocated (kW)' },
          (r: ReplacementAllocationRow) => r.kw,
        ),
        csv.text(
          { ja: '契約の契約容量(kW)', en: 'Contract capacity (kW)' },
          (r: ReplacementAllocationRow) => r.contractKw,
        ),
        csv.text(
          { ja: '配分金額(円/年)', en: 'Allocated amount (yen)' },
          (r: ReplacementAllocationRow) => r.annualAmount,
        ),
      ],
    },
  })
}

function toAllocationRow(
  a: Prisma.ReplacementAllocationGetPayload<{ include: typeof allocationInclude }>,
  viewer: string | null,
): ReplacementAllocationRow {
  const from = a.contract.resource
  return {
    id: a.id,
    month: a.month,
    contractNo: a.contract.contractNo,
    direction: viewer === null ? null : from.participant.id === viewer ? 'out' : 'in',
    fromResource: { code: from.code, name: from.name },
    fromParticipant: from.participant,
    toResource: { code: a.resource.code, name: a.resource.name },
    toParticipant: a.resource.participant,
    area: from.area,
    kw: a.kw,
    contractKw: a.contract.contractKw,
    annualAmount: Number((a.contract.annualAmount * BigInt(a.kw)) / BigInt(a.contract.contractKw)),
  }
}
