import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  attachmentOwnerTypeSchema,
  entityTypeSchema,
  type Attachment,
  type AttachmentOwnerType,
  type FunctionGroupCode,
} from '@yoryo/contracts'
import { audit, type Actor } from '../../lib/audit.ts'
import type { AuthContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, hasPermission } from '../../lib/guards.ts'

/** Who owns a record that carries files, and the function group (A40) whose rights apply. */
interface Owner {
  participantId: string
  functionGroup: FunctionGroupCode
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id)

/**
 * The owner of a record of each kind that can carry attachments; null when there is none.
 * Later modules add their record kinds here.
 */
const ownerResolvers: Record<
  AttachmentOwnerType,
  (app: FastifyInstance, ownerId: string) => Promise<Owner | null>
> = {
  participant: async (app, ownerId) => {
    if (!isUuid(ownerId)) return null
    const p = await app.db.participant.findUnique({ where: { id: ownerId }, select: { id: true } })
    return p ? { participantId: p.id, functionGroup: '030' } : null
  },
  // Files attached to an application follow the rights of the record kind it applies for.
  application: async (app, ownerId) => {
    if (!isUuid(ownerId)) return null
    const a = await app.db.application.findUnique({
      where: { id: ownerId },
      select: { participantId: true, entityType: true },
    })
    const entityType = entityTypeSchema.safeParse(a?.entityType)
    if (!a?.participantId || !entityType.success) return null
    return {
      participantId: a.participantId,
      functionGroup: app.entityHandlers.get(entityType.data).functionGroup,
    }
  },
}

/**
 * The owner of a record the caller may see (another participant's answers 404), checked for
 * the right the operation needs: view to list and download, edit to upload and delete (403).
 */
async function ownerParticipant(
  app: FastifyInstance,
  auth: AuthContext,
  ownerType: AttachmentOwnerType,
  ownerId: string,
  mode: 'view' | 'edit',
): Promise<string> {
  const owner = await ownerResolvers[ownerType](app, ownerId)
  if (!owner) throw new AppError('E-COMMON-002', 404)
  assertSameParticipant(auth, owner.participantId)
  if (!hasPermission(auth, owner.functionGroup, mode)) throw new AppError('E-AUTH-005', 403)
  return owner.participantId
}

const select = {
  id: true,
  ownerType: true,
  ownerId: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  createdAt: true,
  participantId: true,
  uploadedBy: true,
} as const

type Row = {
  id: string
  ownerType: string
  ownerId: string
  fileName: string
  contentType: string
  size: number
  sha256: string
  createdAt: Date
  uploadedBy: string
}

async function toAttachments(app: FastifyInstance, rows: Row[]): Promise<Attachment[]> {
  const users = await app.db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.uploadedBy))] } },
    select: { id: true, name: true },
  })
  const names = new Map(users.map((u) => [u.id, u.name]))
  return rows.map((r) => ({
    id: r.id,
    ownerType: r.ownerType as AttachmentOwnerType,
    ownerId: r.ownerId,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: { id: r.uploadedBy, name: names.get(r.uploadedBy) ?? '' },
    createdAt: r.createdAt.toISOString(),
  }))
}

export async function listAttachments(
  app: FastifyInstance,
  auth: AuthContext,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<Attachment[]> {
  await ownerParticipant(app, auth, ownerType, ownerId, 'view')
  const rows = await app.db.attachment.findMany({
    where: { ownerType, ownerId, deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select,
  })
  return toAttachments(app, rows)
}

export function checkAttachment(contentType: string, size: number): void {
  if (size === 0) throw new AppError('E-ATTACH-003', 400)
  if (size > ATTACHMENT_MAX_BYTES) {
    throw new AppError('E-ATTACH-001', 413, {
      params: { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 },
    })
  }
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    throw new AppError('E-ATTACH-002', 415, { params: { contentType } })
  }
}

export async function addAttachment(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  input: {
    ownerType: AttachmentOwnerType
    ownerId: string
    fileName: string
    contentType: string
    content: Buffer
  },
): Promise<Attachment> {
  const participantId = await ownerParticipant(app, auth, input.ownerType, input.ownerId, 'edit')
  checkAttachment(input.contentType, input.content.length)
  const row = await app.db.$transaction(async (tx) => {
    const created = await tx.attachment.create({
      data: {
        participantId,
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        fileName: input.fileName.slice(0, 255),
        contentType: input.contentType,
        size: input.content.length,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        content: new Uint8Array(input.content),
        uploadedBy: auth.user.id,
      },
      select,
    })
    await audit(tx, actor, {
      action: 'attachment.create',
      entityType: 'attachment',
      entityId: created.id,
      participantId,
      after: created,
    })
    return created
  })
  const [attachment] = await toAttachments(app, [row])
  return attachment as Attachment
}

async function findVisible(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
  mode: 'view' | 'edit',
) {
  const row = await app.db.attachment.findFirst({ where: { id, deletedAt: null }, select })
  if (!row) throw new AppError('E-COMMON-002', 404)
  assertSameParticipant(auth, row.participantId)
  const ownerType = attachmentOwnerTypeSchema.safeParse(row.ownerType)
  if (!ownerType.success) throw new AppError('E-COMMON-002', 404)
  await ownerParticipant(app, auth, ownerType.data, row.ownerId, mode)
  return row
}

export async function attachmentContent(app: FastifyInstance, auth: AuthContext, id: string) {
  const row = await findVisible(app, auth, id, 'view')
  const content = await app.db.attachment.findUniqueOrThrow({
    where: { id },
    select: { content: true },
  })
  return { ...row, content: Buffer.from(content.content) }
}

export async function deleteAttachment(
  app: FastifyInstance,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<void> {
  const before = await findVisible(app, auth, id, 'edit')
  await app.db.$transaction(async (tx) => {
    // Only the first of two concurrent deletions deletes (and is audited).
    const { count } = await tx.attachment.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date() },
    })
    if (count === 0) throw new AppError('E-COMMON-002', 404)
    await audit(tx, actor, {
      action: 'attachment.delete',
      entityType: 'attachment',
      entityId: id,
      participantId: before.participantId,
      before,
    })
  })
}
