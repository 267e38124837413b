import { DAY_MS } from '@yoryo/contracts'
import { Prisma, type Db } from '@yoryo/db'
import { audit } from '../../lib/audit.ts'
import { issueDocument } from '../../lib/documents.ts'
import { newReceiptNo } from '../applications/public.ts'
import { ISSUER, registrationNotice } from './notice.ts'
import { resourceInclude, valuesOf } from './resource.ts'

const SEED_ACTOR = { userId: null, label: 'system', requestId: 'seed' }

/**
 * The history of the demo resources (050): the seed creates them directly (the database layer
 * has no review workflow), so each gets the approved registration application it would have
 * had — filed by its participant's administrator, reviewed and approved by the operator within a day — and
 * its registration notice (800), so the detail's history and the notice download have data.
 * Runs once after the demo data was created (`pnpm start`); returns how many it completed.
 */
export async function seedDemoResourceHistory(db: Db, now = new Date()): Promise<number> {
  const resources = await db.resource.findMany({
    where: { participant: { code: { in: ['P00001', 'P00002'] } } },
    include: resourceInclude,
    orderBy: { code: 'asc' },
  })
  const operator = await db.user.findFirst({
    where: { role: 'operator' },
    include: { participant: true },
    orderBy: { userId: 'asc' },
  })
  const reviewer = {
    actorUserId: operator?.id ?? null,
    actorLabel: operator
      ? `${operator.participant.code} ${operator.userId} ${operator.name}`
      : 'OCCTO',
  }
  let done = 0
  await db.$transaction(async (tx) => {
    for (const [i, resource] of resources.entries()) {
      const exists = await tx.application.findFirst({
        where: { entityType: 'resource', entityId: resource.id },
        select: { id: true },
      })
      if (exists) continue
      const applicant = await tx.user.findFirst({
        where: { participantId: resource.participantId, role: 'participantAdmin' },
        orderBy: { userId: 'asc' },
      })
      const submittedAt = new Date(now.getTime() - (30 - i) * DAY_MS)
      const reviewedAt = new Date(submittedAt.getTime() + DAY_MS / 4)
      const decidedAt = new Date(submittedAt.getTime() + DAY_MS)
      const values = valuesOf(resource)
      const receiptNo = newReceiptNo(submittedAt)
      const notice = await issueDocument(tx, registrationNotice, {
        participantId: resource.participantId,
        ownerType: 'resource',
        ownerId: resource.id,
        snapshot: {
          participant: { code: resource.participant.code, name: resource.participant.name },
          issuer: ISSUER,
          receiptNo,
          resourceCode: resource.code,
          resource: values,
        },
        now: decidedAt,
      })
      const application = await tx.application.create({
        data: {
          receiptNo,
          kind: 'register',
          entityType: 'resource',
          entityId: resource.id,
          participantId: resource.participantId,
          applicantName: resource.participant.name,
          state: 'approved',
          proposed: values as unknown as Prisma.InputJsonValue,
          current: Prisma.DbNull,
          result: { resourceCode: resource.code, documentNo: notice.documentNo },
          version: 4,
          createdAt: submittedAt,
          submittedAt,
          decidedAt,
          events: {
            create: [
              {
                action: 'submit',
                fromState: null,
                toState: 'submitted',
                actorUserId: applicant?.id ?? null,
                actorLabel: applicant
                  ? `${resource.participant.code} ${applicant.userId} ${applicant.name}`
                  : resource.participant.code,
                at: submittedAt,
              },
              {
                action: 'startReview',
                fromState: 'submitted',
                toState: 'inReview',
                ...reviewer,
                at: reviewedAt,
              },
              {
                action: 'approve',
                fromState: 'inReview',
                toState: 'approved',
                ...reviewer,
                at: decidedAt,
              },
            ],
          },
        },
      })
      await audit(tx, SEED_ACTOR, {
        action: 'document.issue',
        entityType: 'document',
        entityId: notice.id,
        participantId: resource.participantId,
        after: {
          kind: notice.kind,
          documentNo: notice.documentNo,
          resourceCode: resource.code,
          receiptNo: application.receiptNo,
        },
      })
      done++
    }
  })
  return done
}
