import { z } from 'zod'

/** One field-level problem inside a validation error. */
export const fieldErrorSchema = z
  .object({
    path: z
      .array(z.union([z.string(), z.number()]))
      .describe('Path to the field, e.g. ["password"]'),
    messageId: z.string(),
    message: z.string(),
  })
  .meta({ id: 'FieldError' })
export type FieldError = z.infer<typeof fieldErrorSchema>

/** RFC 9457 problem details, as every error response of the API. */
export const problemSchema = z
  .object({
    type: z.string().describe('URI reference identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    messageId: z.string().describe('ID in the message catalogue (600 / G30)'),
    requestId: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof problemSchema>

/** A catalogue message with its parameters, formatted by the reader in its own language. */
export const messageRefSchema = z
  .object({
    messageId: z.string().describe('ID in the message catalogue (600 / G30)'),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'MessageRef' })
export type MessageRefValue = z.infer<typeof messageRefSchema>

/** Why a job's run (B40, E10) failed: the fields of every run record. */
export const runFailureFields = {
  error: z
    .string()
    .nullable()
    .describe('A failed run’s technical error text (operator only; null for others)'),
  failure: messageRefSchema
    .nullable()
    .describe(
      'Why a run failed, as a catalogue message (operator only); null when it did not fail or failed unexpectedly (then see error)',
    ),
}

export const idParamSchema = z.object({ id: z.uuid() })

/**
 * The version of a record the user saw (optimistic concurrency), as sent back on a write.
 * Bounded to the database's integer range, so a huge number is a 400, not a database error.
 */
export const versionInputSchema = z
  .number()
  .int()
  .min(0)
  .max(2_147_483_647)
  .describe('The version the user saw (optimistic concurrency)')

export const okSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' })

/** ISO 8601 timestamps travel as strings; the SPAs show them in JST. */
export const timestampSchema = z.iso.datetime({ offset: true })

/**
 * The 200 answer of a download: a file of the given media type (OpenAPI shows it under that
 * media type, not as JSON). `application/octet-stream` when the type is the file's own.
 */
export function fileResponseSchema(mediaType: string, description: string) {
  return z.any().meta({ contentMediaType: mediaType, description })
}
