import type { MessageGroup } from './types.ts'

/** Login, sessions, passwords, tokens and client certificates (010, A20). */
export const authMessages = {
  'E-AUTH-001': {
    severity: 'error',
    ja: '事業者コード、ユーザID またはパスワードが正しくありません。',
    en: 'The participant code, user ID or password is incorrect.',
  },
  'E-AUTH-002': {
    severity: 'error',
    ja: 'このユーザはロックされています。所属事業者の管理者ユーザにロック解除を依頼してください。',
    en: 'This user is locked. Ask your administrator to unlock it.',
  },
  'E-AUTH-003': {
    severity: 'error',
    ja: 'ログインしてください。',
    en: 'Please log in.',
  },
  'E-AUTH-004': {
    severity: 'error',
    ja: 'セッションの有効期限が切れました。再度ログインしてください。',
    en: 'Your session has expired. Please log in again.',
  },
  'E-AUTH-005': {
    severity: 'error',
    ja: 'この操作を行う権限がありません。',
    en: 'You do not have permission for this operation.',
  },
  'E-AUTH-006': {
    severity: 'error',
    ja: '不正な送信元からのリクエストのため処理できません。画面を開き直してから操作してください。',
    en: 'The request came from an unexpected origin. Reopen the screen and try again.',
  },
  'E-AUTH-007': {
    severity: 'error',
    ja: 'パスワードは{min}文字以上で入力してください。',
    en: 'The password must have at least {min} characters.',
  },
  'E-AUTH-008': {
    severity: 'error',
    ja: 'パスワードには英大文字・英小文字・数字・記号のうち3種類以上を含めてください。',
    en: 'The password must contain at least 3 of: upper-case letters, lower-case letters, digits, symbols.',
  },
  'E-AUTH-009': {
    severity: 'error',
    ja: 'ユーザIDと同じ文字列をパスワードに含めることはできません。',
    en: 'The password must not contain the user ID.',
  },
  'E-AUTH-010': {
    severity: 'error',
    ja: '直近{count}回に使用したパスワードは使用できません。',
    en: 'You cannot reuse any of your last {count} passwords.',
  },
  'E-AUTH-011': {
    severity: 'error',
    ja: '現在のパスワードが正しくありません。',
    en: 'The current password is incorrect.',
  },
  'E-AUTH-012': {
    severity: 'error',
    ja: '登録されたクライアント証明書が確認できないため、ログインできません。',
    en: 'Login requires a client certificate registered to this user.',
  },
  'E-AUTH-013': {
    severity: 'error',
    ja: 'パスワードの変更が必要です。パスワードを変更してから操作してください。',
    en: 'You must change your password before continuing.',
  },
  'E-AUTH-014': {
    severity: 'error',
    ja: 'APIトークンが無効か、有効期限が切れています。',
    en: 'The API token is invalid or has expired.',
  },
  'E-AUTH-015': {
    severity: 'error',
    ja: '新しいパスワードと確認用パスワードが一致しません。',
    en: 'The new password and its confirmation do not match.',
  },
  'W-AUTH-001': {
    severity: 'warning',
    ja: 'パスワードの有効期限が近づいています（{expiresAt}まで）。',
    en: 'Your password expires soon ({expiresAt}).',
  },
  'W-AUTH-002': {
    severity: 'warning',
    ja: 'パスワードの有効期限が切れています。新しいパスワードを設定してください。',
    en: 'Your password has expired. Set a new password.',
  },
  'W-AUTH-003': {
    severity: 'warning',
    ja: '初回ログインのため、パスワードを変更してください。',
    en: 'This is your first login: please change your password.',
  },
  'I-AUTH-001': {
    severity: 'info',
    ja: 'ログアウトしました。',
    en: 'You have logged out.',
  },
  'I-AUTH-002': {
    severity: 'info',
    ja: 'パスワードを変更しました。',
    en: 'Your password has been changed.',
  },
  'I-AUTH-003': {
    severity: 'info',
    ja: 'APIトークンを発行しました。この画面を閉じると二度と表示できません。安全な場所に保管してください。',
    en: 'The API token has been issued. It will not be shown again: store it somewhere safe.',
  },
  'I-AUTH-004': {
    severity: 'info',
    ja: 'APIトークンを失効させました。',
    en: 'The API token has been revoked.',
  },
} satisfies MessageGroup
