import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DEMO_PASSWORD, ORIGIN, type TestContext } from '../../test/harness.ts'

// Behind a reverse proxy that verifies the certificate and forwards its SHA-256 fingerprint.
let t: TestContext
const FINGERPRINT = 'AB'.repeat(32)
beforeAll(async () => {
  t = await createTestApp({
    clientCertificates: { mode: 'proxy', proxyHeader: 'x-client-cert-sha256', required: true },
  })
  const user = await t.database.prisma.user.findFirstOrThrow({
    where: { userId: 'user01', participant: { code: 'P00001' } },
  })
  await t.database.prisma.clientCertificate.create({
    data: {
      userId: user.id,
      serialNumber: '01',
      fingerprint: FINGERPRINT,
      validFrom: new Date(Date.now() - 86_400_000),
      validTo: new Date(Date.now() + 86_400_000),
    },
  })
})
afterAll(async () => {
  await t.close()
})

const login = (headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: ORIGIN, ...headers },
    payload: { participantCode: 'P00001', userId: 'user01', password: DEMO_PASSWORD },
  })

describe('[010] client certificate login', () => {
  it('logs in with the certificate registered to the user (colons and case do not matter)', async () => {
    const colons = FINGERPRINT.toLowerCase().match(/../g)?.join(':') ?? ''
    expect((await login({ 'x-client-cert-sha256': colons })).statusCode).toBe(200)
  })

  it('refuses a login without a certificate or with one registered to nobody', async () => {
    const attempts: Record<string, string>[] = [{}, { 'x-client-cert-sha256': 'CD'.repeat(32) }]
    for (const headers of attempts) {
      const res = await login(headers)
      expect(res.statusCode).toBe(403)
      expect(res.json().messageId).toBe('E-AUTH-012')
    }
  })

  it('refuses an expired certificate', async () => {
    await t.database.prisma.clientCertificate.update({
      where: { fingerprint: FINGERPRINT },
      data: { validTo: new Date(Date.now() - 1000) },
    })
    expect((await login({ 'x-client-cert-sha256': FINGERPRINT })).statusCode).toBe(403)
  })
})
