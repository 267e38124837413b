import { z } from 'zod'
import { timestampSchema } from './common.ts'

/** Types a user may attach: PDF, images, spreadsheets, CSV, text, Word, ZIP. */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  'text/plain',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const

/** Record kinds that can carry attachments (module names from the glossary); later modules add theirs. */
export const attachmentOwnerTypeSchema = z.enum(['participant', 'application'])
export type AttachmentOwnerType = z.infer<typeof attachmentOwnerTypeSchema>

export const attachmentOwnerSchema = z.object({
  ownerType: attachmentOwnerTypeSchema,
  ownerId: z.string().min(1).max(64),
})

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    ownerType: attachmentOwnerTypeSchema,
    ownerId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: timestampSchema,
  })
  .meta({ id: 'Attachment' })
export type Attachment = z.infer<typeof attachmentSchema>
