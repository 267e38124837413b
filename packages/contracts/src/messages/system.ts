import type { MessageGroup } from './types.ts'

/** Maintenance, portal and attachments. */
export const systemMessages = {
  'I-SYSTEM-001': {
    severity: 'info',
    ja: 'メンテナンスモードを開始しました。',
    en: 'Maintenance mode has started.',
  },
  'I-SYSTEM-002': {
    severity: 'info',
    ja: 'メンテナンスモードを終了しました。',
    en: 'Maintenance mode has ended.',
  },
  'W-SYSTEM-001': {
    severity: 'warning',
    ja: '「{title}」の締切が近づいています（{closesAt}締切）。',
    en: '"{title}" closes soon ({closesAt}).',
  },
  'W-SYSTEM-002': {
    severity: 'warning',
    ja: 'ただいまメンテナンス中です。メンテナンス中は広域機関のユーザのみログインできます。',
    en: 'The system is under maintenance. Only OCCTO users can log in until it ends.',
  },
  'E-ATTACH-001': {
    severity: 'error',
    ja: 'ファイルサイズが上限（{maxMb}MB）を超えています。',
    en: 'The file is larger than the limit ({maxMb} MB).',
  },
  'E-ATTACH-002': {
    severity: 'error',
    ja: 'この形式のファイルは添付できません（{contentType}）。',
    en: 'Files of this type cannot be attached ({contentType}).',
  },
  'E-ATTACH-003': {
    severity: 'error',
    ja: 'ファイルが空です。',
    en: 'The file is empty.',
  },
  'I-ATTACH-001': {
    severity: 'info',
    ja: 'ファイルを添付しました。',
    en: 'The file has been attached.',
  },
  'I-ATTACH-002': {
    severity: 'info',
    ja: '添付ファイルを削除しました。',
    en: 'The attachment has been deleted.',
  },
} satisfies MessageGroup
