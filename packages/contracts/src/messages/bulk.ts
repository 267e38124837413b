import type { MessageGroup } from './types.ts'

/** Bulk files (220) and jobs. */
export const bulkMessages = {
  'I-BULK-002': {
    severity: 'info',
    ja: 'チェックが終わりました。誤りはありません（{count}件）。',
    en: 'The check is complete. No errors were found ({count} rows).',
  },
  'I-BULK-003': {
    severity: 'info',
    ja: '登録しました（{count}件）。',
    en: 'Registered ({count} rows).',
  },
  'E-BULK-001': {
    severity: 'error',
    ja: 'ファイルに誤りがあるため、登録しませんでした（{count}件）。エラーファイルで該当の行と項目を確認してください。',
    en: 'The file has errors and nothing was registered ({count}). See the error file for each row and column.',
  },
  'E-BULK-002': {
    severity: 'error',
    ja: '1行目の見出しが正しくありません。見出しは「{headers}」としてください。',
    en: 'The header row is wrong. It must be "{headers}".',
  },
  'E-BULK-003': {
    severity: 'error',
    ja: 'ファイルにデータ行がありません。',
    en: 'The file has no data rows.',
  },
  'E-BULK-004': {
    severity: 'error',
    ja: '列の数が見出しと一致しません（{expected}列必要です）。',
    en: 'The number of columns does not match the header ({expected} needed).',
  },
  'E-BULK-005': {
    severity: 'error',
    ja: 'ファイルの行数が上限（{max}行）を超えています。',
    en: 'The file has more rows than the limit ({max}).',
  },
  'E-BULK-006': {
    severity: 'error',
    ja: '処理中に問題が発生したため、登録しませんでした。時間をおいてもう一度アップロードしてください。',
    en: 'A problem occurred while processing, and nothing was registered. Upload the file again later.',
  },
} as const satisfies MessageGroup
