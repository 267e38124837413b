import { runMonth, settleMonth } from '../support/assessment.ts'
import { expect, expectAccessible, login, logout, test } from '../support/fixtures.ts'

/**
 * The release auction (F30). A release auction of FY2025 set up by the operator (API), two own
 * participants offer (one on screen), the operator clears and publishes on screen; the month
 * 2025-08 (2025-09 on a retry: a settled month is not settled again) is then assessed and
 * settled, and the participant sees its 交付額 / 請求額 on F30 and the lower net on E10.
 */

const HOUR = 3_600_000

test.describe('release auction amounts (F30)', () => {
  test('[F30] two participants offer, the operator clears and publishes; the holder sees 交付額 and 請求額 and the lower net on E10', async ({
    page,
    data,
  }, testInfo) => {
    test.slow()
    const month = `2025-${String(8 + testInfo.retry).padStart(2, '0')}`
    const p1 = await data.participant()
    const p2 = await data.participant()
    // 10,000 kW × 10,000 yen/kW-year: A = 100,000,000, 8,333,333 a month
    const [c1] = (
      await data.contracts(p1.code, {
        state: 'active',
        deliveryYear: 2025,
        area: 'tokyo',
        contractKw: 10_000,
      })
    ).contracts
    const [c2] = (
      await data.contracts(p2.code, {
        state: 'active',
        deliveryYear: 2025,
        area: 'tokyo',
        contractKw: 5_000,
      })
    ).contracts

    // The operator sets up a release auction of FY2025 (120) with a target of 6,000 kW, opens it
    const operator = await data.operator()
    const api = await data.loggedIn(operator)
    const now = Date.now()
    const created = await api.post('/api/v1/auctions', {
      data: {
        type: 'main',
        subtype: 'release',
        deliveryYear: 2025,
        windows: {
          expectedCapacity: {
            opensAt: new Date(now + HOUR).toISOString(),
            closesAt: new Date(now + 2 * HOUR).toISOString(),
          },
          bidding: {
            opensAt: new Date(now + 3 * HOUR).toISOString(),
            closesAt: new Date(now + 48 * HOUR).toISOString(),
          },
        },
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const auction = (await created.json()) as { id: string; code: string; version: number }
    const target = await api.put(`/api/v1/release-auctions/${auction.id}/target`, {
      data: { targetKw: 6_000 },
    })
    expect(target.status(), await target.text()).toBe(200)
    const opened = await api.post(`/api/v1/auctions/${auction.id}/transitions`, {
      data: { to: 'open', version: auction.version },
    })
    expect(opened.status(), await opened.text()).toBe(200)
    await data.moveBiddingWindow(auction.id, new Date(now - 60_000), new Date(now + 2 * HOUR))

    // P1 offers 4,000 kW at 3,000 yen/kW on screen
    await login(page, p1.admin, '/delivery/login')
    await page.goto(`/delivery/release-amounts/offers?auction=${auction.id}`)
    await expect(page.getByRole('heading', { name: 'リリース入札', exact: true })).toBeVisible()
    await expect(page.getByTestId('release-auction-state')).toHaveText('受付中')
    const row = page.getByTestId(`release-offer-${c1!.contractNo}`)
    await row.getByTestId('offer-kw').fill('4000')
    await row.getByTestId('offer-price').fill('3000')
    await row.getByTestId('offer-submit').click()
    await expect(page.getByTestId('release-flash')).toContainText(c1!.contractNo)
    await expect(row.getByTestId('offer-status')).toHaveText('入札中')
    await expect(row.getByTestId('offer-submit')).toHaveText('変更')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f30-offers-1280.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expect(page.getByRole('table').first()).toBeVisible()
    await page.screenshot({ path: 'test-results/f30-offers-390.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    await logout(page)

    // P2 offers its whole 5,000 kW at 2,000 yen/kW (API)
    const p2Api = await data.loggedIn(p2.admin)
    const offered = await p2Api.post(`/api/v1/release-auctions/${auction.id}/offers`, {
      data: { contractId: c2!.id, action: 'register', kw: 5_000, price: 2_000 },
    })
    expect(offered.status(), await offered.text()).toBe(200)

    // The window closes; the operator closes bidding (120), clears and publishes on screen
    await data.moveBiddingWindow(auction.id, new Date(now - 60_000), new Date(Date.now() - 1_000))
    const current = (await (await api.get(`/api/v1/auctions/${auction.id}`)).json()) as {
      version: number
    }
    const closed = await api.post(`/api/v1/auctions/${auction.id}/transitions`, {
      data: { to: 'biddingClosed', version: current.version },
    })
    expect(closed.status(), await closed.text()).toBe(200)
    await login(page, operator, '/delivery/login')
    await page.goto(`/delivery/release-amounts/offers?auction=${auction.id}`)
    await expect(page.getByTestId('release-auction-state')).toHaveText('応札締切')
    await page.getByTestId('release-clear').click()
    await expect(page.getByTestId('release-result')).toHaveText(
      '約定結果：リリース価格 2,000 円/kW・リリース容量 6,000 kW',
    )
    await expect(page.getByTestId(`release-offer-${c1!.contractNo}`)).toContainText('4,000')
    await expect(page.getByTestId(`release-offer-${c2!.contractNo}`)).toContainText('2,000')
    await page.getByTestId('release-publish').click()
    await page.getByRole('dialog').getByRole('button', { name: '結果を公表' }).click()
    await expect(page.getByTestId('release-auction-state')).toHaveText('結果公表済')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f30-offers-operator-1280.png', fullPage: true })
    await logout(page)

    // The month is assessed and settled
    await runMonth(data, month)
    await settleMonth(data, month)

    // P1: 交付額 floor(8,333,333 × 4,000 / 10,000) = 3,333,333; 請求額 floor(2,000 × 4,000 / 12)
    await login(page, p1.admin, '/delivery/login')
    await page.goto(`/delivery/release-amounts?deliveryYear=2025&month=${month}`)
    await expect(
      page.getByRole('heading', {
        name: '容量確保契約金リリースオークション交付額・請求額',
        exact: true,
      }),
    ).toBeVisible()
    const list = page.getByRole('table', { name: 'リリースオークション交付額・請求額の一覧' })
    await expect(list.getByRole('row')).toHaveCount(2)
    const line = list.getByRole('row', { name: new RegExp(c1!.contractNo) })
    await expect(line.getByTestId('release-granted')).toHaveText('3,333,333')
    await expect(line.getByTestId('release-billed')).toHaveText('666,666')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/f30-list-1280.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expect(page.getByRole('table').first()).toBeVisible()
    await page.screenshot({ path: 'test-results/f30-list-390.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })

    // E10: net = 8,333,333 − 0 − 666,666
    await page.goto(`/delivery/contract-amounts?month=${month}`)
    const e10 = page.getByRole('table', { name: '容量確保契約金額の一覧' })
    await expect(e10.getByRole('row', { name: new RegExp(c1!.contractNo) })).toContainText(
      '7,666,667',
    )
    await e10.getByRole('link', { name: c1!.contractNo }).click()
    await expect(page.getByTestId('contract-amount-billed')).toContainText('666,666')
    await expect(page.getByTestId('contract-amount-net')).toContainText('7,666,667')
    await page.screenshot({ path: 'test-results/f30-e10-detail-1280.png', fullPage: true })

    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click()
    await page.goto(`/delivery/release-amounts?deliveryYear=2025&month=${month}`)
    await expect(page.getByRole('table', { name: 'Release auction amounts' })).toBeVisible()
    await page.screenshot({ path: 'test-results/f30-list-en-1280.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expect(page.getByRole('table').first()).toBeVisible()
    await page.screenshot({ path: 'test-results/f30-list-en-390.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`/delivery/release-amounts/offers?auction=${auction.id}`)
    await expect(page.getByRole('heading', { name: 'Release offers', exact: true })).toBeVisible()
    await page.screenshot({ path: 'test-results/f30-offers-en-1280.png', fullPage: true })
  })
})
