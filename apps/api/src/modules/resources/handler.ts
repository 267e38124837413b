import {
  cancelApplicationSchema,
  formatMessage,
  formatResourceCode,
  resourceCodeSeries,
  resourceInputSchema,
  type MessageId,
} from '@yoryo/contracts'
import { nextNumber, type DbTransaction } from '@yoryo/db'
import { audit } from '../../lib/audit.ts'
import { issueDocument } from '../../lib/documents.ts'
import { AppError } from '../../lib/errors.ts'
import { defineEntityHandler } from '../applications/public.ts'
import { ISSUER, registrationNotice } from './notice.ts'
import { columnsOf, listsOf, resourceInclude, valuesOf, type ResourceRow } from './resource.ts'

async function resourceOrNotFound(tx: DbTransaction, id: string | null): Promise<ResourceRow> {
  const r = id ? await tx.resource.findUnique({ where: { id }, include: resourceInclude }) : null
  if (!r) throw new AppError('E-COMMON-002', 404)
  return r
}

function fieldError(path: string[], messageId: MessageId): AppError {
  return new AppError('E-COMMON-001', 400, {
    errors: [{ path, messageId, message: formatMessage(messageId, 'ja') }],
  })
}

/** A change or cancellation applies to an active resource only. */
async function assertActive(tx: DbTransaction, id: string | null): Promise<ResourceRow> {
  const r = await resourceOrNotFound(tx, id)
  if (r.status !== 'active') throw new AppError('E-RES-014', 409)
  return r
}

/** A change keeps the kind and the area (they are part of the resource code). */
function assertSameKindAndArea(
  proposed: { kind: string; area: string },
  current: { kind: string; area: string },
): void {
  if (proposed.kind !== current.kind) throw fieldError(['kind'], 'E-RES-013')
  if (proposed.area !== current.area) throw fieldError(['area'], 'E-RES-013')
}

/**
 * Resources (050) as reviewed records: a registration issues the resource code (area number +
 * kind letter + 7 digits, from the area and kind's number series) and the registration notice
 * (800); a change replaces the values (kind and area stay: they are part of the code); a
 * cancellation marks the resource cancelled.
 */
export const resourceHandler = defineEntityHandler({
  entityType: 'resource',
  functionGroup: '050',

  async current(tx, entityId) {
    const r = await tx.resource.findUnique({ where: { id: entityId }, include: resourceInclude })
    return r ? { values: valuesOf(r), version: r.version } : null
  },

  async currentMany(tx, entityIds) {
    const rows = await tx.resource.findMany({
      where: { id: { in: [...entityIds] } },
      include: resourceInclude,
    })
    return new Map(rows.map((r) => [r.id, { values: valuesOf(r), version: r.version }]))
  },

  kinds: {
    register: {
      schema: resourceInputSchema,
      async apply(tx, application, actor) {
        const values = application.proposed
        const participantId = application.participantId
        if (!participantId) throw new AppError('E-COMMON-002', 404)
        const participant = await tx.participant.findUniqueOrThrow({ where: { id: participantId } })
        const n = await nextNumber(tx, resourceCodeSeries(values.area, values.kind))
        const code = formatResourceCode(values.area, values.kind, n)
        const { members, sites } = listsOf(values)
        const created = await tx.resource.create({
          data: {
            ...columnsOf(values),
            code,
            participantId,
            members: { create: members },
            sites: { create: sites },
          },
        })
        await audit(tx, actor, {
          action: 'resource.create',
          entityType: 'resource',
          entityId: created.id,
          participantId,
          after: { code, ...values },
        })
        const notice = await issueDocument(tx, registrationNotice, {
          participantId,
          ownerType: 'resource',
          ownerId: created.id,
          snapshot: {
            participant: { code: participant.code, name: participant.name },
            issuer: ISSUER,
            receiptNo: application.receiptNo,
            resourceCode: code,
            resource: values,
          },
        })
        await audit(tx, actor, {
          action: 'document.issue',
          entityType: 'document',
          entityId: notice.id,
          participantId,
          after: { kind: notice.kind, documentNo: notice.documentNo, resourceCode: code },
        })
        return {
          entityId: created.id,
          participantId,
          result: { resourceCode: code, documentNo: notice.documentNo },
        }
      },
    },

    change: {
      schema: resourceInputSchema,
      async check(tx, proposed, { entityId }) {
        assertSameKindAndArea(proposed, await assertActive(tx, entityId))
      },
      async checkMany(tx, items) {
        const ids = items.map((i) => i.context.entityId).filter((id): id is string => !!id)
        const rows = await tx.resource.findMany({
          where: { id: { in: ids } },
          select: { id: true, kind: true, area: true, status: true },
        })
        const byId = new Map(rows.map((r) => [r.id, r]))
        for (const { proposed, context } of items) {
          const current = context.entityId ? byId.get(context.entityId) : undefined
          if (!current) throw new AppError('E-COMMON-002', 404)
          if (current.status !== 'active') throw new AppError('E-RES-014', 409)
          assertSameKindAndArea(proposed, current)
        }
      },
      async apply(tx, application, actor) {
        const before = await assertActive(tx, application.entityId)
        const values = application.proposed
        const { members, sites } = listsOf(values)
        await tx.resourceMember.deleteMany({ where: { resourceId: before.id } })
        await tx.resourceSite.deleteMany({ where: { resourceId: before.id } })
        await tx.resource.update({
          where: { id: before.id },
          data: {
            ...columnsOf(values),
            version: { increment: 1 },
            members: { create: members },
            sites: { create: sites },
          },
        })
        await audit(tx, actor, {
          action: 'resource.update',
          entityType: 'resource',
          entityId: before.id,
          participantId: before.participantId,
          before: valuesOf(before),
          after: values,
        })
        return { entityId: before.id, participantId: before.participantId }
      },
    },

    cancel: {
      schema: cancelApplicationSchema,
      async check(tx, _proposed, { entityId }) {
        await assertActive(tx, entityId)
      },
      async apply(tx, application, actor) {
        const before = await assertActive(tx, application.entityId)
        await tx.resource.update({
          where: { id: before.id },
          data: { status: 'cancelled', cancelledAt: new Date(), version: { increment: 1 } },
        })
        await audit(tx, actor, {
          action: 'resource.cancel',
          entityType: 'resource',
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
