import { z } from 'zod'
import { timestampSchema } from './common.ts'

/**
 * 帳票 (800 and every later document): a PDF issued from a data snapshot frozen at issue, with a
 * document number and an issue date. The API renders it on download from the snapshot.
 */
export const documentSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('The template, e.g. resourceRegistrationNotice'),
    title: z.string().describe('帳票名 as printed'),
    documentNo: z.string().describe('文書番号'),
    issuedOn: z.iso.date().describe('発行日 (JST)'),
    ownerType: z.string(),
    ownerId: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'DocumentSummary' })
export type DocumentSummary = z.infer<typeof documentSummarySchema>
