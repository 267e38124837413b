import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import {
  formatMessage,
  messageForIssue,
  participantProfileSchema,
  systemUseApplicationSchema,
  type ParticipantProfile,
  type SystemUseApplication,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { type DbClient, type DbTransaction } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { generateOneTimePassword } from '../../lib/one-time-password.ts'
import { hashPassword } from '../auth/password.ts'
import type { EntityHandler } from '../applications/handler.ts'

/** The profile fields of a participant row, in the contract's shape. */
export function profileOf(p: Prisma.ParticipantGetPayload<object>): ParticipantProfile {
  return {
    name: p.name,
    nameKana: p.nameKana,
    nameEn: p.nameEn,
    corporateNumber: p.corporateNumber ?? '',
    postalCode: p.postalCode,
    address: p.address,
    representativeName: p.representativeName,
    representativeTitle: p.representativeTitle,
    licenseCategory: p.licenseCategory ?? 'none',
    contactName: p.contactName,
    contactDepartment: p.contactDepartment,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    bankCode: p.bankCode,
    bankBranchCode: p.bankBranchCode,
    bankAccountType: p.bankAccountType ?? 'ordinary',
    bankAccountNumber: p.bankAccountNumber,
    bankAccountHolder: p.bankAccountHolder,
  }
}

/** Validates with a contract schema; failures become field errors with message IDs. */
export function parseOrFieldErrors<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix: (string | number)[] = [],
): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  throw new AppError('E-COMMON-001', 400, {
    errors: parsed.error.issues.map((issue) => {
      const { messageId, params } = messageForIssue(issue as Parameters<typeof messageForIssue>[0])
      return {
        path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        messageId,
        message: formatMessage(messageId, 'ja', params),
        params,
      }
    }),
  })
}

const cancelSchema = z.object({ reason: z.string().trim().min(1).max(1000) })

/** The next participant code: `P` + 5 digits, one above the highest issued. */
async function nextParticipantCode(tx: DbTransaction): Promise<string> {
  const rows = await tx.$queryRaw<{ code: string | null }[]>`
    SELECT max(code) AS code FROM participant WHERE code ~ '^P[0-9]{5}$'`
  const last = rows[0]?.code ? Number(rows[0].code.slice(1)) : 0
  return `P${String(last + 1).padStart(5, '0')}`
}

/** A one-time password that satisfies the policy: 16 characters of 4 classes. */
export function oneTimePassword(): string {
  const pick = (set: string, n: number) =>
    [...randomBytes(n)].map((b) => set[b % set.length]).join('')
  const chars =
    pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 4) +
    pick('abcdefghijkmnpqrstuvwxyz', 6) +
    pick('23456789', 4) +
    pick('#%+=@', 2)
  return [...chars].sort(() => (randomBytes(1)[0] as number) - 128).join('')
}

/** Refuses a corporate number already registered or in an open application. */
export async function assertCorporateNumberFree(
  db: DbClient,
  corporateNumber: string,
  exceptParticipantId?: string,
) {
  const taken = await db.participant.findFirst({
    where: {
      corporateNumber,
      ...(exceptParticipantId ? { id: { not: exceptParticipantId } } : {}),
    },
    select: { id: true },
  })
  const pending = await db.application.findFirst({
    where: {
      entityType: 'participant',
      kind: 'register',
      state: { in: ['draft', 'submitted', 'inReview', 'returned'] },
      proposed: { path: ['participant', 'corporateNumber'], equals: corporateNumber },
    },
    select: { id: true },
  })
  if (taken || pending) {
    throw new AppError('E-COMMON-001', 400, {
      errors: [
        {
          path: ['participant', 'corporateNumber'],
          messageId: 'E-PART-011',
          message: formatMessage('E-PART-011', 'ja'),
        },
      ],
    })
  }
}

/**
 * Participants as reviewed records: registration is the system use application (700: company +
 * first administrator), change and cancellation come from participant information (030).
 */
export const participantHandler: EntityHandler = {
  entityType: 'participant',
  functionGroup: '030',

  parse(kind, proposed) {
    if (kind === 'register') return parseOrFieldErrors(systemUseApplicationSchema, proposed)
    if (kind === 'change') return parseOrFieldErrors(participantProfileSchema, proposed)
    return parseOrFieldErrors(cancelSchema, proposed)
  },

  async current(tx, entityId) {
    const p = await tx.participant.findUnique({ where: { id: entityId } })
    return p ? profileOf(p) : null
  },

  applicantName(application) {
    const proposed = application.proposed as Partial<SystemUseApplication> &
      Partial<ParticipantProfile>
    return proposed.participant?.name ?? proposed.name ?? ''
  },

  async apply(tx, application, actor: Actor) {
    if (application.kind === 'register') {
      const { participant, administrator } = application.proposed as unknown as SystemUseApplication
      await assertCorporateNumberFree(tx, participant.corporateNumber)
      const code = await nextParticipantCode(tx)
      const created = await tx.participant.create({
        data: { ...participant, code, kind: 'participant' },
      })
      const password = generateOneTimePassword()
      const admin = await tx.user.create({
        data: {
          participantId: created.id,
          userId: administrator.userId,
          name: administrator.name,
          email: administrator.email,
          phone: administrator.phone,
          role: 'participantAdmin',
          passwordHash: await hashPassword(password),
          passwordChangedAt: new Date(),
          mustChangePassword: true,
        },
      })
      await audit(tx, actor, {
        action: 'participant.create',
        entityType: 'participant',
        entityId: created.id,
        participantId: created.id,
        after: { code, ...participant },
      })
      await audit(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: admin.id,
        participantId: created.id,
        after: {
          userId: admin.userId,
          name: admin.name,
          role: admin.role,
          mustChangePassword: true,
        },
      })
      return {
        entityId: created.id,
        participantId: created.id,
        result: { participantCode: code, administratorUserId: administrator.userId },
        oneTimePassword: password,
      }
    }
    const id = application.entityId as string
    const before = await tx.participant.findUnique({ where: { id } })
    if (!before) throw new AppError('E-COMMON-002', 404)
    if (application.kind === 'change') {
      const profile = application.proposed as unknown as ParticipantProfile
      await assertCorporateNumberFree(tx, profile.corporateNumber, id)
      const after = await tx.participant.update({
        where: { id },
        data: { ...profile, version: { increment: 1 } },
      })
      await audit(tx, actor, {
        action: 'participant.update',
        entityType: 'participant',
        entityId: id,
        participantId: id,
        before: profileOf(before),
        after: profileOf(after),
      })
      return { entityId: id, participantId: id }
    }
    const now = new Date()
    await tx.participant.update({
      where: { id },
      data: { status: 'cancelled', cancelledAt: now, version: { increment: 1 } },
    })
    // A cancelled participant's users can no longer log in: end their sessions and tokens.
    const users = await tx.user.findMany({ where: { participantId: id }, select: { id: true } })
    const userIds = users.map((u) => u.id)
    await tx.session.updateMany({
      where: { userId: { in: userIds }, endedAt: null },
      data: { endedAt: now, endReason: 'participantCancelled' },
    })
    await tx.apiToken.updateMany({
      where: { userId: { in: userIds }, revokedAt: null },
      data: { revokedAt: now },
    })
    await audit(tx, actor, {
      action: 'participant.cancel',
      entityType: 'participant',
      entityId: id,
      participantId: id,
      before: { status: before.status },
      after: { status: 'cancelled', reason: (application.proposed as { reason: string }).reason },
    })
    return { entityId: id, participantId: id }
  },
}
