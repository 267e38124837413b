import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_MAX_BYTES } from '@yoryo/contracts'
import { encodeMessageRef } from '../messages/message-ref.ts'

export type AttachmentTypeKey =
  'pdf' | 'png' | 'jpeg' | 'csv' | 'text' | 'zip' | 'xlsx' | 'xls' | 'docx' | 'other'

const TYPE_KEYS: Record<string, AttachmentTypeKey> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'text/csv': 'csv',
  'text/plain': 'text',
  'application/zip': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
  txt: 'text/plain',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** The catalogue key (`attachments.types.*`) for a content type. */
export function attachmentTypeKey(contentType: string): AttachmentTypeKey {
  return TYPE_KEYS[contentType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'other'
}

/** The file's content type, from the browser or (when it gives none) from the extension. */
export function effectiveContentType(file: { name: string; type: string }): string {
  if (file.type && file.type !== 'application/octet-stream') return file.type
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  return EXTENSION_TYPES[extension] ?? (file.type || 'application/octet-stream')
}

/** `accept` for the file input: the allowed types and their extensions. */
export const ATTACHMENT_ACCEPT = [
  ...ATTACHMENT_CONTENT_TYPES,
  ...Object.keys(EXTENSION_TYPES).map((e) => `.${e}`),
].join(',')

export const ATTACHMENT_MAX_MB = ATTACHMENT_MAX_BYTES / (1024 * 1024)

/**
 * The same checks as the API, before uploading: size (E-ATTACH-001), empty (E-ATTACH-003),
 * type (E-ATTACH-002). Returns an encoded message reference, or null when the file is fine.
 */
export function checkAttachment(file: { name: string; type: string; size: number }): string | null {
  if (file.size > ATTACHMENT_MAX_BYTES)
    return encodeMessageRef({ id: 'E-ATTACH-001', params: { maxMb: ATTACHMENT_MAX_MB } })
  if (file.size === 0) return encodeMessageRef({ id: 'E-ATTACH-003' })
  const type = effectiveContentType(file)
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(type))
    return encodeMessageRef({ id: 'E-ATTACH-002', params: { contentType: type } })
  return null
}

/** First 12 hex digits of a SHA-256, enough to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12)
}
