import type { MessageGroup } from './types.ts'

/** Penalty factors and market exit (190). IDs E-PEN-xxx. */
export const penaltyFactorMessages = {
  'E-PEN-001': {
    severity: 'error',
    ja: 'この容量確保契約は解約済みのため、退出・ペナルティ要素の対象にできません。',
    en: 'This capacity contract is terminated; it cannot exit or take a penalty factor.',
  },
  'E-PEN-002': {
    severity: 'error',
    ja: '一部退出の容量は1kW以上、契約容量（{contractKw}kW）未満で指定してください。',
    en: 'A partial exit must be at least 1 kW and less than the contract kW ({contractKw} kW).',
  },
  'E-PEN-003': {
    severity: 'error',
    ja: '全量退出の容量は契約容量（{contractKw}kW）と同じ値を指定してください。',
    en: 'A whole exit must give the contract kW ({contractKw} kW).',
  },
  'E-PEN-004': {
    severity: 'error',
    ja: 'この容量確保契約には処理中の市場退出申込があります。',
    en: 'This capacity contract already has a market exit application in progress.',
  },
  'E-PEN-005': {
    severity: 'error',
    ja: '{deliveryYear}年度の追加オークション不開催（返還）は記録済みです。',
    en: 'The additional auction of FY{deliveryYear} is already recorded as not held (refunded).',
  },
  'E-PEN-006': {
    severity: 'error',
    ja: '返還済みのペナルティ要素は変更できません。',
    en: 'A refunded penalty factor cannot be changed.',
  },
  'E-PEN-007': {
    severity: 'error',
    ja: '退出率は期限前が期限後以下となるよう指定してください。',
    en: 'The rate before the deadline must not exceed the rate after it.',
  },
} as const satisfies MessageGroup
