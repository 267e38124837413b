import AxeBuilder from '@axe-core/playwright'
import {
  test as base,
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type APIResponse,
  type Page,
} from '@playwright/test'
import { participantProfileSchema } from '@yoryo/contracts'
import { baseURL } from './env.ts'

export interface Credentials {
  id?: string
  participantCode: string
  userId: string
  password: string
}

/**
 * The demo seed's logins: only for read-only checks of the demo data. A test that changes
 * anything makes its own participant and users (`data.participant()`, `data.user()`).
 */
export const demo = {
  operator: { participantCode: 'OCCTO', userId: 'operator01', password: 'Operator#2026demo' },
  p1Admin: { participantCode: 'P00001', userId: 'admin01', password: 'Participant#2026demo' },
  p1User: { participantCode: 'P00001', userId: 'user01', password: 'Participant#2026demo' },
} satisfies Record<string, Credentials>

export interface TestParticipant {
  id: string
  code: string
  name: string
  /** Its administrator user (participantAdmin). */
  admin: Credentials
}

/** What a company files on the 700 form, as the API takes it. */
export interface SystemUseFiling {
  participant: Record<(typeof PROFILE_FIELDS)[number], string>
  administrator: { userId: string; name: string; email: string; phone: string }
}

/** A system use application (700) of its own, in the state a test starts from. */
export interface TestSystemUseApplication {
  id: string
  receiptNo: string
  /** The applicant's access key (status page, correction). */
  accessKey: string
  version: number
  filing: SystemUseFiling
}

/** A participant made by approving a 700 application, its administrator's password changed. */
export interface ApprovedParticipant {
  application: TestSystemUseApplication
  participantId: string
  admin: Credentials
}

/** A change application (030) of a participant, submitted. */
export interface TestChangeApplication {
  id: string
  receiptNo: string
  version: number
}

const PROFILE_FIELDS = Object.keys(participantProfileSchema.shape) as Array<
  keyof typeof participantProfileSchema.shape
>

/** A valid 法人番号: 12 random digits and the check digit in front (NTA rule). */
export function randomCorporateNumber(): string {
  const base = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join('')
  let sum = 0
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2)
  return `${9 - (sum % 9)}${base}`
}

/** A tag unique to this call, for names and e-mail addresses. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 46_656).toString(36)}`.toUpperCase()
}

/** A complete 700 filing of a company of its own (unique name, 法人番号, e-mail addresses). */
export function systemUseFiling(): SystemUseFiling {
  const tag = uniqueTag()
  return {
    participant: {
      name: `試験申込電力株式会社 ${tag}`,
      nameKana: 'シケンシンセイデンリョク',
      nameEn: `Shiken Power Co., Ltd. ${tag}`,
      corporateNumber: randomCorporateNumber(),
      postalCode: '100-0005',
      address: '東京都千代田区丸の内2-2-2',
      representativeTitle: '代表取締役',
      representativeName: '試験 一郎',
      licenseCategory: 'generation',
      contactDepartment: '電力取引部',
      contactName: '試験 花子',
      contactEmail: `capacity-${tag.toLowerCase()}@shiken.example`,
      contactPhone: '03-1111-2222',
      bankCode: '0001',
      bankBranchCode: '001',
      bankAccountType: 'ordinary',
      bankAccountNumber: '1234567',
      bankAccountHolder: 'ｼｹﾝﾃﾞﾝﾘﾖｸ(ｶ',
    },
    administrator: {
      userId: 'shiken-admin',
      name: '試験 花子',
      email: `admin-${tag.toLowerCase()}@shiken.example`,
      phone: '03-1111-2223',
    },
  }
}

/** An API context of its own (cookies), on the suite's server, sending Origin as a browser does. */
async function apiContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } })
}

async function ok<T>(response: Promise<APIResponse>, status = 200) {
  const res = await response
  expect(res.status(), await res.text()).toBe(status)
  return (await res.json()) as T
}

interface ApplicationBody {
  id: string
  receiptNo: string
  version: number
  result?: { participantCode?: string } | null
}

/**
 * Test data of a test's own, with unique codes and IDs, so tests run in any order and in
 * parallel and do not depend on each other: participants and users through the `@yoryo/db`
 * factories (test-support routes); applications in a given state through the API, as the
 * applicant and an operator of the test's own would make them.
 */
export class TestData {
  private readonly contexts: APIRequestContext[] = []
  private operatorApi?: Promise<APIRequestContext>

  constructor(private readonly request: APIRequestContext) {}

  /** Closes the API contexts the fixtures opened. */
  async dispose(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.dispose()))
  }

  /** An API context logged in as `who`. */
  async loggedIn(who: Credentials): Promise<APIRequestContext> {
    const api = await apiContext()
    this.contexts.push(api)
    await ok(api.post('/api/v1/auth/login', { data: who }))
    return api
  }

  /** An operator (OCCTO) of this test, logged in through the API. */
  private operator_(): Promise<APIRequestContext> {
    this.operatorApi ??= this.operator().then((operator) => this.loggedIn(operator))
    return this.operatorApi
  }

  /** The operator's transition of an application (startReview, return, approve, …). */
  async review(
    application: { id: string; version: number },
    action: string,
    comment = '',
  ): Promise<{ application: ApplicationBody; oneTimePassword?: string }> {
    const api = await this.operator_()
    return ok(
      api.post(`/api/v1/applications/${application.id}/transitions/${action}`, {
        data: { version: application.version, comment },
      }),
    )
  }

  /**
   * A system use application (700) filed without a login: `submitted` (申込済), `returned` by
   * the operator with `returnComment` (差戻し), or `resubmitted` by the applicant after that.
   */
  async systemUseApplication(
    options: {
      state?: 'submitted' | 'returned' | 'resubmitted'
      returnComment?: string
      filing?: SystemUseFiling
    } = {},
  ): Promise<TestSystemUseApplication> {
    const { state = 'submitted', returnComment = '記載内容を確認してください。' } = options
    const filing = options.filing ?? systemUseFiling()
    const api = await apiContext()
    this.contexts.push(api)
    const filed = await ok<{ application: ApplicationBody; accessKey: string }>(
      api.post('/api/v1/applications/system-use', { data: filing }),
      201,
    )
    let application = filed.application
    if (state !== 'submitted') {
      application = (await this.review(application, 'startReview')).application
      application = (await this.review(application, 'return', returnComment)).application
    }
    if (state === 'resubmitted') {
      const resubmitted = await ok<{ application: ApplicationBody }>(
        api.post(`/api/v1/applications/system-use/${application.receiptNo}/transitions/resubmit`, {
          headers: { 'x-application-key': filed.accessKey },
          data: { version: application.version, comment: '' },
        }),
      )
      application = resubmitted.application
    }
    return {
      id: application.id,
      receiptNo: application.receiptNo,
      version: application.version,
      accessKey: filed.accessKey,
      filing,
    }
  }

  /**
   * A participant made the way the market makes them: a 700 application approved by the
   * operator (participant, administrator and their audit entries), the administrator's
   * one-time password changed at the first login.
   */
  async approvedParticipant(): Promise<ApprovedParticipant> {
    const application = await this.systemUseApplication()
    const started = await this.review(application, 'startReview')
    const approved = await this.review(started.application, 'approve')
    const participantCode = approved.application.result?.participantCode
    expect(participantCode).toMatch(/^P\d{5}$/)
    const admin: Credentials = {
      participantCode: participantCode as string,
      userId: application.filing.administrator.userId,
      password: `Approved#${uniqueTag()}`,
    }
    const api = await this.loggedIn({ ...admin, password: approved.oneTimePassword as string })
    await ok(
      api.post('/api/v1/auth/password', {
        data: { currentPassword: approved.oneTimePassword, newPassword: admin.password },
      }),
    )
    const me = await ok<{ participant: { id: string } }>(api.get('/api/v1/auth/me'))
    return { application, participantId: me.participant.id, admin }
  }

  /**
   * A change application (030) of `admin`'s participant, submitted: the participant's profile
   * as it is, with `changes`.
   */
  async changeApplication(
    admin: Credentials,
    changes: Partial<SystemUseFiling['participant']>,
  ): Promise<TestChangeApplication> {
    const api = await this.loggedIn(admin)
    const me = await ok<{ participant: { id: string } }>(api.get('/api/v1/auth/me'))
    const current = await ok<Record<string, unknown> & { version: number }>(
      api.get(`/api/v1/participants/${me.participant.id}`),
    )
    const profile = Object.fromEntries(
      PROFILE_FIELDS.filter((key) => current[key] !== undefined && current[key] !== null).map(
        (key) => [key, current[key]],
      ),
    )
    return ok<TestChangeApplication>(
      api.post(`/api/v1/participants/${me.participant.id}/change-applications`, {
        data: { proposed: { ...profile, ...changes }, version: current.version },
      }),
      201,
    )
  }

  /** A participant of its own, with its complete profile and an administrator. */
  async participant(): Promise<TestParticipant> {
    const res = await this.request.post('/api/test-support/participants', { data: {} })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as TestParticipant
  }

  /** The market operator's staff member (OCCTO). */
  async operator(): Promise<Credentials> {
    return this.user('OCCTO', { role: 'operator' })
  }

  /** A user of `participantCode` (a general user unless `role` says otherwise). */
  async user(
    participantCode: string,
    options: { role?: string; mustChangePassword?: boolean; passwordAgeDays?: number } = {},
  ): Promise<Credentials> {
    const res = await this.request.post('/api/test-support/users', {
      data: { participantCode, biddingOpensInDays: -1, ...options },
    })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as Credentials
  }

  /** A registered resource of a kind (050), as approval leaves it, with demo-like values. */
  async resource(
    participantCode: string,
    kind: 'stable' | 'variableSingle' | 'variableAggregate' | 'dispatchOrder',
  ): Promise<{ id: string; code: string; name: string }> {
    const res = await this.request.post('/api/test-support/resources', {
      data: { participantCode, kind },
    })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as { id: string; code: string; name: string }
  }

  /**
   * A small auction of its own (120 / 110): `biddingClosed` with bids, `published` (cleared by
   * the job and published) or `open`; with a qualified resource of `participantCode` in tokyo.
   */
  async auctionWithBids(input: {
    state: 'open' | 'biddingClosed' | 'published'
    type?: 'main' | 'additional'
    participantCode?: string
  }): Promise<{
    id: string
    code: string
    resources: { id: string; code: string; name: string }[]
  }> {
    const res = await this.request.post('/api/test-support/auctions-with-bids', { data: input })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as {
      id: string
      code: string
      resources: { id: string; code: string; name: string }[]
    }
  }

  /**
   * Moves every market window of a kind (only in `exclusive/` tests: windows are shared) or,
   * with `deliveryYear`, the window of that year only (made when there is none).
   */
  async moveWindows(
    kind: string,
    opensAt: Date,
    closesAt: Date,
    deliveryYear?: number,
  ): Promise<void> {
    const res = await this.request.put(`/api/test-support/market-windows/${kind}`, {
      data: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), deliveryYear },
    })
    expect(res.status(), await res.text()).toBe(200)
  }

  /**
   * An auction (120) with the example parameters and both windows, in `state` (default open),
   * bidding opening `biddingOpensInDays` from now (default 7) for a week.
   */
  async auction(
    options: {
      deliveryYear?: number
      type?: 'main' | 'additional'
      state?: 'draft' | 'open' | 'biddingClosed' | 'cleared' | 'published'
      biddingOpensInDays?: number
      biddingDays?: number
    } = {},
  ): Promise<{ id: string; code: string; deliveryYear: number }> {
    const res = await this.request.post('/api/test-support/auctions', { data: options })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as { id: string; code: string; deliveryYear: number }
  }

  /**
   * Capacity contracts (130) of a participant, each on a new resource with approved expected
   * capacity, under one published auction (default: one confirmed contract of 10,000 kW).
   */
  async contracts(
    participantCode: string,
    options: {
      deliveryYear?: number
      contracts?: number
      contractKw?: number
      expectedKw?: number
      areaPrice?: number
      state?: 'draft' | 'confirmed' | 'correctionRequested' | 'active' | 'amended' | 'terminated'
      area?: string
      kind?: 'stable' | 'variableSingle' | 'variableAggregate' | 'dispatchOrder'
    } = {},
  ): Promise<{
    auctionId: string
    auctionCode: string
    deliveryYear: number
    contracts: {
      id: string
      contractNo: string
      resourceId: string
      resourceCode: string
      resourceName: string
    }[]
  }> {
    const res = await this.request.post('/api/test-support/contracts', {
      data: { participantCode, ...options },
    })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as Awaited<ReturnType<TestData['contracts']>>
  }

  /**
   * Delivery-period data written as the TSO's feed would (B60–B90, C10): series of 48 values per
   * resource-day (meteredKwh, instructedKw, deliveredKw, restrainedKw, offeredKw), reserve margins
   * per area-day, dispatch orders. Use with `contracts(…, { state: 'active', deliveryYear })`.
   */
  async deliveryData(input: {
    days?: { resourceId: string; date: string; series: Record<string, number[]> }[]
    notices?: { area: string; date: string; marginBp: number[]; noticeKind: string[] }[]
    orders?: {
      orderId: string
      resourceId: string
      orderedAt: string
      startAt: string
      instructedKw: number
      baselineKw: number[]
      actualKw: number[]
    }[]
  }): Promise<void> {
    const res = await this.request.post('/api/test-support/delivery-data', { data: input })
    expect(res.status(), await res.text()).toBe(200)
  }

  /** An approved expected capacity (070) of a resource for a delivery year. */
  async expectedCapacity(resourceId: string, deliveryYear: number, expectedKw: number) {
    const res = await this.request.post('/api/test-support/expected-capacities', {
      data: { resourceId, deliveryYear, expectedKw },
    })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as { id: string }
  }

  async registerCertificate(userInternalId: string, fingerprint: string): Promise<void> {
    const res = await this.request.post('/api/test-support/client-certificates', {
      data: { userId: userInternalId, fingerprint },
    })
    expect(res.status(), await res.text()).toBe(200)
  }

  /** An auction of this test open for bidding (110), with new resources of the participant qualified. */
  async biddingAuction(
    participantCode: string,
    options: { resources?: number; expectedKw?: number } = {},
  ): Promise<TestAuction> {
    const res = await this.request.post('/api/test-support/auctions', {
      data: { participantCode, biddingOpensInDays: -1, ...options },
    })
    expect(res.status(), await res.text()).toBe(200)
    return (await res.json()) as TestAuction
  }

  /** Moves one auction's bidding window (e.g. closes it now). */
  async moveBiddingWindow(auctionId: string, opensAt: Date, closesAt: Date): Promise<void> {
    const res = await this.request.put(`/api/test-support/auctions/${auctionId}/bidding-window`, {
      data: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    })
    expect(res.status(), await res.text()).toBe(200)
  }
}

export interface TestAuction {
  id: string
  code: string
  resources: { id: string; code: string; name: string }[]
}

/** The SPAs' warning for a text not loaded (`MISSING_TEXT_WARNING` of @yoryo/ui's i18n.ts). */
const MISSING_TEXT_WARNING = '[i18n] missing text:'

export const test = base.extend<{ data: TestData }>({
  data: async ({ request }, use) => {
    const data = new TestData(request)
    await use(data)
    await data.dispose()
  },
  // Every screen a test visits shows only loaded texts: a key shown raw fails the test (a route
  // that does not load the catalogue section its screen needs, packages/ui/src/i18n/loader.ts).
  page: async ({ page }, use) => {
    const missing: string[] = []
    page.on('console', (message) => {
      if (message.text().startsWith(MISSING_TEXT_WARNING)) missing.push(message.text())
    })
    await use(page)
    expect(missing, 'UI texts not loaded on a screen').toEqual([])
  },
})
export { expect }

/**
 * A form field by its exact label. Mantine appends a hidden " *" to required labels, so an
 * exact string match would miss them.
 */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`))
}

/** The side menu of either SPA. */
export function menu(page: Page) {
  return page.getByRole('navigation', { name: 'メインメニュー' })
}

/** Fills the login form of either SPA and submits it. */
export async function login(page: Page, who: Credentials, path = '/login'): Promise<void> {
  await page.goto(path)
  await field(page, '事業者コード').fill(who.participantCode)
  await field(page, 'ユーザID').fill(who.userId)
  await field(page, 'パスワード').fill(who.password)
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'))
  await page.getByRole('button', { name: 'ログイン' }).click()
  await response
}

/** Logs out of the delivery SPA through its button and waits for its login screen. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await expect(page).toHaveURL(/\/delivery\/login/)
}

/**
 * Brings the end of the page's session near on the server, as idleness would: it ends after
 * `idleSeconds` without a request (0: it has ended). The browser's own clock is the test's to
 * move (`page.clock`).
 */
export async function endSessionIn(page: Page, idleSeconds: number): Promise<void> {
  const res = await page.request.post('/api/test-support/session', {
    headers: { origin: new URL(page.url()).origin },
    data: { idleSeconds },
  })
  expect(res.status(), await res.text()).toBe(200)
}

/** Fails on serious or critical accessibility violations of the current screen. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([])
}
