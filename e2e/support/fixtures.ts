import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'

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

/**
 * Test data made by the `@yoryo/db` factories through the test-support routes, with unique
 * codes and IDs, so tests run in any order and in parallel and do not depend on each other.
 */
export class TestData {
  constructor(private readonly request: APIRequestContext) {}

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
      data: { participantCode, ...options },
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

  /** Moves every market window of a kind (only in `exclusive/` tests: windows are shared). */
  async moveWindows(kind: string, opensAt: Date, closesAt: Date): Promise<void> {
    const res = await this.request.put(`/api/test-support/market-windows/${kind}`, {
      data: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    })
    expect(res.status(), await res.text()).toBe(200)
  }

  async registerCertificate(userInternalId: string, fingerprint: string): Promise<void> {
    const res = await this.request.post('/api/test-support/client-certificates', {
      data: { userId: userInternalId, fingerprint },
    })
    expect(res.status(), await res.text()).toBe(200)
  }
}

export const test = base.extend<{ data: TestData }>({
  data: async ({ request }, use) => {
    await use(new TestData(request))
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
