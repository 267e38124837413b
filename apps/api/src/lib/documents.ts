import type { z } from 'zod'
import {
  fiscalYearOf,
  jstDateOf,
  SAMPLE_DOCUMENT_NO,
  type DocumentSummary,
  type FunctionGroupCode,
} from '@yoryo/contracts'
import { nextNumber, type Document, type DbClient, type Prisma } from '@yoryo/db'
import { renderPdf, type Pdf } from './pdf.ts'

/**
 * The one document pipeline (帳票, workflow.md "Documents"): a template per kind of document,
 * a `document` row per issued document holding the data snapshot it prints, and rendering on
 * demand from that snapshot — the same snapshot always gives the same bytes.
 *
 *   export const myNotice = defineDocument({ kind, prefix, functionGroup, schema, title, body })
 *   await issueDocument(tx, myNotice, { participantId, ownerType, ownerId, snapshot })
 *   GET /api/v1/documents/{id}/pdf   (participant: its own; the operator: all)
 */
export interface DocumentTemplate<S> {
  /** Unique key stored in `document.kind`, e.g. `resourceRegistrationNotice`. */
  kind: string
  /**
   * Document number prefix (2–4 capitals), e.g. `RN`: numbers are `RN2026-000001`. None for a
   * document printed from other stored data under that data's number (701: the receipt number).
   */
  prefix?: string
  /** The function group (A40) whose view right lets a participant's general user read it. */
  functionGroup: FunctionGroupCode
  /** The snapshot's shape: checked when issued and again when rendered. */
  schema: z.ZodType<S>
  /** 帳票名 as printed (may depend on the snapshot, e.g. the resource kind). */
  title(snapshot: S): string
  /** Draws the body below the header (document number, issue date, title). */
  body(doc: Pdf, snapshot: S): void
  /**
   * A snapshot satisfying `schema` for 帳票サンプル (K00): fictitious names (見本) and codes. Every
   * template has one (a test renders each); optional only so a template can be written first.
   */
  sample?: NoInfer<S>
}

/** The operator as it signs its documents. */
export const ISSUER = '電力広域的運営推進機関'

/** The fictitious participant every template's sample (K00) is addressed to. */
export const SAMPLE_PARTICIPANT = { code: 'P99999', name: '見本電力株式会社' }

const templates = new Map<string, DocumentTemplate<unknown>>()

/** Declares a kind of document and adds it to the registry the download route renders from. */
export function defineDocument<S>(template: DocumentTemplate<S>): DocumentTemplate<S> {
  if (template.prefix !== undefined && !/^[A-Z]{2,4}$/.test(template.prefix)) {
    throw new Error(`bad prefix ${template.prefix}`)
  }
  const taken = [...templates.values()].find(
    (t) => t.prefix && t.prefix === template.prefix && t.kind !== template.kind,
  )
  if (taken) throw new Error(`document prefix ${template.prefix} taken by ${taken.kind}`)
  templates.set(template.kind, template as DocumentTemplate<unknown>)
  return template
}

/** Every document template, by kind (K00 lists them, K20 maps them to their screens). */
export function documentTemplates(): DocumentTemplate<unknown>[] {
  return [...templates.values()].sort((a, b) => a.kind.localeCompare(b.kind))
}

/** The template of a stored document's kind. */
export function documentTemplate(kind: string): DocumentTemplate<unknown> {
  const template = templates.get(kind)
  if (!template) throw new Error(`no document template ${kind}`)
  return template
}

/** 文書番号: prefix + fiscal year of issue + `-` + 6 digits, from the prefix's series per year. */
export async function nextDocumentNo(db: DbClient, prefix: string, issuedOn: string) {
  const year = fiscalYearOf(issuedOn)
  const n = await nextNumber(db, `document:${prefix}${year}`)
  return `${prefix}${year}-${String(n).padStart(6, '0')}`
}

/**
 * Issues a document in the caller's transaction: numbers it, freezes the snapshot. Nothing is
 * rendered here (rendering happens on download, from the row).
 */
export async function issueDocument<S>(
  tx: DbClient,
  template: DocumentTemplate<S>,
  input: {
    participantId: string | null
    ownerType: string
    ownerId: string
    snapshot: S
    now?: Date
  },
): Promise<Document> {
  if (!template.prefix) throw new Error(`document ${template.kind} is not issued`)
  const snapshot = template.schema.parse(input.snapshot)
  const issuedOn = jstDateOf(input.now ?? new Date())
  return tx.document.create({
    data: {
      kind: template.kind,
      documentNo: await nextDocumentNo(tx, template.prefix, issuedOn),
      issuedOn,
      snapshot: snapshot as Prisma.InputJsonValue,
      participantId: input.participantId,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
    },
  })
}

/** Renders a document from a template and its data (the issue date is a JST date). */
export function renderTemplate<S>(
  template: DocumentTemplate<S>,
  input: { documentNo: string; issuedOn: string; snapshot: S },
): Promise<Buffer> {
  const snapshot = template.schema.parse(input.snapshot)
  return renderPdf(
    {
      title: template.title(snapshot),
      documentNo: input.documentNo,
      issuedAt: new Date(`${input.issuedOn}T00:00:00+09:00`),
    },
    (doc) => template.body(doc, snapshot),
  )
}

/** Renders a stored document from its snapshot. */
export function renderDocument(
  row: Pick<Document, 'kind' | 'documentNo' | 'issuedOn' | 'snapshot'>,
): Promise<Buffer> {
  return renderTemplate(documentTemplate(row.kind), row)
}

/** The title of a stored document as printed. */
export function documentTitle(row: Pick<Document, 'kind' | 'snapshot'>): string {
  const template = documentTemplate(row.kind)
  const parsed = template.schema.safeParse(row.snapshot)
  return parsed.success ? template.title(parsed.data) : row.kind
}

/** Stored documents as lists show them. */
export function documentSummariesOf(rows: Document[]): DocumentSummary[] {
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: documentTitle(row),
    documentNo: row.documentNo,
    issuedOn: row.issuedOn,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
  }))
}

/**
 * Renders a template's sample (K00) on demand: numbered 見本 (never from the real series), dated
 * the day given, each page stamped 見本 SAMPLE at its top left.
 */
export function renderSample<S>(template: DocumentTemplate<S>, issuedOn: string): Promise<Buffer> {
  if (template.sample === undefined) throw new Error(`document ${template.kind} has no sample`)
  const snapshot = template.schema.parse(template.sample)
  return renderPdf(
    {
      title: template.title(snapshot),
      documentNo: SAMPLE_DOCUMENT_NO,
      issuedAt: new Date(`${issuedOn}T00:00:00+09:00`),
    },
    (doc) => {
      template.body(doc, snapshot)
      // A stamp at the top left of every page (the document number is at the right).
      const range = doc.bufferedPageRange()
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i)
        const { left } = doc.page.margins
        doc.save()
        doc.lineWidth(1.5).strokeColor('#c00000').rect(left, 20, 120, 28).stroke()
        doc
          .font('jp-bold')
          .fontSize(14)
          .fillColor('#c00000')
          .text('見本 SAMPLE', left, 26, { width: 120, align: 'center', lineBreak: false })
        doc.restore()
      }
    },
  )
}
