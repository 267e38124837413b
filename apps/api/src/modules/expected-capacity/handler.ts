import {
  cancelApplicationSchema,
  expectedCapacityChangeSchema,
  expectedCapacityOverridesSchema,
  expectedCapacityRegisterSchema,
  formatMessage,
  type ExpectedCapacityCalculation,
  type ExpectedCapacityOverrides,
  type MessageId,
} from '@yoryo/contracts'
import { Prisma, type DbClient, type DbTransaction } from '@yoryo/db'
import { audit } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { amendContractsToExpectedCapacity } from '../contracts/public.ts'
import { calculateExpectedCapacity, calculationInclude } from './calculation.ts'

/** The window of expected capacity applications (期待容量登録受付, `market_window.kind`). */
export const EXPECTED_CAPACITY_WINDOW = 'expectedCapacityRegistration'

const OPEN_STATES = ['draft', 'submitted', 'inReview', 'returned'] as const

function fieldError(path: (string | number)[], messageId: MessageId): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [{ path, messageId, message: formatMessage(messageId, 'ja') }],
  })
}

export async function resourceForCalculation(db: DbClient, resourceId: string) {
  return db.resource.findUnique({ where: { id: resourceId }, include: calculationInclude })
}

/** Overrides need evidence: attachments of the resource's participant (E-EC-013 / E-EC-014). */
async function assertEvidence(
  db: DbClient,
  participantId: string,
  overrides: ExpectedCapacityOverrides,
  evidenceAttachmentIds: string[],
): Promise<void> {
  const overridden = Object.values(overrides).some((v) => v !== undefined)
  if (overridden && evidenceAttachmentIds.length === 0) {
    throw fieldError(['evidenceAttachmentIds'], 'E-EC-013')
  }
  if (evidenceAttachmentIds.length === 0) return
  const found = await db.attachment.count({
    where: {
      id: { in: evidenceAttachmentIds },
      participantId,
      ownerType: 'participant',
      ownerId: participantId,
      deletedAt: null,
    },
  })
  if (found !== new Set(evidenceAttachmentIds).size) {
    throw fieldError(['evidenceAttachmentIds'], 'E-EC-014')
  }
}

/** The calculation, refused when it gives no result (no factor, missing input): E-EC-018. */
async function computable(
  db: DbClient,
  resource: NonNullable<Awaited<ReturnType<typeof resourceForCalculation>>>,
  deliveryYear: number,
  overrides: ExpectedCapacityOverrides,
): Promise<ExpectedCapacityCalculation & { expectedKw: number }> {
  const calculation = await calculateExpectedCapacity(db, resource, deliveryYear, overrides, 'ja')
  if (calculation.expectedKw === null) {
    throw new AppError('E-EC-018', 409, { params: { reason: calculation.message ?? '' } })
  }
  return calculation as ExpectedCapacityCalculation & { expectedKw: number }
}

async function recordOrNotFound(tx: DbTransaction, id: string | null) {
  const record = id ? await tx.expectedCapacity.findUnique({ where: { id } }) : null
  if (!record) throw new AppError('E-COMMON-002', 404)
  return record
}

/** The delivery year of an expected capacity (its window is that year's). */
async function deliveryYearOf(tx: DbTransaction, id: string | null): Promise<number | undefined> {
  if (!id) return undefined
  const record = await tx.expectedCapacity.findUnique({
    where: { id },
    select: { deliveryYear: true },
  })
  return record?.deliveryYear
}

/** The record's values the change's difference view compares with (the proposed shape). */
function currentValues(record: {
  overrides: Prisma.JsonValue
  evidenceAttachmentIds: string[]
  note: string
  expectedKw: number
  changedExpectedKw: number | null
  deliveryYear: number
}) {
  return {
    afterAuction: false,
    overrides: expectedCapacityOverridesSchema.catch({}).parse(record.overrides),
    evidenceAttachmentIds: record.evidenceAttachmentIds,
    note: record.note,
    deliveryYear: record.deliveryYear,
    expectedKw: record.expectedKw,
    changedExpectedKw: record.changedExpectedKw,
  }
}

const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue

/**
 * Expected capacity as a reviewed record (070): registration, change (and, with `afterAuction`,
 * the changed expected capacity after the auction, 841) and cancellation. The kW are computed
 * when filed (refused if they cannot be) and again on approval with the factor table version in
 * force, which the record keeps.
 */
export const expectedCapacityHandler = defineEntityHandler({
  entityType: 'expectedCapacity',
  functionGroup: '070',

  async current(tx, entityId) {
    const record = await tx.expectedCapacity.findUnique({ where: { id: entityId } })
    return record ? { values: currentValues(record), version: record.version } : null
  },

  kinds: {
    register: {
      schema: expectedCapacityRegisterSchema,
      window: EXPECTED_CAPACITY_WINDOW,
      windowYear: async (_tx, proposed) => proposed.deliveryYear,
      async check(tx, proposed, { applicationId }) {
        const resource = await resourceForCalculation(tx, proposed.resourceId)
        if (applicationId) {
          // A correction may not point at another participant's resource.
          const application = await tx.application.findUnique({
            where: { id: applicationId },
            select: { participantId: true },
          })
          if (resource && application?.participantId !== resource.participantId) {
            throw fieldError(['resourceId'], 'E-COMMON-013')
          }
        }
        if (!resource) throw fieldError(['resourceId'], 'E-COMMON-013')
        if (resource.status !== 'active') throw fieldError(['resourceId'], 'E-EC-015')
        const registered = await tx.expectedCapacity.findFirst({
          where: {
            resourceId: resource.id,
            deliveryYear: proposed.deliveryYear,
            status: 'active',
          },
          select: { id: true },
        })
        const pending = await tx.application.findFirst({
          where: {
            entityType: 'expectedCapacity',
            kind: 'register',
            state: { in: [...OPEN_STATES] },
            ...(applicationId ? { id: { not: applicationId } } : {}),
            AND: [
              { proposed: { path: ['resourceId'], equals: resource.id } },
              { proposed: { path: ['deliveryYear'], equals: proposed.deliveryYear } },
            ],
          },
          select: { id: true },
        })
        if (registered || pending) {
          throw new AppError('E-EC-012', 409, { params: { deliveryYear: proposed.deliveryYear } })
        }
        await assertEvidence(
          tx,
          resource.participantId,
          proposed.overrides,
          proposed.evidenceAttachmentIds,
        )
        await computable(tx, resource, proposed.deliveryYear, proposed.overrides)
      },
      async apply(tx, application, actor) {
        const p = application.proposed
        const resource = await resourceForCalculation(tx, p.resourceId)
        if (!resource) throw new AppError('E-COMMON-002', 404)
        const calculation = await computable(tx, resource, p.deliveryYear, p.overrides)
        const values = {
          expectedKw: calculation.expectedKw,
          eligible: calculation.eligible,
          ineligibleMessageId: calculation.messageId,
          calculation: toJson(calculation),
          factorTableId: calculation.factorTable?.id ?? null,
          changedExpectedKw: null,
          changedCalculation: Prisma.DbNull,
          changedFactorTableId: null,
          overrides: toJson(p.overrides),
          evidenceAttachmentIds: p.evidenceAttachmentIds,
          note: p.note,
        }
        const key = { resourceId: resource.id, deliveryYear: p.deliveryYear }
        const previous = await tx.expectedCapacity.findUnique({
          where: { resourceId_deliveryYear: key },
        })
        if (previous?.status === 'active') {
          throw new AppError('E-EC-012', 409, { params: { deliveryYear: p.deliveryYear } })
        }
        let created
        try {
          // One row per resource and year (unique): a registration after a cancellation
          // reactivates it; of two approved at once, the second is refused.
          created = previous
            ? await tx.expectedCapacity.update({
                where: { id: previous.id },
                data: { ...values, status: 'active', cancelledAt: null, version: { increment: 1 } },
              })
            : await tx.expectedCapacity.create({
                data: { ...values, participantId: resource.participantId, ...key },
              })
        } catch (error) {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
            throw new AppError('E-EC-012', 409, { params: { deliveryYear: p.deliveryYear } })
          }
          throw error
        }
        await audit(tx, actor, {
          action: 'expectedCapacity.create',
          entityType: 'expectedCapacity',
          entityId: created.id,
          participantId: resource.participantId,
          after: {
            resourceCode: resource.code,
            deliveryYear: p.deliveryYear,
            expectedKw: calculation.expectedKw,
            eligible: calculation.eligible,
            factorTableVersion: calculation.factorTable?.versionNo ?? null,
          },
        })
        return {
          entityId: created.id,
          participantId: resource.participantId,
          result: {
            expectedKw: calculation.expectedKw,
            ...(calculation.factorTable
              ? { factorTableVersion: calculation.factorTable.versionNo }
              : {}),
          },
        }
      },
    },

    change: {
      schema: expectedCapacityChangeSchema,
      // The changed expected capacity after the auction (841) is accepted outside the window.
      window: (proposed) => (proposed.afterAuction ? undefined : EXPECTED_CAPACITY_WINDOW),
      windowYear: async (tx, _proposed, { entityId }) => deliveryYearOf(tx, entityId),
      async check(tx, proposed, { entityId }) {
        const record = await recordOrNotFound(tx, entityId)
        if (record.status !== 'active') throw new AppError('E-EC-017', 409)
        const resource = await resourceForCalculation(tx, record.resourceId)
        if (!resource) throw new AppError('E-COMMON-002', 404)
        await assertEvidence(
          tx,
          record.participantId,
          proposed.overrides,
          proposed.evidenceAttachmentIds,
        )
        await computable(tx, resource, record.deliveryYear, proposed.overrides)
      },
      async apply(tx, application, actor) {
        const before = await recordOrNotFound(tx, application.entityId)
        if (before.status !== 'active') throw new AppError('E-EC-017', 409)
        const resource = await resourceForCalculation(tx, before.resourceId)
        if (!resource) throw new AppError('E-COMMON-002', 404)
        const p = application.proposed
        const calculation = await computable(tx, resource, before.deliveryYear, p.overrides)
        const data: Prisma.ExpectedCapacityUpdateInput = p.afterAuction
          ? {
              changedExpectedKw: calculation.expectedKw,
              changedCalculation: toJson(calculation),
              changedFactorTable: calculation.factorTable
                ? { connect: { id: calculation.factorTable.id } }
                : { disconnect: true },
            }
          : {
              expectedKw: calculation.expectedKw,
              eligible: calculation.eligible,
              ineligibleMessageId: calculation.messageId,
              calculation: toJson(calculation),
              factorTable: calculation.factorTable
                ? { connect: { id: calculation.factorTable.id } }
                : { disconnect: true },
              overrides: toJson(p.overrides),
            }
        await tx.expectedCapacity.update({
          where: { id: before.id },
          data: {
            ...data,
            evidenceAttachmentIds: p.evidenceAttachmentIds,
            note: p.note,
            version: { increment: 1 },
          },
        })
        await audit(tx, actor, {
          action: p.afterAuction
            ? 'expectedCapacity.changeAfterAuction'
            : 'expectedCapacity.update',
          entityType: 'expectedCapacity',
          entityId: before.id,
          participantId: before.participantId,
          before: p.afterAuction
            ? { changedExpectedKw: before.changedExpectedKw }
            : { expectedKw: before.expectedKw, eligible: before.eligible, note: before.note },
          after: p.afterAuction
            ? {
                changedExpectedKw: calculation.expectedKw,
                factorTableVersion: calculation.factorTable?.versionNo ?? null,
              }
            : {
                expectedKw: calculation.expectedKw,
                eligible: calculation.eligible,
                note: p.note,
                factorTableVersion: calculation.factorTable?.versionNo ?? null,
              },
        })
        if (p.afterAuction) {
          // 841 below the contract kW: the resource's contracts are amended down to it (130).
          await amendContractsToExpectedCapacity(tx, actor, {
            resourceId: before.resourceId,
            deliveryYear: before.deliveryYear,
            expectedKw: calculation.expectedKw,
            sourceId: application.id,
          })
        }
        return {
          entityId: before.id,
          participantId: before.participantId,
          result: {
            [p.afterAuction ? 'changedExpectedKw' : 'expectedKw']: calculation.expectedKw,
          },
        }
      },
    },

    cancel: {
      schema: cancelApplicationSchema,
      window: EXPECTED_CAPACITY_WINDOW,
      windowYear: async (tx, _proposed, { entityId }) => deliveryYearOf(tx, entityId),
      async check(tx, _proposed, { entityId }) {
        const record = await recordOrNotFound(tx, entityId)
        if (record.status !== 'active') throw new AppError('E-EC-017', 409)
      },
      async apply(tx, application, actor) {
        const before = await recordOrNotFound(tx, application.entityId)
        await tx.expectedCapacity.update({
          where: { id: before.id },
          data: { status: 'cancelled', cancelledAt: new Date(), version: { increment: 1 } },
        })
        await audit(tx, actor, {
          action: 'expectedCapacity.cancel',
          entityType: 'expectedCapacity',
          entityId: before.id,
          participantId: before.participantId,
          before: { status: before.status },
          after: { status: 'cancelled', reason: application.proposed.reason },
        })
        return { entityId: before.id, participantId: before.participantId }
      },
    },
  },
})
