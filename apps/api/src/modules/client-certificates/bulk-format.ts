import { randomUUID } from 'node:crypto'
import {
  CERTIFICATE_FILE_MAX_ROWS,
  certificateFileRowSchema,
  formatJstDateTime,
} from '@yoryo/contracts'
import { auditMany } from '../../lib/audit.ts'
import { AppError } from '../../lib/errors.ts'
import { defineBulkFormat, type BulkRowError } from '../bulk-imports/public.ts'
import { isUniqueViolation } from './service.ts'
import * as repo from './repository.ts'

/**
 * クライアント証明書情報登録更新用ファイル (711) as a bulk format: one row per certificate of a
 * user of the participant; all or nothing, one audit entry per certificate.
 */
export const certificateFileFormat = defineBulkFormat({
  code: '711',
  functionKey: 'clientCertificates',
  ja: 'クライアント証明書情報登録更新用ファイル',
  en: 'Client certificate information file',
  rowSchema: certificateFileRowSchema,
  maxRows: CERTIFICATE_FILE_MAX_ROWS,
  columns: {
    userId: {
      header: 'ユーザID',
      en: 'User ID',
      example: 'user01',
      type: 'code',
      rule: {
        ja: '事業者の取消済みでないユーザのユーザID',
        en: 'The user ID of an active user of the participant',
      },
    },
    serialNumber: {
      header: 'シリアル番号',
      en: 'Serial number',
      example: '0A1B2C3D',
      type: 'hex',
      rule: { ja: '16進数（「:」区切り可）', en: 'Hexadecimal (colons allowed)' },
    },
    fingerprint: {
      header: 'SHA-256フィンガープリント',
      en: 'SHA-256 fingerprint',
      example:
        '5E:0F:3B:7C:91:A2:44:D8:6B:1E:C0:73:2F:98:AB:15:E6:07:4D:C9:38:B2:5A:F1:0C:67:93:DE:21:8A:B4:70',
      type: 'hex',
      rule: {
        ja: '16進数64桁（「:」区切り可）。登録済みの証明書と重複しないこと',
        en: '64 hexadecimal digits (colons allowed), not registered yet',
      },
    },
    validFrom: {
      header: '有効期間開始',
      en: 'Valid from',
      example: '2026/04/01',
      type: 'dateTime',
      rule: {
        ja: '日本時間。「2026/04/01」または「2026/04/01 09:00:00」',
        en: 'JST: 2026/04/01 or 2026/04/01 09:00:00',
      },
    },
    validTo: {
      header: '有効期間終了',
      en: 'Valid to',
      example: '2099/03/31',
      type: 'dateTime',
      rule: {
        ja: '日本時間。有効期間開始より後で、期限切れでないこと（日付のみは23:59:59）',
        en: 'JST, after the start and not expired (a date alone is 23:59:59)',
      },
    },
  },
  prepare: async () => ({
    users: new Map<string, { id: string }>(),
    seen: new Set<string>(),
  }),
  check: async (rows, ctx, state) => {
    const missing = [...new Set(rows.map((r) => r.row.userId))].filter((u) => !state.users.has(u))
    const found = await repo.activeUsersByLoginId(ctx.db, ctx.participantId, missing)
    for (const [userId, user] of found) state.users.set(userId, user)
    const registered = await repo.registeredFingerprints(
      ctx.db,
      rows.map((r) => r.row.fingerprint),
    )
    const errors: BulkRowError[] = []
    for (const { line, row } of rows) {
      if (!state.users.has(row.userId)) {
        errors.push({ line, key: 'userId', messageId: 'E-CERT-007' })
      }
      if (state.seen.has(row.fingerprint)) {
        errors.push({ line, key: 'fingerprint', messageId: 'E-CERT-013' })
      } else if (registered.has(row.fingerprint)) {
        errors.push({ line, key: 'fingerprint', messageId: 'E-CERT-003' })
      }
      state.seen.add(row.fingerprint)
      if (row.validTo <= ctx.now) {
        errors.push({
          line,
          key: 'validTo',
          messageId: 'E-CERT-002',
          params: { validTo: formatJstDateTime(row.validTo) },
        })
      }
    }
    return errors
  },
  apply: async (tx, rows, ctx, state) => {
    try {
      // One insert per batch (unnest: the rows as arrays), one audit entry per certificate
      // (what `loggable` of service.ts keeps).
      const created = rows.map(({ row }) => ({
        ...row,
        id: randomUUID(),
        loginId: row.userId,
        userId: (state.users.get(row.userId) as { id: string }).id,
      }))
      await tx.$executeRaw`
        INSERT INTO client_certificate (id, user_id, serial_number, fingerprint, valid_from, valid_to)
        SELECT * FROM unnest(
          ${created.map((c) => c.id)}::uuid[],
          ${created.map((c) => c.userId)}::uuid[],
          ${created.map((c) => c.serialNumber)}::text[],
          ${created.map((c) => c.fingerprint)}::text[],
          ${created.map((c) => c.validFrom.toISOString())}::timestamptz[],
          ${created.map((c) => c.validTo.toISOString())}::timestamptz[]
        )`
      await auditMany(
        tx,
        ctx.actor,
        created.map((c) => ({
          action: 'clientCertificate.import',
          entityType: 'clientCertificate',
          entityId: c.id,
          participantId: ctx.participantId,
          after: {
            id: c.id,
            userId: c.loginId,
            serialNumber: c.serialNumber,
            fingerprint: c.fingerprint,
            subject: '',
            validFrom: c.validFrom.toISOString(),
            validTo: c.validTo.toISOString(),
            revokedAt: null,
            version: 1,
          },
        })),
      )
      return created.length
    } catch (error) {
      // Someone registered one of the certificates meanwhile: nothing of the file is written.
      if (isUniqueViolation(error) || /23505|unique constraint/i.test(String(error))) {
        throw new AppError('E-CERT-003', 409)
      }
      throw error
    }
  },
})
