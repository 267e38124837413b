/**
 * UI texts of login (010 / A20), password change (A20) and API tokens (A20): the sections `login`, `password`, `apiTokens` of both catalogues, loaded by the routes that
 * show them (`loader.ts`). System messages with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  login: {
    title: 'ログイン',
    participantCode: '事業者コード',
    userId: 'ユーザID',
    password: 'パスワード',
    submit: 'ログイン',
    help: 'パスワードを忘れた場合やユーザがロックされた場合は、所属事業者の管理者ユーザにお問い合わせください。',
    // 700, for companies without a login: here, not in `systemUse`, which is loaded later.
    applyLink: '容量市場システムの利用申込（新規の事業者）',
  },
  password: {
    currentPassword: '現在のパスワード',
    newPassword: '新しいパスワード',
    confirmPassword: '新しいパスワード（確認）',
    submit: '変更する',
    policyTitle: 'パスワードの条件',
    policyLength: '{{min}}文字以上',
    policyClasses: '英大文字・英小文字・数字・記号のうち3種類以上を含む',
    policyNotUserId: 'ユーザIDを含まない',
    policyHistory: '直近{{count}}回に使用したパスワードと異なる',
    policyMet: '満たしている',
    policyNotMet: '満たしていない',
    policyServerChecked: '（登録時に確認）',
    expiresAt: '現在のパスワードの有効期限：{{value}}',
  },
  apiTokens: {
    description:
      'システム間連携でAPIを呼び出すためのトークンを発行・失効します。トークンの値は発行時に一度だけ表示されます。',
    createTitle: 'トークンの発行',
    name: 'トークン名',
    namePlaceholder: '例：需給管理システム連携',
    expiresIn: '有効期間',
    days: '{{count}}日',
    create: '発行する',
    listTitle: '発行済みのトークン',
    tableLabel: '発行済みのトークン一覧',
    empty: '発行済みのトークンはありません。',
    columns: {
      name: 'トークン名',
      prefix: '識別子',
      createdAt: '発行日時',
      expiresAt: '有効期限',
      lastUsedAt: '最終利用日時',
      status: '状態',
      actions: '操作',
    },
    status: {
      active: '有効',
      revoked: '失効済み',
      expired: '期限切れ',
    },
    neverUsed: '未使用',
    revoke: '失効',
    revokeToken: '{{name}}を失効',
    revokeTitle: 'トークンの失効',
    revokeConfirm:
      '「{{name}}」を失効させます。このトークンを使った連携はただちに利用できなくなります。よろしいですか？',
    revokeSubmit: '失効させる',
    createdTitle: '発行したトークン',
    createdSummary: 'トークン名「{{name}}」　有効期限 {{expiresAt}}',
    tokenLabel: 'トークンの値',
  },
}

const en: Shape<typeof ja> = {
  login: {
    title: 'Log in',
    participantCode: 'Participant code',
    userId: 'User ID',
    password: 'Password',
    submit: 'Log in',
    help: 'If you have forgotten your password or your user is locked, contact your administrator.',
    applyLink: 'Apply to use the Capacity Market System (new participants)',
  },
  password: {
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'New password (confirm)',
    submit: 'Change password',
    policyTitle: 'Password rules',
    policyLength: 'At least {{min}} characters',
    policyClasses: 'At least 3 of: upper-case letters, lower-case letters, digits, symbols',
    policyNotUserId: 'Does not contain the user ID',
    policyHistory: 'Not one of your last {{count}} passwords',
    policyMet: 'met',
    policyNotMet: 'not met',
    policyServerChecked: '(checked on saving)',
    expiresAt: 'Your current password expires on {{value}}',
  },
  apiTokens: {
    description:
      'Issue and revoke tokens that other systems use to call the API. A token is shown only once, when it is issued.',
    createTitle: 'Issue a token',
    name: 'Token name',
    namePlaceholder: 'e.g. Dispatch system link',
    expiresIn: 'Valid for',
    days: '{{count}} days',
    create: 'Issue',
    listTitle: 'Issued tokens',
    tableLabel: 'Issued tokens',
    empty: 'No tokens issued.',
    columns: {
      name: 'Token name',
      prefix: 'Prefix',
      createdAt: 'Issued at',
      expiresAt: 'Expires',
      lastUsedAt: 'Last used',
      status: 'Status',
      actions: 'Actions',
    },
    status: {
      active: 'Active',
      revoked: 'Revoked',
      expired: 'Expired',
    },
    neverUsed: 'Never',
    revoke: 'Revoke',
    revokeToken: 'Revoke {{name}}',
    revokeTitle: 'Revoke token',
    revokeConfirm: 'Revoke "{{name}}"? Systems using this token stop working at once.',
    revokeSubmit: 'Revoke',
    createdTitle: 'Your new token',
    createdSummary: 'Token "{{name}}", expires {{expiresAt}}',
    tokenLabel: 'Token',
  },
}

export const authSections = { ja, en }
