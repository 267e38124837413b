import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { request as playwrightRequest } from '@playwright/test'
import { tlsBaseURL, tlsCertDir } from '../support/env.ts'
import { expect, login, test, TestData } from '../support/fixtures.ts'

// The TLS server of the config: HTTPS with client certificates requested, login only with a
// certificate registered to the user. Certificates from scripts/dev-certs.sh.
const cert = {
  origin: tlsBaseURL,
  certPath: join(tlsCertDir, 'client-e2e-client.crt'),
  keyPath: join(tlsCertDir, 'client-e2e-client.key'),
}

test.describe('client certificates (mutual TLS)', () => {
  test.skip(!!process.env.E2E_BASE_URL && !process.env.E2E_TLS_BASE_URL, 'needs E2E_TLS_BASE_URL')

  test('[010] login works with the registered client certificate and is refused without it', async ({
    browser,
  }) => {
    const api = await playwrightRequest.newContext({ baseURL: tlsBaseURL, ignoreHTTPSErrors: true })
    const data = new TestData(api)
    const user = await data.user((await data.participant()).code)
    const fingerprint = readFileSync(`${tlsCertDir}.fingerprint`, 'utf8').trim()
    await data.registerCertificate(user.id as string, fingerprint)
    await api.dispose()

    const withCert = await browser.newContext({
      baseURL: tlsBaseURL,
      ignoreHTTPSErrors: true,
      clientCertificates: [cert],
    })
    const page = await withCert.newPage()
    await login(page, user)
    await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible()
    await withCert.close()

    const withoutCert = await browser.newContext({ baseURL: tlsBaseURL, ignoreHTTPSErrors: true })
    const refused = await withoutCert.newPage()
    await login(refused, user)
    await expect(refused.getByText('E-AUTH-012')).toBeVisible()
    await expect(refused).toHaveURL(/\/login/)
    await withoutCert.close()
  })
})
