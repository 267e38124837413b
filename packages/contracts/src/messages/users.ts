import type { MessageGroup } from './types.ts'

/**
 * Users (020), permissions (A40) and client certificates (710/711). `E-USER-001` (duplicate user
 * ID) and `E-USER-002` (user ID format) are in participants.ts, shared with the 700 application.
 */
export const userMessages = {
  'E-USER-010': {
    severity: 'error',
    ja: 'このロールはこの事業者のユーザには指定できません。',
    en: 'This role cannot be given to a user of this participant.',
  },
  'E-USER-011': {
    severity: 'error',
    ja: '有効期間終了は有効期間開始より後の日時にしてください。',
    en: 'The end of the validity period must be after its start.',
  },
  'E-USER-012': {
    severity: 'error',
    ja: 'このユーザは取消済みのため、操作できません。',
    en: 'This user has been cancelled: the operation is not possible.',
  },
  'E-USER-013': {
    severity: 'error',
    ja: '自分自身を取消すことはできません。',
    en: 'You cannot cancel your own user.',
  },
  'E-USER-014': {
    severity: 'error',
    ja: '自分自身のロールは変更できません。',
    en: 'You cannot change your own role.',
  },
  'E-USER-015': {
    severity: 'error',
    ja: 'このユーザはロックされていません。',
    en: 'This user is not locked.',
  },
  'E-USER-016': {
    severity: 'error',
    ja: '権限は一般ユーザにのみ設定できます。管理者ユーザはすべての機能を利用できます。',
    en: 'Rights can be set for general users only. Administrators can use every function.',
  },
  'E-USER-017': {
    severity: 'error',
    ja: '同じ機能グループが複数回指定されています。',
    en: 'The same function group is given more than once.',
  },
  'I-USER-001': {
    severity: 'info',
    ja: 'ユーザを登録しました。初期パスワードはこの画面でのみ表示されます。本人に安全な方法で伝えてください。',
    en: 'The user has been registered. The initial password is shown only here: pass it on to the user securely.',
  },
  'I-USER-002': {
    severity: 'info',
    ja: 'ユーザ情報を変更しました。',
    en: 'The user has been changed.',
  },
  'I-USER-003': {
    severity: 'info',
    ja: 'ユーザを取消しました。',
    en: 'The user has been cancelled.',
  },
  'I-USER-004': {
    severity: 'info',
    ja: 'ユーザのロックを解除しました。',
    en: 'The user has been unlocked.',
  },
  'I-USER-005': {
    severity: 'info',
    ja: 'パスワードを再発行しました。新しいパスワードはこの画面でのみ表示されます。次回ログイン時に変更が必要です。',
    en: 'A new password has been issued. It is shown only here; the user must change it at the next login.',
  },
  'I-USER-006': {
    severity: 'info',
    ja: 'ユーザの権限を変更しました。',
    en: "The user's rights have been changed.",
  },
  'E-CERT-001': {
    severity: 'error',
    ja: 'PEM形式のクライアント証明書として読み取れません。「-----BEGIN CERTIFICATE-----」で始まるファイルを指定してください。',
    en: 'This is not a PEM client certificate. Choose a file starting with "-----BEGIN CERTIFICATE-----".',
  },
  'E-CERT-002': {
    severity: 'error',
    ja: 'この証明書は有効期限が切れています（{validTo}まで）。',
    en: 'This certificate has expired (valid until {validTo}).',
  },
  'E-CERT-003': {
    severity: 'error',
    ja: 'この証明書（フィンガープリント）は既に登録されています。',
    en: 'This certificate (fingerprint) is already registered.',
  },
  'E-CERT-004': {
    severity: 'error',
    ja: 'このファイルは秘密鍵を含むため、証明書ファイルとして登録できません。秘密鍵は登録せず、「-----BEGIN CERTIFICATE-----」で始まる証明書ファイルのみを指定してください。',
    en: 'This file contains a private key, so it cannot be registered as a certificate. Never upload a private key: choose only the certificate file, which starts with "-----BEGIN CERTIFICATE-----".',
  },
  'E-CERT-007': {
    severity: 'error',
    ja: 'このユーザIDのユーザは存在しないか、取消済みです。',
    en: 'No active user has this user ID.',
  },
  'E-CERT-008': {
    severity: 'error',
    ja: 'シリアル番号は16進数（「:」区切り可）で入力してください。',
    en: 'Enter the serial number in hexadecimal (colons allowed).',
  },
  'E-CERT-009': {
    severity: 'error',
    ja: 'SHA-256フィンガープリントは16進数64桁（「:」区切り可）で入力してください。',
    en: 'Enter the SHA-256 fingerprint as 64 hexadecimal digits (colons allowed).',
  },
  'E-CERT-010': {
    severity: 'error',
    ja: '日付は「2026/04/01」または「2026/04/01 09:00:00」（日本時間）の形式で入力してください。',
    en: 'Enter the date as 2026/04/01 or 2026/04/01 09:00:00 (JST).',
  },
  'E-CERT-011': {
    severity: 'error',
    ja: 'この証明書は既に失効しています。',
    en: 'This certificate has already been revoked.',
  },
  'E-CERT-013': {
    severity: 'error',
    ja: '同じフィンガープリントがファイル内に複数あります。',
    en: 'The same fingerprint appears more than once in the file.',
  },
  'I-CERT-001': {
    severity: 'info',
    ja: 'クライアント証明書を登録しました。',
    en: 'The client certificate has been registered.',
  },
  'I-CERT-002': {
    severity: 'info',
    ja: '証明書情報ファイルを取り込みました（{count}件）。',
    en: 'The certificate information file has been imported ({count}).',
  },
  'I-CERT-003': {
    severity: 'info',
    ja: 'クライアント証明書を失効させました。',
    en: 'The client certificate has been revoked.',
  },
  'W-CERT-001': {
    severity: 'warning',
    ja: 'ユーザ {userId}（{name}）のクライアント証明書（シリアル番号 {serialNumber}）の有効期限が近づいています（{validTo}まで）。更新してください。',
    en: 'The client certificate (serial {serialNumber}) of user {userId} ({name}) expires soon ({validTo}). Renew it.',
  },
} satisfies MessageGroup
