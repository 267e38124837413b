import { randomBytes, randomInt } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  areaSchema,
  auctionStateSchema,
  contractStateSchema,
  auctionTypeSchema,
  DAY_MS,
  isValidCorporateNumber,
  resourceKindSchema,
  roleSchema,
} from '@yoryo/contracts'
import {
  createAuction,
  createContract,
  createExpectedCapacity,
  createParticipant,
  createQualification,
  createResource,
  createUser,
  resourceExample,
} from '@yoryo/db/factories'
import { AppError } from '../../lib/errors.ts'
import { normaliseFingerprint, sha256Hex } from '../../lib/crypto.ts'
import { SESSION_COOKIE } from '../../lib/app-types.ts'
import { hashPassword } from '../auth/public.ts'
import { createTestAuction } from '../clearing/public.ts'
import { daySeries, putDaySeries, putDispatchOrder, putReserveNoticeDay } from '../feeds/public.ts'

/** A random, valid 法人番号 (check digit in front, NTA rule). */
function randomCorporateNumber(): string {
  const base = Array.from({ length: 12 }, () => randomInt(10)).join('')
  let sum = 0
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2)
  const number = `${9 - (sum % 9)}${base}`
  if (!isValidCorporateNumber(number)) throw new Error(`invalid corporate number ${number}`)
  return number
}

const userOptions = z.object({
  role: roleSchema.default('participantUser'),
  mustChangePassword: z.boolean().default(false),
  passwordAgeDays: z.number().int().min(0).default(0),
})

/**
 * Test-data set-up for the end-to-end suite, on only when ENABLE_TEST_SUPPORT=true (never in
 * production, never in the OpenAPI document). It makes records through the `@yoryo/db`
 * factories, with unique codes and IDs, so each test makes its own participant and users and
 * tests run in any order and in parallel.
 */
export const testSupportRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A user of `participantId` with a random user ID and password. */
  async function user(participantId: string, options: z.infer<typeof userOptions>) {
    const userId = `e2e${randomBytes(5).toString('hex')}`
    const created = await createUser(app.db, {
      participantId,
      userId,
      name: `試験 ${userId}`,
      email: `${userId}@example.jp`,
      role: options.role,
      password: `E2e#${randomBytes(9).toString('base64url')}`,
      passwordChangedAt: new Date(Date.now() - options.passwordAgeDays * 86_400_000),
      mustChangePassword: options.mustChangePassword,
      hashPassword,
    })
    return { id: created.id, userId, password: created.password }
  }

  app.post(
    '/users',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: { hide: true, body: userOptions.extend({ participantCode: z.string() }) },
    },
    async (request) => {
      const { participantCode, ...options } = request.body
      const participant = await app.db.participant.findUnique({ where: { code: participantCode } })
      if (!participant) throw new AppError('E-COMMON-002', 404)
      return { participantCode, ...(await user(participant.id, options)) }
    },
  )

  app.post(
    '/participants',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: { hide: true, body: z.object({}).default({}) },
    },
    async () => {
      const participant = await createParticipant(app.db, {
        corporateNumber: randomCorporateNumber(),
        postalCode: '100-0005',
        address: '東京都千代田区丸の内3-3-3',
        representativeName: '試験 太郎',
        representativeTitle: '代表取締役',
        licenseCategory: 'generation',
        contactName: '試験 花子',
        contactDepartment: '電力取引部',
        contactEmail: 'capacity@test-power.example',
        contactPhone: '03-0000-2000',
        bankCode: '0005',
        bankBranchCode: '001',
        bankAccountType: 'ordinary',
        bankAccountNumber: '1234567',
        bankAccountHolder: 'ﾃｽﾄﾃﾞﾝﾘﾖｸ(ｶ',
      })
      const admin = await user(participant.id, {
        role: 'participantAdmin',
        mustChangePassword: false,
        passwordAgeDays: 0,
      })
      return {
        id: participant.id,
        code: participant.code,
        name: participant.name,
        admin: { ...admin, participantCode: participant.code },
      }
    },
  )

  app.post(
    '/client-certificates',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          userId: z.uuid(),
          fingerprint: z.string(),
          serialNumber: z.string().default('01'),
        }),
      },
    },
    async (request) => {
      const now = Date.now()
      const cert = await app.db.clientCertificate.create({
        data: {
          userId: request.body.userId,
          fingerprint: normaliseFingerprint(request.body.fingerprint),
          serialNumber: request.body.serialNumber,
          validFrom: new Date(now - 86_400_000),
          validTo: new Date(now + 365 * 86_400_000),
        },
      })
      return { id: cert.id }
    },
  )

  /** A registered resource of a participant (as approval of its registration leaves it). */
  app.post(
    '/resources',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({ participantCode: z.string(), kind: resourceKindSchema }),
      },
    },
    async (request) => {
      const { participantCode, kind } = request.body
      const participant = await app.db.participant.findUnique({ where: { code: participantCode } })
      if (!participant) throw new AppError('E-COMMON-002', 404)
      const resource = await createResource(app.db, {
        participantId: participant.id,
        values: resourceExample(kind, randomInt(1_000_000)),
      })
      return { id: resource.id, code: resource.code, name: resource.name }
    },
  )

  /**
   * A small auction (120 / 110 tests): `biddingClosed` with bids, `published` cleared by the job
   * and published, or `open`; with a qualified resource of `participantCode` when given.
   */
  app.post(
    '/auctions-with-bids',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          state: z.enum(['open', 'biddingClosed', 'published']),
          type: z.enum(['main', 'additional']).default('additional'),
          participantCode: z.string().optional(),
        }),
      },
    },
    async (request) => createTestAuction(app.db, app.jobs, request.body),
  )

  /**
   * Moves every window of a kind (e.g. closes the expected capacity window for a test) or, with
   * `deliveryYear`, only the window of that year — made when there is none (a test of its own
   * year leaves the others' windows as they are).
   */
  app.put(
    '/market-windows/:kind',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        params: z.object({ kind: z.string() }),
        body: z.object({
          opensAt: z.iso.datetime(),
          closesAt: z.iso.datetime(),
          deliveryYear: z.number().int().min(2020).max(2100).optional(),
        }),
      },
    },
    async (request) => {
      const { kind } = request.params
      const { deliveryYear } = request.body
      const times = {
        opensAt: new Date(request.body.opensAt),
        closesAt: new Date(request.body.closesAt),
      }
      if (deliveryYear === undefined) {
        const { count } = await app.db.marketWindow.updateMany({ where: { kind }, data: times })
        return { count }
      }
      const { count } = await app.db.marketWindow.updateMany({
        where: { kind, deliveryYear },
        data: times,
      })
      if (count > 0) return { count }
      const like = await app.db.marketWindow.findFirst({ where: { kind } })
      await app.db.marketWindow.create({
        data: {
          kind,
          function: like?.function ?? '',
          titleJa: `${like?.titleJa.replace(/（.*）$/, '') ?? kind}（${deliveryYear}年度）`,
          titleEn: `${like?.titleEn.replace(/ \(.*\)$/, '') ?? kind} (FY${deliveryYear})`,
          deliveryYear,
          ...times,
        },
      })
      return { count: 1 }
    },
  )

  /**
   * Brings the end of the caller's own session (its cookie) near, as minutes of idleness would:
   * it now ends after `idleSeconds` without a request (0: it has ended), so the SPAs' expiry
   * warning and re-login can be tried without waiting. `expiresAt` is written too (unchanged),
   * so the write counts as an identity write and the API's cached session row is dropped.
   */
  app.post(
    '/session',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({ idleSeconds: z.number().int().min(0) }),
      },
    },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE]
      const session = token
        ? await app.db.session.findUnique({ where: { tokenHash: sha256Hex(token) } })
        : null
      if (!session || session.endedAt) throw new AppError('E-COMMON-002', 404)
      const idleMs = app.config.session.idleMinutes * 60_000
      const lastSeenAt = new Date(Date.now() - idleMs + request.body.idleSeconds * 1000)
      await app.db.session.update({
        where: { id: session.id },
        data: { lastSeenAt, expiresAt: session.expiresAt },
      })
      return { idleExpiresAt: new Date(lastSeenAt.getTime() + idleMs).toISOString() }
    },
  )
  /**
   * An auction (120) with its parameter set and windows: bidding opens `biddingOpensInDays` from
   * now (negative: it has opened) for `biddingDays` days. With `participantCode`, `resources` new
   * stable resources of that participant qualified (100) at `expectedKw` (its own auction: tests
   * do not meet each other's).
   */
  app.post(
    '/auctions',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          deliveryYear: z.number().int().min(2020).max(2100).optional(),
          type: auctionTypeSchema.default('main'),
          state: auctionStateSchema.default('open'),
          biddingOpensInDays: z.number().default(7),
          biddingDays: z.number().positive().default(7),
          participantCode: z.string().optional(),
          resources: z.number().int().min(1).max(20).default(2),
          expectedKw: z.number().int().default(5000),
        }),
      },
    },
    async (request) => {
      const { biddingOpensInDays, biddingDays, participantCode, expectedKw, ...input } =
        request.body
      const participant = participantCode
        ? await app.db.participant.findUnique({ where: { code: participantCode } })
        : null
      if (participantCode && !participant) throw new AppError('E-COMMON-002', 404)
      const opensAt = new Date(Date.now() + biddingOpensInDays * DAY_MS)
      const auction = await createAuction(app.db, {
        deliveryYear: input.deliveryYear,
        type: input.type,
        state: input.state,
        bidding: { opensAt, closesAt: new Date(opensAt.getTime() + biddingDays * DAY_MS) },
      })
      const resources = []
      for (let i = 0; participant && i < input.resources; i++) {
        const resource = await createResource(app.db, {
          participantId: participant.id,
          values: resourceExample('stable', randomInt(1_000_000)),
        })
        await createQualification(app.db, { auctionId: auction.id, resource, expectedKw })
        resources.push({ id: resource.id, code: resource.code, name: resource.name })
      }
      return { id: auction.id, code: auction.code, deliveryYear: auction.deliveryYear, resources }
    },
  )

  /**
   * Capacity contracts (130) of a participant: per contract a new stable resource with approved
   * expected capacity for the delivery year and a contract of a published auction (one auction
   * for all), in the given state. The contract kW and the expected capacity are given; the area
   * price 10,000 円/kW with no deduction unless given.
   */
  app.post(
    '/contracts',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          participantCode: z.string(),
          deliveryYear: z.number().int().min(2020).max(2100).optional(),
          contracts: z.number().int().min(1).max(20).default(1),
          contractKw: z.number().int().min(0).default(10_000),
          expectedKw: z.number().int().min(0).optional(),
          areaPrice: z.number().int().min(0).default(10_000),
          state: contractStateSchema.default('confirmed'),
          area: areaSchema.optional(),
          kind: resourceKindSchema.default('stable'),
        }),
      },
    },
    async (request) => {
      const input = request.body
      const participant = await app.db.participant.findUnique({
        where: { code: input.participantCode },
      })
      if (!participant) throw new AppError('E-COMMON-002', 404)
      const auction = await createAuction(app.db, {
        deliveryYear: input.deliveryYear,
        state: 'published',
        bidding: {
          opensAt: new Date(Date.now() - 60 * DAY_MS),
          closesAt: new Date(Date.now() - 50 * DAY_MS),
        },
      })
      const contracts = []
      for (let i = 0; i < input.contracts; i++) {
        const example = resourceExample(input.kind, randomInt(1_000_000))
        const resource = await createResource(app.db, {
          participantId: participant.id,
          values: input.area ? { ...example, area: input.area } : example,
        })
        await createExpectedCapacity(app.db, {
          resource,
          deliveryYear: auction.deliveryYear,
          expectedKw: input.expectedKw ?? input.contractKw,
        })
        const contract = await createContract(app.db, {
          resource,
          auctionId: auction.id,
          contractKw: input.contractKw,
          areaPrice: input.areaPrice,
          state: input.state,
        })
        contracts.push({
          id: contract.id,
          contractNo: contract.contractNo,
          resourceId: resource.id,
          resourceCode: resource.code,
          resourceName: resource.name,
        })
      }
      return {
        auctionId: auction.id,
        auctionCode: auction.code,
        deliveryYear: auction.deliveryYear,
        contracts,
      }
    },
  )

  /**
   * Delivery-period data (B60–B90, C10) written through the feed store, as the TSO's feed
   * would: series of resource-days, reserve margins of area-days, dispatch orders.
   */
  app.post(
    '/delivery-data',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          days: z
            .array(
              z.object({
                resourceId: z.uuid(),
                date: z.string(),
                series: z.partialRecord(z.enum(daySeries), z.array(z.number().int()).length(48)),
              }),
            )
            .default([]),
          notices: z
            .array(
              z.object({
                area: areaSchema,
                date: z.string(),
                marginBp: z.array(z.number().int()).length(48),
                noticeKind: z.array(z.string()).length(48),
              }),
            )
            .default([]),
          orders: z
            .array(
              z.object({
                orderId: z.string(),
                resourceId: z.uuid(),
                orderedAt: z.iso.datetime({ offset: true }),
                startAt: z.iso.datetime({ offset: true }),
                instructedKw: z.number().int(),
                baselineKw: z.array(z.number().int()),
                actualKw: z.array(z.number().int()),
              }),
            )
            .default([]),
        }),
      },
    },
    async (request) => {
      const writer = { source: 'test', userId: null }
      const { days, notices, orders } = request.body
      await app.db.$transaction(async (tx) => {
        for (const day of days) {
          const resource = await tx.resource.findUniqueOrThrow({ where: { id: day.resourceId } })
          await putDaySeries(tx, writer, { ...day, resourceCode: resource.code })
        }
        for (const notice of notices) await putReserveNoticeDay(tx, writer, notice)
        for (const order of orders) {
          await putDispatchOrder(tx, writer, {
            ...order,
            orderedAt: new Date(order.orderedAt),
            startAt: new Date(order.startAt),
          })
        }
      })
      return { days: days.length, notices: notices.length, orders: orders.length }
    },
  )

  /** An approved expected capacity (070) of a resource for a delivery year. */
  app.post(
    '/expected-capacities',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          resourceId: z.uuid(),
          deliveryYear: z.number().int().min(2020).max(2100),
          expectedKw: z.number().int().min(0),
        }),
      },
    },
    async (request) => {
      const { resourceId, ...input } = request.body
      const resource = await app.db.resource.findUnique({ where: { id: resourceId } })
      if (!resource) throw new AppError('E-COMMON-002', 404)
      return createExpectedCapacity(app.db, { resource, ...input })
    },
  )

  /** Moves one auction's bidding window (e.g. closes it now for a test). */
  app.put(
    '/auctions/:id/bidding-window',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        body: z.object({ opensAt: z.iso.datetime(), closesAt: z.iso.datetime() }),
      },
    },
    async (request) => {
      const { count } = await app.db.marketWindow.updateMany({
        where: { auctionId: request.params.id, kind: 'bidding' },
        data: {
          opensAt: new Date(request.body.opensAt),
          closesAt: new Date(request.body.closesAt),
        },
      })
      return { count }
    },
  )
}
