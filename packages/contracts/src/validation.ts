import { isMessageId, type MessageId } from './messages/index.ts'

/** The parts of a zod issue that decide its message (zod's own issue types vary by code). */
export interface IssueLike {
  code: string
  message?: string
  input?: unknown
  origin?: string
  minimum?: unknown
  maximum?: unknown
  format?: unknown
  params?: Record<string, unknown>
}

/**
 * The one mapping from a validation issue to a catalogue message, used by the API's error
 * handler, the forms and the CSV importer alike. Rules of our own (`.refine`, `.regex`, …) put
 * their message ID in the issue's message (and, for `.refine`, placeholders in `params`).
 */
export function messageForIssue(issue: IssueLike): {
  messageId: MessageId
  params: Record<string, string | number>
} {
  if (issue.message && isMessageId(issue.message)) {
    const params: Record<string, string | number> = {}
    for (const [k, v] of Object.entries(issue.params ?? {})) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v
    }
    return { messageId: issue.message, params }
  }
  const empty = issue.input === undefined || issue.input === null || issue.input === ''
  if (empty && isChoice(issue)) return { messageId: 'E-COMMON-013', params: {} }
  switch (issue.code) {
    case 'invalid_type':
      return { messageId: empty ? 'E-COMMON-007' : 'E-COMMON-008', params: {} }
    case 'too_small':
      if (issue.origin === 'string' && (empty || Number(issue.minimum) <= 1)) {
        return { messageId: 'E-COMMON-007', params: {} }
      }
      return { messageId: 'E-COMMON-008', params: {} }
    case 'too_big':
      if (issue.origin === 'string') {
        return { messageId: 'E-COMMON-009', params: { max: Number(issue.maximum) } }
      }
      return { messageId: 'E-COMMON-008', params: {} }
    default:
      return { messageId: 'E-COMMON-008', params: {} }
  }
}

/**
 * An issue of a value chosen from options (an enumeration, or a record chosen by its ID): left
 * empty, it asks to choose (E-COMMON-013) rather than saying the format is wrong.
 */
export function isChoice(issue: { code: string; format?: unknown }): boolean {
  return (
    issue.code === 'invalid_value' || (issue.code === 'invalid_format' && issue.format === 'uuid')
  )
}

/** A zod `.refine` option that reports a catalogue message. */
export function rule(messageId: MessageId, params: Record<string, string | number> = {}) {
  return { message: messageId, params }
}
