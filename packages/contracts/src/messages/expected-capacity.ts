import type { MessageGroup } from './types.ts'

/** Expected capacity (070, 830/840/841), factor tables, effectiveness tests (824). */
export const expectedCapacityMessages = {
  'E-EC-001': {
    severity: 'error',
    ja: '対象実需給年度は2020〜2100の年度で入力してください。',
    en: 'Enter a delivery year between 2020 and 2100.',
  },
  'E-EC-002': {
    severity: 'error',
    ja: '係数は0以上1以下、小数点以下4桁までで入力してください。',
    en: 'Enter a factor between 0 and 1 with at most 4 decimals.',
  },
  'E-EC-003': {
    severity: 'error',
    ja: '同じエリア・発電方式・年度の係数が重複しています。',
    en: 'A factor for the same area, generation type and year is given twice.',
  },
  'E-EC-004': {
    severity: 'error',
    ja: '所内率は小数点以下2桁までで入力してください。',
    en: 'Enter the house-load ratio with at most 2 decimals.',
  },
  'E-EC-010': {
    severity: 'error',
    ja: '係数表（第{versionNo}版）に{area}・{generationType}・{deliveryYear}年度の係数がないため、期待容量を算定できません。広域機関にお問い合わせください。',
    en: 'The factor table (version {versionNo}) has no factor for {area}, {generationType}, FY{deliveryYear}; the expected capacity cannot be computed. Contact the market operator.',
  },
  'E-EC-011': {
    severity: 'error',
    ja: '係数表が登録されていないため、期待容量を算定できません。',
    en: 'No factor table is registered; the expected capacity cannot be computed.',
  },
  'E-EC-012': {
    severity: 'error',
    ja: 'この電源等の{deliveryYear}年度の期待容量は登録済みまたは申込中です。変更する場合は変更申込を行ってください。',
    en: 'An expected capacity for FY{deliveryYear} of this resource is already registered or applied for; file a change instead.',
  },
  'E-EC-013': {
    severity: 'error',
    ja: '算定の入力値を変更する場合は、根拠資料を添付してください。',
    en: 'Attach evidence when you override an input of the calculation.',
  },
  'E-EC-014': {
    severity: 'error',
    ja: '根拠資料に指定した添付ファイルが見つかりません。',
    en: 'An attachment given as evidence was not found.',
  },
  'E-EC-015': {
    severity: 'error',
    ja: 'この電源等は廃止済みのため、期待容量を申し込めません。',
    en: 'The resource is cancelled; no expected capacity can be applied for.',
  },
  'E-EC-016': {
    severity: 'error',
    ja: '実効性テストは発動指令電源についてのみ登録できます。',
    en: 'Effectiveness tests are recorded for dispatch-order resources only.',
  },
  'E-EC-017': {
    severity: 'error',
    ja: 'この期待容量は廃止済みです。',
    en: 'This expected capacity is cancelled.',
  },
  'E-EC-018': {
    severity: 'error',
    ja: '期待容量が算定できないため申し込めません（{reason}）。',
    en: 'The expected capacity cannot be computed, so it cannot be applied for ({reason}).',
  },
  'E-EC-019': {
    severity: 'error',
    ja: '電源等情報に期待容量の算定に必要な項目（設備容量・所内率・提供可能容量など）がありません。',
    en: 'The resource lacks an input the expected capacity needs (installed kW, house-load ratio, offerable kW, …).',
  },
  'E-EC-020': {
    severity: 'error',
    ja: 'この電源等識別番号は、自社の電源等として登録されていません。',
    en: 'No resource of your participant has this resource code.',
  },
  'E-EC-021': {
    severity: 'error',
    ja: 'この電源等の{deliveryYear}年度の期待容量は登録されていません。先に登録申込を行ってください。',
    en: 'No expected capacity for FY{deliveryYear} of this resource is registered; file a registration first.',
  },
  'E-EC-022': {
    severity: 'error',
    ja: '同じ電源等・対象実需給年度の行がファイル内に複数あります（最初の行: {line}行目）。',
    en: 'The same resource and delivery year appear more than once in the file (first on line {line}).',
  },
  'I-EC-001': {
    severity: 'info',
    ja: '実効性テスト結果を登録しました（{resourceCode}、達成率 {rate}）。',
    en: 'Effectiveness test recorded ({resourceCode}, achievement rate {rate}).',
  },
} satisfies MessageGroup

export type ExpectedCapacityMessageId = keyof typeof expectedCapacityMessages
