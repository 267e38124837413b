import { demo, expect, login, test } from '../support/fixtures.ts'

test.describe('static files', () => {
  test('[010] the first screens fetch a few font files, not dozens of chunks', async ({ page }) => {
    const fonts = new Set<string>()
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fonts.add(request.url())
    })
    await login(page, demo.p1User)
    await expect(page.getByTestId('portal-login-info')).toBeVisible()
    await page.evaluate(async () => {
      await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document
        .fonts.ready
    })
    await page.screenshot({ path: test.info().outputPath('portal-fonts.png') })
    // The UI subset in two weights, the Latin faces, and a few unicode-range chunks for the
    // characters of the data (names) outside the subset — about 37 chunks before.
    expect([...fonts].filter((u) => /biz-udpgothic-ui-/.test(u))).toHaveLength(2)
    expect(fonts.size).toBeLessThanOrEqual(10)
  })
})
