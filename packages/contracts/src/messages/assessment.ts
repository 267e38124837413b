import type { MessageGroup } from './types.ts'

/**
 * The monthly assessment (B40, C00, B90; the job and its versions). IDs E-ASMT-001…049 (the
 * omission review B50 has its own file with E-ASMT-050…).
 */
export const assessmentMessages = {
  'E-ASMT-001': {
    severity: 'error',
    ja: '{month}はまだ終わっていないため、アセスメントを実行できません。月末（日本時間）の翌日以降に実行してください。',
    en: '{month} has not ended yet; run the assessment after the month end (JST).',
  },
  'E-ASMT-002': {
    severity: 'error',
    ja: '{month}を含む実需給年度（{deliveryYear}年度）に、アセスメントの対象となる容量確保契約がありません。',
    en: 'The delivery year of {month} (FY{deliveryYear}) has no capacity contracts to assess.',
  },
  'E-ASMT-003': {
    severity: 'error',
    ja: '{month}のアセスメントは実行待ちまたは実行中です。終了してから再度実行してください。',
    en: 'An assessment of {month} is already queued or running; wait until it has finished.',
  },
  'E-ASMT-004': {
    severity: 'error',
    ja: '{month}のアセスメント結果はまだありません。',
    en: '{month} has no assessment result yet.',
  },
  'E-ASMT-005': {
    severity: 'error',
    ja: '電源等{resourceCode}のアセスメント入力がルールに合わないため、{month}のアセスメントを完了できません（{rule}：{path}）。入力データを確認してから再実行してください。',
    en: 'The assessment of {month} could not finish: the input of resource {resourceCode} breaks a rule ({rule} at {path}); check its data and run again.',
  },
} as const satisfies MessageGroup
