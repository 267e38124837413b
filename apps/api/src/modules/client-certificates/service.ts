import { X509Certificate } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Prisma, type DbClient } from '@yoryo/db'
import {
  CERTIFICATE_FILE_MAX_ROWS,
  certificateFileColumns,
  certificateFileRowSchema,
  DAY_MS,
  formatJstDateTime,
  messageForIssue,
  type CertificateFileKey,
  type CertificateFileRow,
  type CertificateImportFields,
  type CertificateImportResult,
  type ClientCertificate,
  type ClientCertificateCreate,
  type ClientCertificateListQuery,
  type ClientCertificateRevoke,
  type ClientCertificateStatus,
  type FieldError,
  type PendingTask,
} from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { audit } from '../../lib/audit.ts'
import { normaliseFingerprint } from '../../lib/crypto.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, isAdministrator } from '../../lib/guards.ts'
import type { Lang } from '../../lib/problem.ts'
import { fieldError, invalid, managedUser, type Caller } from '../users/public.ts'
import { decodeCsv, parseCsv } from './csv-file.ts'
import * as repo from './repository.ts'

/**
 * クライアント証明書 (710/711): administrators of the user's participant and the operator
 * register (by PEM or by the certificate information file), list and revoke the certificates
 * a user may log in with. Login accepts only a registered certificate that is in its validity
 * period and not revoked (auth/repository.ts `hasActiveCertificate`).
 */

/** A certificate expiring within this many days gives a task on the portal top. */
export const CERTIFICATE_WARNING_DAYS = 30

function statusOf(row: repo.CertificateRow, now: Date): ClientCertificateStatus {
  if (row.revokedAt) return 'revoked'
  if (row.validTo <= now) return 'expired'
  return row.validFrom > now ? 'notYetValid' : 'active'
}

export function toCertificate(row: repo.CertificateRow, now = new Date()): ClientCertificate {
  return {
    id: row.id,
    user: { id: row.user.id, userId: row.user.userId, name: row.user.name },
    participant: row.user.participant,
    serialNumber: row.serialNumber,
    fingerprint: row.fingerprint,
    subject: row.subject,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: statusOf(row, now),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  }
}

/** What the audit log keeps of a certificate (no PEM is stored at all). */
function loggable(c: ClientCertificate) {
  return {
    id: c.id,
    userId: c.user.userId,
    serialNumber: c.serialNumber,
    fingerprint: c.fingerprint,
    subject: c.subject,
    validFrom: c.validFrom,
    validTo: c.validTo,
    revokedAt: c.revokedAt,
    version: c.version,
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

// ---- reads ----

/** The filter of the certificate list (710), narrowed to what the caller may see. */
export function certificateListWhere(
  auth: AuthContext,
  query: ClientCertificateListQuery,
  now = new Date(),
): Prisma.ClientCertificateWhereInput {
  let participantId = query.participantId
  if (auth.user.role !== 'operator') {
    if (participantId) assertSameParticipant(auth, participantId)
    participantId = auth.participant.id
  }
  return repo.certificateWhere(
    { participantId, user: query.user, status: query.status, q: query.q },
    now,
  )
}

/** A page of certificates in the given order, as the API shows them. */
export async function findCertificates(
  app: FastifyInstance,
  args: {
    where: Prisma.ClientCertificateWhereInput
    orderBy: Prisma.ClientCertificateOrderByWithRelationInput[]
    skip: number
    take: number
  },
): Promise<ClientCertificate[]> {
  const now = new Date()
  const rows = await repo.listCertificates(app.db, args.where, args.orderBy, args.skip, args.take)
  return rows.map((r) => toCertificate(r, now))
}

async function visibleCertificate(
  db: DbClient,
  auth: AuthContext,
  id: string,
): Promise<repo.CertificateRow> {
  const row = await repo.findCertificate(db, id)
  if (!row) throw new AppError('E-COMMON-002', 404)
  assertSameParticipant(auth, row.user.participantId)
  return row
}

export async function getCertificate(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
): Promise<ClientCertificate> {
  return toCertificate(await visibleCertificate(app.db, auth, id))
}

// ---- registration by PEM ----

export interface ParsedCertificate {
  serialNumber: string
  fingerprint: string
  subject: string
  validFrom: Date
  validTo: Date
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/

/**
 * Reads a PEM certificate (the first of a chain is the user's). Refuses a file with a private
 * key, anything that is not a certificate, and an expired certificate.
 */
export function parsePemCertificate(pem: string, lang: Lang, now = new Date()): ParsedCertificate {
  const path = ['certificate']
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw invalid([fieldError(lang, path, 'E-CERT-004')])
  }
  const block = PEM_BLOCK.exec(pem)?.[0]
  let x509: X509Certificate
  try {
    if (!block) throw new Error('no certificate block')
    x509 = new X509Certificate(block)
  } catch {
    throw invalid([fieldError(lang, path, 'E-CERT-001')])
  }
  const validFrom = new Date(x509.validFrom)
  const validTo = new Date(x509.validTo)
  if (Number.isNaN(validFrom.getTime()) || Number.isNaN(validTo.getTime())) {
    throw invalid([fieldError(lang, path, 'E-CERT-001')])
  }
  if (validTo <= now) {
    throw invalid([fieldError(lang, path, 'E-CERT-002', { validTo: formatJstDateTime(validTo) })])
  }
  return {
    serialNumber: x509.serialNumber.toUpperCase(),
    fingerprint: normaliseFingerprint(x509.fingerprint256),
    subject: x509.subject.split('\n').filter(Boolean).join(', ').slice(0, 500),
    validFrom,
    validTo,
  }
}

/** Registers (or renews: the new certificate stands beside the old one) a user's certificate. */
export async function registerCertificate(
  app: FastifyInstance,
  caller: Caller,
  body: ClientCertificateCreate,
): Promise<ClientCertificate> {
  const { auth, lang } = caller
  const parsed = parsePemCertificate(body.certificate, lang)
  const duplicate = () => invalid([fieldError(lang, ['certificate'], 'E-CERT-003')])
  try {
    return await app.db.$transaction(async (tx) => {
      const user = await managedUser(tx, auth, body.user)
      if ((await repo.registeredFingerprints(tx, [parsed.fingerprint])).size) throw duplicate()
      const row = await repo.createCertificate(tx, { userId: user.id, ...parsed })
      const certificate = toCertificate(row)
      await audit(tx, caller.actor, {
        action: 'clientCertificate.create',
        entityType: 'clientCertificate',
        entityId: row.id,
        participantId: user.participantId,
        after: loggable(certificate),
      })
      return certificate
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate()
    throw error
  }
}

// ---- クライアント証明書情報登録更新用ファイル (711) ----

const HEADERS = certificateFileColumns.map((c) => c.header)
const KEYS = certificateFileColumns.map((c) => c.key)

/**
 * Imports the certificate information file, all or nothing: every row is checked (format by
 * the contract's row schema, then the user, duplicates and expiry) and one bad row rejects the
 * file with the list of every bad row and field. Error paths are `[line, column key]`, the line
 * counted in the file (the header is line 1).
 */
export async function importCertificates(
  app: FastifyInstance,
  caller: Caller,
  fields: CertificateImportFields,
  content: Buffer,
): Promise<CertificateImportResult> {
  const { auth, lang } = caller
  const participantId = fields.participantId ?? auth.participant.id
  assertSameParticipant(auth, participantId)
  const participant = await app.db.participant.findUnique({
    where: { id: participantId },
    select: { id: true },
  })
  if (!participant) throw new AppError('E-COMMON-002', 404)
  if (content.length === 0) throw new AppError('E-ATTACH-003', 400)

  const [header, ...records] = parseCsv(decodeCsv(content, fields.encoding))
  const headerOk =
    header &&
    header.cells.length === HEADERS.length &&
    header.cells.every((c, i) => c.trim() === HEADERS[i])
  if (!headerOk) throw new AppError('E-CERT-006', 400, { params: { headers: HEADERS.join(',') } })
  if (!records.length) throw new AppError('E-CERT-012', 400)
  if (records.length > CERTIFICATE_FILE_MAX_ROWS) {
    throw new AppError('E-CERT-015', 400, { params: { max: CERTIFICATE_FILE_MAX_ROWS } })
  }

  const errors: FieldError[] = []
  const rows: { line: number; row: CertificateFileRow }[] = []
  for (const record of records) {
    if (record.cells.length !== KEYS.length) {
      errors.push(fieldError(lang, [record.line], 'E-CERT-014', { expected: KEYS.length }))
      continue
    }
    const input = Object.fromEntries(KEYS.map((k, i) => [k, record.cells[i]]))
    const parsed = certificateFileRowSchema.safeParse(input)
    if (parsed.success) {
      rows.push({ line: record.line, row: parsed.data })
      continue
    }
    // One message per field: the first problem found.
    const reported = new Set<string>()
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0])
      if (reported.has(key)) continue
      reported.add(key)
      const { messageId, params } = messageForIssue({
        ...(issue as object),
        code: issue.code,
        message: issue.message,
        input: input[key],
      })
      errors.push(fieldError(lang, [record.line, key], messageId, params))
    }
  }

  const now = new Date()
  const users = await repo.activeUsersByLoginId(app.db, participantId, [
    ...new Set(rows.map((r) => r.row.userId)),
  ])
  const registered = await repo.registeredFingerprints(
    app.db,
    rows.map((r) => r.row.fingerprint),
  )
  const seen = new Set<string>()
  const at = (line: number, key: CertificateFileKey) => [line, key]
  for (const { line, row } of rows) {
    if (!users.has(row.userId)) errors.push(fieldError(lang, at(line, 'userId'), 'E-CERT-007'))
    if (seen.has(row.fingerprint)) {
      errors.push(fieldError(lang, at(line, 'fingerprint'), 'E-CERT-013'))
    } else if (registered.has(row.fingerprint)) {
      errors.push(fieldError(lang, at(line, 'fingerprint'), 'E-CERT-003'))
    }
    seen.add(row.fingerprint)
    if (row.validTo <= now) {
      errors.push(
        fieldError(lang, at(line, 'validTo'), 'E-CERT-002', {
          validTo: formatJstDateTime(row.validTo),
        }),
      )
    }
  }
  if (errors.length) {
    errors.sort((a, b) => Number(a.path[0]) - Number(b.path[0]))
    throw new AppError('E-CERT-005', 400, { params: { count: errors.length }, errors })
  }

  try {
    const certificates = await app.db.$transaction(async (tx) => {
      const created: ClientCertificate[] = []
      for (const { row } of rows) {
        const user = users.get(row.userId) as { id: string }
        const inserted = await repo.createCertificate(tx, {
          userId: user.id,
          serialNumber: row.serialNumber,
          fingerprint: row.fingerprint,
          validFrom: row.validFrom,
          validTo: row.validTo,
        })
        const certificate = toCertificate(inserted, now)
        await audit(tx, caller.actor, {
          action: 'clientCertificate.import',
          entityType: 'clientCertificate',
          entityId: inserted.id,
          participantId,
          after: loggable(certificate),
        })
        created.push(certificate)
      }
      return created
    })
    return { count: certificates.length, certificates }
  } catch (error) {
    // Someone registered one of the certificates meanwhile: nothing of the file was written.
    if (isUniqueViolation(error)) throw new AppError('E-CERT-003', 409)
    throw error
  }
}

// ---- revocation ----

export async function revokeCertificate(
  app: FastifyInstance,
  caller: Caller,
  id: string,
  body: ClientCertificateRevoke,
): Promise<ClientCertificate> {
  return app.db.$transaction(async (tx) => {
    const before = await visibleCertificate(tx, caller.auth, id)
    if (!isAdministrator(caller.auth)) throw new AppError('E-AUTH-005', 403)
    if (before.revokedAt) throw new AppError('E-CERT-011', 409)
    if (before.version !== body.version) throw new AppError('E-COMMON-004', 409)
    const now = new Date()
    if (!(await repo.revokeAtVersion(tx, id, body.version, now))) {
      throw new AppError('E-COMMON-004', 409)
    }
    await repo.endSessionsWithCertificate(tx, before.userId, before.fingerprint, now)
    const after = toCertificate((await repo.findCertificate(tx, id)) as repo.CertificateRow, now)
    await audit(tx, caller.actor, {
      action: 'clientCertificate.revoke',
      entityType: 'clientCertificate',
      entityId: id,
      participantId: before.user.participantId,
      before: loggable(toCertificate(before, now)),
      after: loggable(after),
    })
    return after
  })
}

// ---- portal top ----

/**
 * Certificates expiring within 30 days and not yet renewed: the user's own, or for an
 * administrator those of every user of its participant.
 */
export async function certificateExpiryTasks(
  app: FastifyInstance,
  auth: AuthContext,
  now: Date,
): Promise<PendingTask[]> {
  const scope = isAdministrator(auth)
    ? { participantId: auth.participant.id }
    : { userId: auth.user.id }
  const until = new Date(now.getTime() + CERTIFICATE_WARNING_DAYS * DAY_MS)
  const rows = await repo.expiringCertificates(app.db, scope, now, until)
  return rows.map((c) => ({
    kind: 'certificateExpiry',
    messageId: 'W-CERT-001',
    params: {
      userId: c.user.userId,
      name: c.user.name,
      serialNumber: c.serialNumber,
      validTo: c.validTo.toISOString(),
    },
    function: '710',
    dueAt: c.validTo.toISOString(),
  }))
}
