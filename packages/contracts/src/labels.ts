import type { z } from 'zod'
import type { BulkColumnType, BulkImportMode, FileEncoding, JobState } from './bulk.ts'
import type { ApplicationState, EntityType } from './applications.ts'
import type { ClientCertificateStatus } from './client-certificates.ts'
import type { bankAccountTypeSchema, LicenseCategory } from './participants.ts'
import type { Role } from './roles.ts'
import type { UserStatus } from './users.ts'

/**
 * Labels of enumerations, Japanese and English, declared once: the SPAs' catalogue takes them
 * (`labelsIn`), and CSV exports write them instead of the codes (K21).
 */
export interface Label {
  ja: string
  en: string
}
export type Lang = 'ja' | 'en'
export type Labels<E extends string> = Record<E, Label>

/** The labels of one language, e.g. for the i18next catalogue. */
export function labelsIn<E extends string>(labels: Labels<E>, lang: Lang): Record<E, string> {
  return Object.fromEntries(
    Object.entries<Label>(labels).map(([key, label]) => [key, label[lang]]),
  ) as Record<E, string>
}

export const roleLabels: Labels<Role> = {
  operator: { ja: '広域機関', en: 'OCCTO' },
  participantAdmin: { ja: '管理者ユーザ', en: 'Administrator' },
  participantUser: { ja: '一般ユーザ', en: 'General user' },
  tso: { ja: '一般送配電事業者', en: 'TSO' },
}

export const userStatusLabels: Labels<UserStatus> = {
  active: { ja: '有効', en: 'Active' },
  locked: { ja: 'ロック中', en: 'Locked' },
  cancelled: { ja: '取消', en: 'Cancelled' },
}

export const clientCertificateStatusLabels: Labels<ClientCertificateStatus> = {
  active: { ja: '有効', en: 'Active' },
  notYetValid: { ja: '有効期間前', en: 'Not yet valid' },
  expired: { ja: '期限切れ', en: 'Expired' },
  revoked: { ja: '失効', en: 'Revoked' },
}

export const participantStatusLabels: Labels<'active' | 'cancelled'> = {
  active: { ja: '有効', en: 'Active' },
  cancelled: { ja: '廃止', en: 'Cancelled' },
}

export const licenseCategoryLabels: Labels<LicenseCategory> = {
  generation: { ja: '発電', en: 'Generation' },
  retail: { ja: '小売', en: 'Retail' },
  specifiedWholesale: { ja: '特定卸供給', en: 'Specified wholesale supply' },
  none: { ja: '区分なし（需要抑制）', en: 'None (demand response)' },
}

export const bankAccountTypeLabels: Labels<z.infer<typeof bankAccountTypeSchema>> = {
  ordinary: { ja: '普通', en: 'Ordinary' },
  current: { ja: '当座', en: 'Current' },
  savings: { ja: '貯蓄', en: 'Savings' },
}

export const applicationStateLabels: Labels<ApplicationState> = {
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '申込済', en: 'Submitted' },
  inReview: { ja: '審査中', en: 'In review' },
  returned: { ja: '差戻し', en: 'Returned' },
  approved: { ja: '承認済', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
}

export const applicationKindLabels: Labels<'register' | 'change' | 'cancel'> = {
  register: { ja: '登録', en: 'Registration' },
  change: { ja: '変更', en: 'Change' },
  cancel: { ja: '廃止', en: 'Cancellation' },
}

/** The kinds of reviewed record (`entityType`), as the target of an application. */
export const entityTypeLabels: Labels<EntityType> = {
  participant: { ja: '事業者情報', en: 'Participant' },
}

// ---- bulk files (220) ----

export const jobStateLabels: Labels<JobState> = {
  queued: { ja: '待機中', en: 'Queued' },
  running: { ja: '処理中', en: 'Running' },
  succeeded: { ja: '完了', en: 'Succeeded' },
  failed: { ja: 'エラー', en: 'Failed' },
}

export const bulkImportModeLabels: Labels<BulkImportMode> = {
  validate: { ja: 'チェックのみ', en: 'Check only' },
  apply: { ja: '登録', en: 'Register' },
}

export const fileEncodingLabels: Labels<FileEncoding> = {
  auto: { ja: '自動判定', en: 'Detect' },
  'utf-8': { ja: 'UTF-8', en: 'UTF-8' },
  shift_jis: { ja: 'Shift_JIS', en: 'Shift_JIS' },
}

export const bulkColumnTypeLabels: Labels<BulkColumnType> = {
  text: { ja: '文字列', en: 'Text' },
  code: { ja: 'コード', en: 'Code' },
  integer: { ja: '整数', en: 'Integer' },
  decimal: { ja: '数値', en: 'Number' },
  date: { ja: '日付', en: 'Date' },
  dateTime: { ja: '日時', en: 'Date and time' },
  hex: { ja: '16進数', en: 'Hexadecimal' },
}
