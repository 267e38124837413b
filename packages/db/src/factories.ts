import {
  areas,
  DAY_MS,
  fiscalYearOf,
  formatAuctionCode,
  formatContractNo,
  type ContractState,
  formatResourceCode,
  type AuctionParameters,
  type AuctionState,
  type AuctionType,
  resourceCodeSeries,
  type ResourceInput,
  type ResourceKind,
  type ResourceMember,
  type ResourceSite,
} from '@yoryo/contracts'
import {
  Prisma,
  type Auction,
  type AuctionQualification,
  type Contract,
  type Participant,
  type Resource,
  type Role,
  type User,
} from './generated/prisma/client.ts'
import { nextNumber } from './numbers.ts'
import type { DbClient, DbTransaction } from './client.ts'
import { issueParticipantCode } from './participant-code.ts'

/**
 * Test-data factories: each call makes a record with unique codes and IDs and plausible values;
 * pass overrides for what the test is about.
 */

/** A password that satisfies the password policy (four character classes, 12+ characters). */
export const TEST_PASSWORD = 'Test#Passw0rd2026'

export type ParticipantOverrides = Partial<Omit<Prisma.ParticipantUncheckedCreateInput, 'users'>>

/**
 * A participant with the next free code `P` + 5 digits (or `overrides.code`), issued by
 * `issueParticipantCode` in the transaction that inserts it, so factories running in parallel
 * (e2e workers) never take the same code.
 */
export async function createParticipant(
  prisma: DbClient,
  overrides: ParticipantOverrides = {},
): Promise<Participant> {
  const create = async (tx: DbTransaction) => {
    const code = overrides.code ?? (await issueParticipantCode(tx))
    const n = code.replace(/^P0*/, '')
    return tx.participant.create({
      data: {
        kind: 'participant',
        name: `テスト電力株式会社 ${n}`,
        nameKana: 'テストデンリョク',
        nameEn: `Test Power Co., Ltd. ${n}`,
        ...overrides,
        code,
      },
    })
  }
  return '$transaction' in prisma ? prisma.$transaction(create) : create(prisma)
}

export type UserInput = Partial<
  Omit<Prisma.UserUncheckedCreateInput, 'participantId' | 'role' | 'passwordHash'>
> & {
  participantId: string
  role: Role
  /** The plain password (default `TEST_PASSWORD`). */
  password?: string
  /** The API's password hashing. */
  hashPassword: (plain: string) => Promise<string>
}

let userSequence = 0

/** A user of `participantId` with a unique `userId` (or `userId` given); returns the password too. */
export async function createUser(
  prisma: DbClient,
  input: UserInput,
): Promise<User & { password: string }> {
  const { password = TEST_PASSWORD, hashPassword, ...overrides } = input
  const passwordHash = await hashPassword(password)
  for (let attempt = 0; ; attempt++) {
    const userId = overrides.userId ?? `test${String(++userSequence).padStart(3, '0')}`
    try {
      const user = await prisma.user.create({
        data: {
          name: `テスト ユーザ${userId.replace(/^test/, '')}`,
          email: `${userId}@test.example`,
          passwordChangedAt: new Date(),
          mustChangePassword: false,
          ...overrides,
          userId,
          passwordHash,
        },
      })
      return { ...user, password }
    } catch (error) {
      if (overrides.userId !== undefined || attempt >= 5 || !isUniqueViolation(error)) throw error
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/** Plausible values of a resource of each kind (what a form or CSV row would hold). */
export function resourceExample(kind: ResourceKind, n = 1): ResourceInput {
  const common = {
    gridCode: `GC${String(n).padStart(6, '0')}`,
    location: '東京都千代田区丸の内1-1-1',
    commissionedOn: '2015-04',
    supportScheme: 'none' as const,
    area: 'tokyo' as const,
  }
  switch (kind) {
    case 'stable':
      return {
        kind,
        ...common,
        name: `湾岸火力${n}号機`,
        nameKana: 'ワンガンカリョク',
        generationType: 'lng',
        installedKw: 350_000,
        houseLoadPercent: 3.5,
        hasAdjustment: true,
        storageHours: null,
      }
    case 'variableSingle':
      return {
        kind,
        ...common,
        name: `メガソーラー${n}`,
        nameKana: 'メガソーラー',
        generationType: 'solar',
        installedKw: 12_000,
      }
    case 'variableAggregate':
      return {
        kind,
        ...common,
        name: `屋根置き太陽光アグリゲート${n}`,
        nameKana: 'ヤネオキタイヨウコウアグリゲート',
        generationType: 'solar',
        members: [1, 2, 3].map((m) => ({
          name: `屋根太陽光${m}`,
          generationType: 'solar' as const,
          gridCode: `GM${String(n).padStart(4, '0')}${m}`,
          installedKw: 600 + m * 100,
        })),
      }
    case 'dispatchOrder':
      return {
        kind,
        ...common,
        name: `工場DR${n}`,
        nameKana: 'コウジョウディーアール',
        generationType: 'demandResponse',
        offerableKw: 2_000,
        sites: [1, 2].map((m) => ({
          name: `需要家工場${m}`,
          supplyPointId: `03${String(n).padStart(10, '0')}${String(m).padStart(10, '0')}`,
          siteType: 'demandReduction' as const,
          kw: 1_000 + m * 100,
        })),
      }
  }
}

/** A resource row with its members or sites; the code issued from its area and kind's series. */
export async function createResource(
  prisma: DbClient,
  input: { participantId: string; values?: ResourceInput; kind?: ResourceKind },
): Promise<Resource> {
  const values = input.values ?? resourceExample(input.kind ?? 'stable')
  const n = await nextNumber(prisma, resourceCodeSeries(values.area, values.kind))
  const { members, sites, ...fields } = {
    members: [] as ResourceMember[],
    sites: [] as ResourceSite[],
    ...values,
  }
  return prisma.resource.create({
    data: {
      ...fields,
      participantId: input.participantId,
      code: formatResourceCode(values.area, values.kind, n),
      members: { create: members.map((m, i) => ({ ...m, position: i + 1 })) },
      sites: { create: sites.map((s, i) => ({ ...s, position: i + 1 })) },
    },
  })
}

/**
 * Small, valid clearing parameters (rules-api.md `ClearingInput` without bids): the nine areas
 * needing 10,000 kW each, the reference interconnection pairs at 5,000 kW both ways, a demand
 * curve around 90,000 kW with the FY2029 NetCONE, no adders, no dispatch-order cap, and the
 * demo deduction table. Real-sized figures: `referenceAuctionParameters` in the auctions module.
 */
export function auctionParametersExample(): AuctionParameters {
  const pairs = [
    ['hokkaido', 'tohoku'],
    ['tohoku', 'tokyo'],
    ['tokyo', 'chubu'],
    ['chubu', 'hokuriku'],
    ['chubu', 'kansai'],
    ['hokuriku', 'kansai'],
    ['kansai', 'chugoku'],
    ['kansai', 'shikoku'],
    ['chugoku', 'shikoku'],
    ['chugoku', 'kyushu'],
  ] as const
  return {
    demandCurve: {
      priceCap: 15_112.5,
      quantityAtCap: 85_000,
      netCone: 10_075,
      targetQuantity: 90_000,
      quantityAtZero: 95_000,
    },
    areas: areas.map((area) => ({ area, requiredKw: 10_000 })),
    interconnections: pairs.flatMap(([a, b]) => [
      { from: a, to: b, limitKw: 5_000 },
      { from: b, to: a, limitKw: 5_000 },
    ]),
    adders: [],
    dispatchOrderCapKw: null,
    deductionTable: [
      { commissionedUpTo: 2010, rate: 0.42 },
      { commissionedUpTo: null, rate: 0 },
    ],
  }
}

/**
 * An auction with its parameter set (version 1) and its two windows (market windows with its
 * id): the expected capacity window closed, the bidding window open from a day ago for a week
 * unless given. The code is unique (`A<year>M<n>` with n from the auction series).
 */
export async function createAuction(
  prisma: DbClient,
  input: {
    deliveryYear?: number
    type?: AuctionType
    state?: AuctionState
    parameters?: AuctionParameters
    bidding?: { opensAt: Date; closesAt: Date }
    now?: Date
  } = {},
): Promise<Auction> {
  const now = input.now ?? new Date()
  const deliveryYear = input.deliveryYear ?? fiscalYearOf(now) + 4
  const type = input.type ?? 'main'
  const parameters = input.parameters ?? auctionParametersExample()
  const n = await nextNumber(prisma, `auction:${deliveryYear}:${type}`)
  const bidding = input.bidding ?? {
    opensAt: new Date(now.getTime() - DAY_MS),
    closesAt: new Date(now.getTime() + 7 * DAY_MS),
  }
  const code = formatAuctionCode(deliveryYear, type, n)
  const label = `${code}`
  return prisma.auction.create({
    data: {
      code,
      type,
      deliveryYear,
      state: input.state ?? 'open',
      parameters: parameters as unknown as Prisma.InputJsonValue,
      parameterSets: {
        create: {
          versionNo: 1,
          parameters: parameters as unknown as Prisma.InputJsonValue,
          createdByName: 'factory',
        },
      },
      windows: {
        create: [
          {
            kind: 'expectedCapacityRegistration',
            function: '070',
            deliveryYear,
            titleJa: `期待容量登録受付（${label}）`,
            titleEn: `Expected capacity registration (${label})`,
            opensAt: new Date(bidding.opensAt.getTime() - 30 * DAY_MS),
            closesAt: new Date(bidding.opensAt.getTime() - 10 * DAY_MS),
          },
          {
            kind: 'bidding',
            function: '110',
            deliveryYear,
            titleJa: `応札受付（${label}）`,
            titleEn: `Bidding (${label})`,
            ...bidding,
          },
        ],
      },
    },
  })
}

/** A resource qualified (100) for an auction with the given approved expected capacity. */
export async function createQualification(
  prisma: DbClient,
  input: { auctionId: string; resource: Resource; expectedKw?: number },
): Promise<AuctionQualification> {
  return prisma.auctionQualification.create({
    data: {
      auctionId: input.auctionId,
      resourceId: input.resource.id,
      participantId: input.resource.participantId,
      expectedKw: input.expectedKw ?? 5_000,
      proposed: true,
      state: 'qualified',
      decidedByName: 'factory',
      decidedAt: new Date(),
    },
  })
}

/**
 * An approved expected capacity (070) of a resource for a delivery year, as approval leaves it
 * (the calculation reduced to the kW): what qualification (100) proposes from.
 */
export async function createExpectedCapacity(
  prisma: DbClient,
  input: { resource: Resource; deliveryYear: number; expectedKw?: number },
): Promise<{ id: string }> {
  const expectedKw = input.expectedKw ?? 5_000
  return prisma.expectedCapacity.create({
    data: {
      participantId: input.resource.participantId,
      resourceId: input.resource.id,
      deliveryYear: input.deliveryYear,
      expectedKw,
      eligible: true,
      calculation: { expectedKw, source: 'factory' },
      note: 'factory',
    },
    select: { id: true },
  })
}

/**
 * A capacity contract (130) of a resource: by default for a 10,000 kW award at 10,000 円/kW with
 * no deduction, in the given state. The amounts follow rules.md §4 (annual = price × kW × (1 −
 * rate), floored; April … February floor(annual / 12), March the remainder): with a rate other
 * than 0 pass amounts that `computeContractAmount` gave. Needs an auction of the delivery year
 * (one is made when none is given).
 */
export async function createContract(
  prisma: DbClient,
  input: {
    resource: Resource
    auctionId?: string
    deliveryYear?: number
    contractKw?: number
    areaPrice?: number
    deductionRate?: number
    annualAmount?: number
    monthlyAmounts?: number[]
    state?: ContractState
  },
): Promise<Contract> {
  const auction = input.auctionId
    ? await prisma.auction.findUniqueOrThrow({ where: { id: input.auctionId } })
    : await createAuction(prisma, { deliveryYear: input.deliveryYear, state: 'published' })
  const deliveryYear = auction.deliveryYear
  const contractKw = input.contractKw ?? 10_000
  const areaPrice = input.areaPrice ?? 10_000
  const deductionRate = input.deductionRate ?? 0
  const annual = input.annualAmount ?? (deductionRate === 0 ? areaPrice * contractKw : undefined)
  if (annual === undefined) throw new Error('createContract: pass annualAmount with a deduction')
  const month = Math.floor(annual / 12)
  const monthly = input.monthlyAmounts ?? [...Array<number>(11).fill(month), annual - month * 11]
  const n = await nextNumber(prisma, `contract:${deliveryYear}`)
  return prisma.contract.create({
    data: {
      contractNo: formatContractNo(deliveryYear, n),
      participantId: input.resource.participantId,
      resourceId: input.resource.id,
      auctionId: auction.id,
      deliveryYear,
      contractKw,
      awardedKw: contractKw,
      areaPrice,
      deductionRate,
      annualAmount: BigInt(annual),
      monthlyAmounts: monthly,
      state: input.state ?? 'draft',
      confirmedAt: input.state === 'confirmed' ? new Date() : null,
    },
  })
}
