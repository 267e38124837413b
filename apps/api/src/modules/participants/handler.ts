import {
  cancelApplicationSchema,
  formatMessage,
  participantProfileSchema,
  systemUseApplicationSchema,
  type ParticipantProfile,
} from '@yoryo/contracts'
import type { Prisma } from '@yoryo/db'
import { issueParticipantCode, type DbClient, type DbTransaction } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { generateOneTimePassword } from '../../lib/one-time-password.ts'
import { hashPassword } from '../auth/public.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { systemUseApplicationPdf } from './system-use-pdf.ts'

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

/** Refuses a corporate number already registered or in an open application. */
export async function assertCorporateNumberFree(
  db: DbClient,
  corporateNumber: string,
  except: {
    participantId?: string | null
    applicationId?: string | null
    /** Where the field error points (the registration nests the profile under `participant`). */
    path?: string[]
  } = {},
) {
  const exceptParticipantId = except.participantId
  const exceptApplicationId = except.applicationId
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
      ...(exceptApplicationId ? { id: { not: exceptApplicationId } } : {}),
      proposed: { path: ['participant', 'corporateNumber'], equals: corporateNumber },
    },
    select: { id: true },
  })
  if (taken || pending) {
    throw new AppError('E-COMMON-001', 400, {
      errors: [
        {
          path: except.path ?? ['participant', 'corporateNumber'],
          messageId: 'E-PART-011',
          message: formatMessage('E-PART-011', 'ja'),
        },
      ],
    })
  }
}

async function participantOrNotFound(tx: DbTransaction, id: string | null) {
  const p = id ? await tx.participant.findUnique({ where: { id } }) : null
  if (!p) throw new AppError('E-COMMON-002', 404)
  return p
}

/**
 * Participants as reviewed records: registration is the system use application (700: company +
 * first administrator, printed as 701), change and cancellation come from participant
 * information (030).
 */
export const participantHandler = defineEntityHandler({
  entityType: 'participant',
  functionGroup: '030',

  async current(tx, entityId) {
    const p = await tx.participant.findUnique({ where: { id: entityId } })
    return p ? { values: profileOf(p), version: p.version } : null
  },

  kinds: {
    register: {
      schema: systemUseApplicationSchema,
      check: (tx, proposed, { applicationId }) =>
        assertCorporateNumberFree(tx, proposed.participant.corporateNumber, { applicationId }),
      applicantName: (proposed) => proposed.participant.name,
      document: (application) =>
        systemUseApplicationPdf(
          application.receiptNo,
          application.submittedAt ?? application.createdAt,
          application.proposed,
        ),
      async apply(tx, application, actor) {
        const { participant, administrator } = application.proposed
        const code = await issueParticipantCode(tx)
        const created = await tx.participant.create({
          data: { ...participant, code, kind: 'participant' },
        })
        const password = generateOneTimePassword(administrator.userId)
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
      },
    },

    change: {
      schema: participantProfileSchema,
      check: (tx, proposed, { entityId }) =>
        assertCorporateNumberFree(tx, proposed.corporateNumber, {
          participantId: entityId,
          path: ['corporateNumber'],
        }),
      applicantName: (proposed) => proposed.name,
      async apply(tx, application, actor: Actor) {
        const before = await participantOrNotFound(tx, application.entityId)
        const after = await tx.participant.update({
          where: { id: before.id },
          data: { ...application.proposed, version: { increment: 1 } },
        })
        await audit(tx, actor, {
          action: 'participant.update',
          entityType: 'participant',
          entityId: before.id,
          participantId: before.id,
          before: profileOf(before),
          after: profileOf(after),
        })
        return { entityId: before.id, participantId: before.id }
      },
    },

    cancel: {
      schema: cancelApplicationSchema,
      async apply(tx, application, actor) {
        const before = await participantOrNotFound(tx, application.entityId)
        const id = before.id
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
          after: { status: 'cancelled', reason: application.proposed.reason },
        })
        return { entityId: id, participantId: id }
      },
    },
  },
})
