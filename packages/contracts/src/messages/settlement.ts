import type { MessageGroup } from './types.ts'

/** The contract amounts, payment notices and invoices (E10, F00; the monthly settlement). IDs E-STL-xxx. */
export const settlementMessages = {
  'E-STL-001': {
    severity: 'error',
    ja: '{month}はまだ終わっていないため、精算できません。月末（日本時間）の翌日以降に実行してください。',
    en: '{month} has not ended yet; settle it after the month end (JST).',
  },
  'E-STL-002': {
    severity: 'error',
    ja: '{month}のアセスメントが完了していないため、精算できません。先にアセスメントを実行してください。',
    en: '{month} has no succeeded assessment run; run the assessment first.',
  },
  'E-STL-003': {
    severity: 'error',
    ja: '{month}の精算は実行待ちまたは実行中です。終了してから再度実行してください。',
    en: 'A settlement of {month} is already queued or running; wait until it has finished.',
  },
  'E-STL-004': {
    severity: 'error',
    ja: '{month}の支払通知書・請求書は発行済みのため、精算を再実行できません。',
    en: 'The payment notices and invoices of {month} have been issued; the month cannot be settled again.',
  },
  'E-STL-005': {
    severity: 'error',
    ja: '{month}の精算結果はまだありません。',
    en: '{month} has no settlement yet.',
  },
  'E-STL-006': {
    severity: 'error',
    ja: '支払通知書・請求書は、完了した最新の精算（{month}）からのみ発行できます。',
    en: 'Payment notices and invoices are issued only from the latest succeeded settlement of the month ({month}).',
  },
  'E-STL-007': {
    severity: 'error',
    ja: '{month}の支払通知書・請求書は発行済みです。',
    en: 'The payment notices and invoices of {month} have already been issued.',
  },
  'E-STL-008': {
    severity: 'error',
    ja: '{month}のアセスメント結果に、この月の容量確保契約が計上されていない電源等（{resourceCode}）のペナルティ（{amount}円）があるため、精算できません。アセスメントを再実行してから精算してください。',
    en: 'The assessment of {month} has a penalty of {amount} yen at resource {resourceCode}, which has no capacity contract counted in the month; run the assessment again, then settle.',
  },
} as const satisfies MessageGroup
