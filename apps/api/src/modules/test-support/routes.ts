import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { roleSchema } from '@yoryo/contracts'
import { AppError } from '../../lib/errors.ts'
import { normaliseFingerprint } from '../../lib/crypto.ts'
import { hashPassword } from '../auth/public.ts'

/**
 * Test-data set-up for the end-to-end suite, on only when ENABLE_TEST_SUPPORT=true (never in
 * production, never in the OpenAPI document). It creates users with unique IDs so tests run in
 * any order and in parallel. The user-management API (020) will replace it for most uses.
 */
export const testSupportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/users',
    {
      config: { access: { public: true, duringMaintenance: true } },
      schema: {
        hide: true,
        body: z.object({
          participantCode: z.string(),
          role: roleSchema.default('participantUser'),
          mustChangePassword: z.boolean().default(false),
          passwordAgeDays: z.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const { participantCode, role, mustChangePassword, passwordAgeDays } = request.body
      const participant = await app.db.participant.findUnique({ where: { code: participantCode } })
      if (!participant) throw new AppError('E-COMMON-002', 404)
      const userId = `e2e${randomBytes(5).toString('hex')}`
      const password = `E2e#${randomBytes(9).toString('base64url')}`
      const user = await app.db.user.create({
        data: {
          participantId: participant.id,
          userId,
          name: `試験 ${userId}`,
          email: `${userId}@example.jp`,
          role,
          passwordHash: await hashPassword(password),
          passwordChangedAt: new Date(Date.now() - passwordAgeDays * 86_400_000),
          mustChangePassword,
        },
      })
      return { id: user.id, participantCode, userId, password }
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
}
