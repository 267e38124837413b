import type { MessageGroup } from './types.ts'

/** Messages shared by every module: validation, not found, concurrency, server errors. */
export const commonMessages = {
  'E-COMMON-001': {
    severity: 'error',
    ja: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
    en: 'The input has errors. Check the message on each field.',
  },
  'E-COMMON-002': {
    severity: 'error',
    ja: '指定されたデータが見つかりません。',
    en: 'The requested record was not found.',
  },
  'E-COMMON-003': {
    severity: 'error',
    ja: 'システムエラーが発生しました。時間をおいて再度お試しください。解決しない場合はリクエストID {requestId} をお知らせください。',
    en: 'A system error occurred. Please try again later. If the problem persists, tell us the request ID {requestId}.',
  },
  'E-COMMON-004': {
    severity: 'error',
    ja: '他のユーザによって更新されています。最新の内容を表示し直してから操作してください。',
    en: 'Someone else has updated this record. Reload the latest version and try again.',
  },
  'E-COMMON-005': {
    severity: 'error',
    ja: 'ただいまシステムメンテナンス中のため、ご利用いただけません。終了予定時刻を過ぎてから再度アクセスしてください。',
    en: 'The system is under maintenance and cannot be used now. Please come back after the announced end time.',
  },
  'E-COMMON-006': {
    severity: 'error',
    ja: '指定されたページまたは機能は存在しません。',
    en: 'The requested page or function does not exist.',
  },
  'E-COMMON-007': {
    severity: 'error',
    ja: 'この項目は必須です。',
    en: 'This field is required.',
  },
  'E-COMMON-008': {
    severity: 'error',
    ja: '入力形式が正しくありません。',
    en: 'The format is not valid.',
  },
  'E-COMMON-009': {
    severity: 'error',
    ja: '{max}文字以内で入力してください。',
    en: 'Enter at most {max} characters.',
  },
  'E-COMMON-010': {
    severity: 'error',
    ja: 'リクエストが多すぎます。しばらく待ってから再度お試しください。',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  'E-COMMON-011': {
    severity: 'error',
    ja: 'サーバに接続できません。ネットワークの状態を確認してください。',
    en: 'Cannot reach the server. Check your network connection.',
  },
  'E-COMMON-012': {
    severity: 'error',
    ja: '使用できない文字（制御文字など）が含まれています。',
    en: 'The value contains characters that are not allowed (control characters or the like).',
  },
  'E-COMMON-013': {
    severity: 'error',
    ja: '選択してください。',
    en: 'Select an option.',
  },
} satisfies MessageGroup
