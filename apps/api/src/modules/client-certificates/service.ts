import { X509Certificate } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Prisma, type DbClient } from '@yoryo/db'
import {
  DAY_MS,
  formatJstDateTime,
  type ClientCertificate,
  type ClientCertificateCreate,
  type ClientCertificateListQuery,
  type ClientCertificateRevoke,
  type ClientCertificateStatus,
  type PendingTask,
} from '@yoryo/contracts'
import type { AuthContext } from '../../lib/context.ts'
import { audit } from '../../lib/audit.ts'
import { normaliseFingerprint } from '../../lib/crypto.ts'
import { AppError } from '../../lib/errors.ts'
import { assertSameParticipant, isAdministrator } from '../../lib/guards.ts'
import type { Lang } from '../../lib/problem.ts'
import { fieldError, invalid, managedUser, type Caller } from '../users/public.ts'
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
export function loggable(c: ClientCertificate) {
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

export function isUniqueViolation(error: unknown): boolean {
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
