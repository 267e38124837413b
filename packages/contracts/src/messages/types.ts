export type Severity = 'info' | 'warning' | 'error'

/** One system message (600 / G30): its severity and its text in Japanese and English. */
export interface MessageDefinition {
  severity: Severity
  ja: string
  en: string
}

/**
 * Message IDs look like `E-AUTH-001`: a severity letter (E error, W warning, I info),
 * the module, and a number. Texts may hold `{name}` placeholders filled by `formatMessage`.
 */
export type MessageGroup = Record<string, MessageDefinition>
