import {
  ATTACHMENT_MAX_BYTES,
  PASSWORD_HISTORY_SIZE,
  PASSWORD_MIN_LENGTH,
  formatMessage,
  isChoice,
  isMessageId,
  messages,
  type Severity,
} from '@yoryo/contracts'
import type { Language } from '../i18n/catalogue.ts'

/**
 * A reference to a catalogue message, as stored in a react-hook-form error's `message`:
 * the ID, its parameters and (from the server) the text it already formatted.
 * Rendering happens at display time, so a language switch re-renders errors too.
 */
export interface MessageRef {
  id: string
  params?: Record<string, string | number>
  text?: string
}

const PREFIX = 'msg:'

export function encodeMessageRef(ref: MessageRef): string {
  return PREFIX + JSON.stringify(ref)
}

/** Reads a `MessageRef` back; a bare message ID also counts. Anything else is plain text. */
export function decodeMessageRef(value: string | undefined | null): MessageRef | null {
  if (!value) return null
  if (value.startsWith(PREFIX)) {
    try {
      const parsed = JSON.parse(value.slice(PREFIX.length)) as MessageRef
      if (typeof parsed.id === 'string') return parsed
    } catch {
      return null
    }
  }
  if (isMessageId(value)) return { id: value }
  return null
}

/** Placeholder values the client knows without being told (policy constants). */
export const DEFAULT_MESSAGE_PARAMS: Readonly<Record<string, Record<string, string | number>>> = {
  'E-AUTH-007': { min: PASSWORD_MIN_LENGTH },
  'E-AUTH-010': { count: PASSWORD_HISTORY_SIZE },
  'E-ATTACH-001': { maxMb: ATTACHMENT_MAX_BYTES / (1024 * 1024) },
}

/** The text of a message in `language`; server text is the fallback for unknown IDs or params. */
export function resolveMessage(ref: MessageRef, language: Language): string {
  if (!isMessageId(ref.id)) return ref.text ?? ref.id
  const params = { ...DEFAULT_MESSAGE_PARAMS[ref.id], ...ref.params }
  const text = formatMessage(ref.id, language, params)
  if (/\{\w+\}/.test(text)) {
    if (ref.text) return ref.text
    return text
      .replace(/\{\w+\}/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim()
  }
  return text
}

/** Severity from the catalogue, or from the ID's first letter (E / W / I) if unknown. */
export function severityOf(id: string): Severity {
  if (isMessageId(id)) return messages[id].severity
  if (id.startsWith('W-')) return 'warning'
  if (id.startsWith('I-')) return 'info'
  return 'error'
}

/** The parts of a zod issue the error map needs (kept structural: ui does not import zod). */
export interface ZodIssueLike {
  code: string
  minimum?: unknown
  maximum?: unknown
  origin?: unknown
  input?: unknown
  format?: unknown
}

/**
 * A zod error map that returns catalogue references, so client-side validation speaks the same
 * IDs as the API. Use as `zodResolver(schema, { error: zodIssueToMessage })` or
 * `schema.safeParse(values, { error: zodIssueToMessage })`.
 */
export function zodIssueToMessage(issue: ZodIssueLike): string {
  const empty = issue.input === undefined || issue.input === null || issue.input === ''
  if (empty && isChoice(issue)) return encodeMessageRef({ id: 'E-COMMON-013' })
  switch (issue.code) {
    case 'too_small':
      if (empty || Number(issue.minimum) <= 1) return encodeMessageRef({ id: 'E-COMMON-007' })
      return encodeMessageRef({ id: 'E-COMMON-008' })
    case 'too_big':
      if (issue.origin === 'string')
        return encodeMessageRef({ id: 'E-COMMON-009', params: { max: Number(issue.maximum) } })
      return encodeMessageRef({ id: 'E-COMMON-008' })
    case 'invalid_type':
      return encodeMessageRef({ id: empty ? 'E-COMMON-007' : 'E-COMMON-008' })
    default:
      return encodeMessageRef({ id: 'E-COMMON-008' })
  }
}
