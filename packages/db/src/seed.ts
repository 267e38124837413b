import type { Db } from './client.ts'
import { Prisma, type Role } from './generated/prisma/client.ts'
import { DAY_MS, fiscalYearOf, jstAt, resourceKinds } from '@yoryo/contracts'
import { createResource, resourceExample } from './factories.ts'

/** A demo login, printed by the start script and the README. */
export interface DemoLogin {
  participantCode: string
  userId: string
  password: string
  role: Role
  description: string
}

export const OPERATOR_DEMO_PASSWORD = 'Operator#2026demo'
export const PARTICIPANT_DEMO_PASSWORD = 'Participant#2026demo'
export const TSO_DEMO_PASSWORD = 'Tso#2026demo'

export interface SeedOptions {
  /** The API's password hashing (the seed stores only hashes). */
  hashPassword: (plain: string) => Promise<string>
  /** The reference time: market windows are placed relative to it. Default: now. */
  now?: Date
}

interface DemoParticipant {
  code: string
  kind: 'operator' | 'participant' | 'tso'
  /** A TSO's service area: it feeds and reads the delivery data of this area. */
  serviceArea?: 'tokyo' | 'kansai'
  name: string
  nameKana: string
  nameEn: string
  /** Company details of participant information (030). */
  profile?: Omit<Prisma.ParticipantCreateInput, 'code' | 'kind' | 'name' | 'nameKana' | 'nameEn'>
  users: {
    userId: string
    role: Role
    name: string
    email: string
    phone: string
    description: string
    /** A general user's rights (A40): view on every group, edit on these. */
    permissions?: { view: 'all'; edit: string[] }
  }[]
}

/** Every function group a right can be given on (contracts: functionGroups). */
const FUNCTION_GROUPS = [
  '030',
  '050',
  '070',
  '100',
  '110',
  '120',
  '130',
  '140',
  '160',
  '180',
  '190',
  '220',
  'A30',
  'B00',
  'B10',
  'B40',
  'B50',
  'B60',
  'C00',
  'D00',
  'E10',
  'F00',
  'G00',
  'G50',
]

/** The demo organisations and their logins (names of participants are fictitious). */
const demoParticipants: DemoParticipant[] = [
  {
    code: 'OCCTO',
    kind: 'operator',
    name: '電力広域的運営推進機関',
    nameKana: 'デンリョクコウイキテキウンエイスイシンキカン',
    nameEn: 'Organization for Cross-regional Coordination of Transmission Operators',
    users: [
      {
        userId: 'operator01',
        role: 'operator',
        name: '広域 太郎',
        email: 'operator01@occto.example',
        phone: '03-0000-0001',
        description: '広域機関 担当者 / OCCTO operator',
      },
    ],
  },
  {
    code: 'P00001',
    kind: 'participant',
    name: 'さくら発電株式会社',
    nameKana: 'サクラハツデン',
    nameEn: 'Sakura Power Generation Co., Ltd.',
    profile: {
      corporateNumber: '2010401000001',
      postalCode: '100-0005',
      address: '東京都千代田区丸の内1-1-1',
      representativeName: '桜井 誠',
      representativeTitle: '代表取締役社長',
      licenseCategory: 'generation',
      contactName: '佐藤 花子',
      contactDepartment: '電力取引部 容量市場グループ',
      contactEmail: 'capacity@sakura-power.example',
      contactPhone: '03-0000-1000',
      bankCode: '0005',
      bankBranchCode: '001',
      bankAccountType: 'ordinary',
      bankAccountNumber: '1234567',
      bankAccountHolder: 'ｻｸﾗﾊﾂﾃﾞﾝ(ｶ',
    },
    users: [
      {
        userId: 'admin01',
        role: 'participantAdmin',
        name: '佐藤 花子',
        email: 'admin01@sakura-power.example',
        phone: '03-0000-1001',
        description: '発電事業者 管理者ユーザ / generation company, administrator',
      },
      {
        userId: 'user01',
        role: 'participantUser',
        name: '鈴木 一郎',
        email: 'user01@sakura-power.example',
        phone: '03-0000-1002',
        description: '発電事業者 一般ユーザ / generation company, user',
        permissions: { view: 'all', edit: ['050', '070', '110', '180', 'B00'] },
      },
    ],
  },
  {
    code: 'P00002',
    kind: 'participant',
    name: 'みらいエネルギーサービス株式会社',
    nameKana: 'ミライエネルギーサービス',
    nameEn: 'Mirai Energy Services Co., Ltd.',
    profile: {
      corporateNumber: '2120001000002',
      postalCode: '530-0001',
      address: '大阪府大阪市北区梅田2-2-2',
      representativeName: '未来 翔',
      representativeTitle: '代表取締役',
      licenseCategory: 'retail',
      contactName: '高橋 美咲',
      contactDepartment: '需給調整部',
      contactEmail: 'capacity@mirai-energy.example',
      contactPhone: '06-0000-2000',
      bankCode: '0009',
      bankBranchCode: '101',
      bankAccountType: 'current',
      bankAccountNumber: '7654321',
      bankAccountHolder: 'ﾐﾗｲｴﾈﾙｷﾞ-ｻ-ﾋﾞｽ(ｶ',
    },
    users: [
      {
        userId: 'admin01',
        role: 'participantAdmin',
        name: '高橋 美咲',
        email: 'admin01@mirai-energy.example',
        phone: '06-0000-2001',
        description: '小売・アグリゲーター 管理者ユーザ / retailer and aggregator, administrator',
      },
      {
        userId: 'user01',
        role: 'participantUser',
        name: '田中 健太',
        email: 'user01@mirai-energy.example',
        phone: '06-0000-2002',
        description: '小売・アグリゲーター 一般ユーザ / retailer and aggregator, user',
        permissions: { view: 'all', edit: [] },
      },
    ],
  },
  // TSOs (一般送配電事業者, fictitious): they feed the delivery-period data of their area.
  {
    code: 'T0001',
    kind: 'tso',
    serviceArea: 'tokyo',
    name: 'あずま送配電株式会社',
    nameKana: 'アズマソウハイデン',
    nameEn: 'Azuma Power Grid Co., Inc.',
    users: [
      {
        userId: 'tso01',
        role: 'tso',
        name: '東 健太',
        email: 'tso01@azuma-grid.example',
        phone: '03-0000-5001',
        description: '一般送配電事業者（東京エリア） / TSO, tokyo area',
      },
    ],
  },
  {
    code: 'T0002',
    kind: 'tso',
    serviceArea: 'kansai',
    name: 'なにわ送配電株式会社',
    nameKana: 'ナニワソウハイデン',
    nameEn: 'Naniwa Power Grid Co., Inc.',
    users: [
      {
        userId: 'tso01',
        role: 'tso',
        name: '難波 由美',
        email: 'tso01@naniwa-grid.example',
        phone: '06-0000-6001',
        description: '一般送配電事業者（関西エリア） / TSO, kansai area',
      },
    ],
  },
]

function demoPassword(role: Role): string {
  if (role === 'operator') return OPERATOR_DEMO_PASSWORD
  return role === 'tso' ? TSO_DEMO_PASSWORD : PARTICIPANT_DEMO_PASSWORD
}

/** Every demo login with its password. */
export const demoLogins: readonly DemoLogin[] = demoParticipants.flatMap((p) =>
  p.users.map((u) => ({
    participantCode: p.code,
    userId: u.userId,
    password: demoPassword(u.role),
    role: u.role,
    description: u.description,
  })),
)

/**
 * Market windows around `now`: the open expected capacity registration and outage-plan windows.
 * The bidding windows belong to the demo auctions (`seedDemoAuctions`, apps/api clearing module).
 */
export function demoMarketWindows(now: Date): Prisma.MarketWindowCreateManyInput[] {
  const fy = fiscalYearOf(now)
  const contractYear = fy + 3
  return [
    {
      kind: 'expectedCapacityRegistration',
      function: '070',
      // For any delivery year without a window of its own (the demo auctions' years have
      // theirs, closed before bidding opened).
      titleJa: '期待容量登録受付（各年度共通）',
      titleEn: 'Expected capacity registration (all delivery years)',
      opensAt: jstAt(now, -10, 9),
      closesAt: jstAt(now, 5, 17),
    },
    {
      // The year of the published demo auction: its contracts take outage plans (180).
      kind: 'outagePlanSubmission',
      function: '180',
      deliveryYear: contractYear,
      titleJa: `容量停止計画提出受付（${contractYear}年度 実需給分）`,
      titleEn: `Outage plan submission (delivery year FY${contractYear})`,
      opensAt: jstAt(now, -3, 9),
      closesAt: jstAt(now, 12, 17),
    },
  ]
}

const DEMO_AREAS = [
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

/**
 * Demo adjustment factors (調整係数) per generation type: a base for the first area and a step
 * per area, in ten-thousandths. Illustrative values of the right size (reference-data.md holds no
 * published factors): solar a few percent to a tenth, wind a fifth to a third, run-of-river hydro
 * about half. The operator revises them on the factor table screen (070).
 */
const DEMO_ADJUSTMENT_FACTORS = {
  solar: { base: 520, step: 75 },
  windOnshore: { base: 2450, step: -110 },
  windOffshore: { base: 3320, step: -90 },
  hydroRunOfRiver: { base: 5180, step: 40 },
} as const

/** The factor tables the demo starts with (version 1), for the delivery years FY+1 … FY+4. */
export function demoFactorTable(now: Date): {
  adjustmentFactors: Prisma.AdjustmentFactorCreateManyFactorTableInput[]
  dispatchOrderFactors: Prisma.DispatchOrderFactorCreateManyFactorTableInput[]
} {
  const fy = fiscalYearOf(now)
  const years = [fy + 1, fy + 2, fy + 3, fy + 4]
  const factor = (tenThousandths: number) => (tenThousandths / 10_000).toFixed(4)
  return {
    adjustmentFactors: years.flatMap((deliveryYear, y) =>
      DEMO_AREAS.flatMap((area, a) =>
        Object.entries(DEMO_ADJUSTMENT_FACTORS).map(([generationType, { base, step }]) => ({
          area,
          generationType: generationType as keyof typeof DEMO_ADJUSTMENT_FACTORS,
          deliveryYear,
          factor: factor(base + step * a + 10 * y),
        })),
      ),
    ),
    dispatchOrderFactors: years.flatMap((deliveryYear, y) =>
      DEMO_AREAS.map((area, a) => ({
        area,
        deliveryYear,
        factor: factor(9050 + 40 * a - 20 * y),
      })),
    ),
  }
}

/**
 * Applications waiting for the operator, so the review queue is not empty in the demo: a system
 * use application (700) from a new company, submitted yesterday.
 */
async function seedDemoApplications(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const submittedAt = new Date(now.getTime() - DAY_MS)
  await tx.application.create({
    data: {
      receiptNo: 'A00000000-DEMO1',
      kind: 'register',
      entityType: 'participant',
      state: 'submitted',
      submittedAt,
      createdAt: submittedAt,
      proposed: {
        participant: {
          name: 'ひかりグリーンエナジー株式会社',
          nameKana: 'ヒカリグリーンエナジー',
          nameEn: 'Hikari Green Energy Co., Ltd.',
          corporateNumber: '1040001000003',
          postalCode: '460-0008',
          address: '愛知県名古屋市中区栄3-3-3',
          representativeName: '光 明子',
          representativeTitle: '代表取締役',
          licenseCategory: 'generation',
          contactName: '伊藤 大輔',
          contactDepartment: '事業開発部',
          contactEmail: 'capacity@hikari-green.example',
          contactPhone: '052-000-3000',
          bankCode: '0001',
          bankBranchCode: '150',
          bankAccountType: 'ordinary',
          bankAccountNumber: '3333333',
          bankAccountHolder: 'ﾋｶﾘｸﾞﾘ-ﾝｴﾅｼﾞ-(ｶ',
        },
        administrator: {
          userId: 'admin01',
          name: '伊藤 大輔',
          email: 'admin01@hikari-green.example',
          phone: '052-000-3001',
        },
      },
      events: {
        create: {
          action: 'submit',
          toState: 'submitted',
          actorLabel: 'applicant',
          at: submittedAt,
        },
      },
    },
  })
}

/** Registered resources of each kind for the demo participants (050), through the factory. */
async function seedDemoResources(tx: Prisma.TransactionClient): Promise<void> {
  const owners = await tx.participant.findMany({
    where: { code: { in: ['P00001', 'P00002'] } },
    orderBy: { code: 'asc' },
  })
  let n = 0
  for (const owner of owners) {
    for (const kind of resourceKinds) {
      await createResource(tx, { participantId: owner.id, values: resourceExample(kind, ++n) })
    }
  }
}

/**
 * Creates the demo data in one transaction: the operator OCCTO, participants P00001 and P00002,
 * their logins (`demoLogins`) and a few market windows around `now`. Does nothing when OCCTO
 * exists. Returns whether it created anything.
 */
export async function seedDemoData(prisma: Db, options: SeedOptions): Promise<boolean> {
  const now = options.now ?? new Date()
  if (await prisma.participant.findUnique({ where: { code: 'OCCTO' }, select: { id: true } })) {
    return false
  }
  // Hash outside the transaction (it is slow on purpose); one salt per user.
  const hashes = new Map<string, string>()
  for (const p of demoParticipants) {
    for (const u of p.users) {
      hashes.set(`${p.code}/${u.userId}`, await options.hashPassword(demoPassword(u.role)))
    }
  }
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.participant.findUnique({ where: { code: 'OCCTO' }, select: { id: true } })) {
        return false
      }
      for (const p of demoParticipants) {
        await tx.participant.create({
          data: {
            code: p.code,
            kind: p.kind,
            serviceArea: p.serviceArea ?? null,
            name: p.name,
            nameKana: p.nameKana,
            nameEn: p.nameEn,
            ...p.profile,
            users: {
              create: p.users.map((u) => ({
                userId: u.userId,
                name: u.name,
                email: u.email,
                phone: u.phone,
                role: u.role,
                passwordHash: hashes.get(`${p.code}/${u.userId}`) as string,
                passwordChangedAt: now,
                mustChangePassword: false,
                ...(u.permissions
                  ? {
                      permissions: {
                        create: FUNCTION_GROUPS.map((functionGroup) => ({
                          functionGroup,
                          canView: true,
                          canEdit: u.permissions?.edit.includes(functionGroup) ?? false,
                        })),
                      },
                    }
                  : {}),
              })),
            },
          },
        })
      }
      await tx.marketWindow.createMany({ data: demoMarketWindows(now) })
      const factors = demoFactorTable(now)
      await tx.factorTable.create({
        data: {
          versionNo: 1,
          note: '初版（デモデータ）',
          createdByName: '広域機関',
          createdAt: now,
          adjustmentFactors: { createMany: { data: factors.adjustmentFactors } },
          dispatchOrderFactors: { createMany: { data: factors.dispatchOrderFactors } },
        },
      })
      await seedDemoApplications(tx, now)
      await seedDemoResources(tx)
      return true
    })
  } catch (error) {
    // Another process seeded at the same moment: its data stands.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return false
    throw error
  }
}
