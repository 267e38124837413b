import { formatMessage } from '@yoryo/contracts'
import type { RulesMessageId } from '@yoryo/contracts/messages/rules'

export type { RulesMessageId }

/** A position in the input: object keys and array indexes, e.g. `['bids', 3, 'kw']`. */
export type InputPath = (string | number)[]

export type MessageParams = Record<string, string | number>

/** The JSON form of a validation problem, as the CLI prints it. */
export interface RulesProblem {
  messageId: RulesMessageId
  message: string
  path: InputPath
}

/** `['bids', 3, 'kw']` → `$.bids[3].kw` (the form used in messages). */
export function formatPath(path: InputPath): string {
  let text = '$'
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `.${part}`
  return text
}

/**
 * Thrown by the rules functions when their input is invalid. `messageId` is in the shared message
 * catalogue (`E-RULES-…`); `path` names the offending field; `message` is the English text.
 */
export class RulesValidationError extends Error {
  readonly messageId: RulesMessageId
  readonly path: InputPath
  readonly params: MessageParams

  constructor(messageId: RulesMessageId, path: InputPath, params: MessageParams = {}) {
    const allParams = { field: formatPath(path), ...params }
    super(formatMessage(messageId, 'en', allParams))
    this.name = 'RulesValidationError'
    this.messageId = messageId
    this.path = path
    this.params = allParams
  }

  /** The message in one language. */
  localized(lang: 'ja' | 'en'): string {
    return formatMessage(this.messageId, lang, this.params)
  }

  /** `{ messageId, message, path }` with the message in the given language. */
  toProblem(lang: 'ja' | 'en' = 'en'): RulesProblem {
    return { messageId: this.messageId, message: this.localized(lang), path: this.path }
  }
}

/** A value as shown in a message: strings quoted by the message itself, others via JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return 'undefined'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
