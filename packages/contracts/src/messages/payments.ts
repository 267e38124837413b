import type { MessageGroup } from './types.ts'

/** The payments (F10): payments made and received, matched to the payment notices and invoices. IDs E-PAY-xxx. */
export const paymentMessages = {
  'E-PAY-001': {
    severity: 'error',
    ja: '銀行照会番号「{reference}」の入出金（同じ入出金区分）は登録済みです。',
    en: 'A payment of the same direction with bank reference "{reference}" is already recorded.',
  },
  'E-PAY-002': {
    severity: 'error',
    ja: '消込先の文書が見つかりません。この事業者の文書（入金は請求書、出金は支払通知書）を指定してください。',
    en: 'The document to match was not found; choose a document of this participant (an invoice for money received, a payment notice for money paid).',
  },
  'E-PAY-003': {
    severity: 'error',
    ja: '{documentNo}の消込額が未決済額（{open}円）を超えています。',
    en: 'The amount matched to {documentNo} is more than its open amount ({open} yen).',
  },
  'E-PAY-004': {
    severity: 'error',
    ja: '消込額の合計が入出金の未消込額（{unallocated}円）を超えています。',
    en: 'The amounts matched add up to more than the unmatched amount of the payment ({unallocated} yen).',
  },
  'E-PAY-005': {
    severity: 'error',
    ja: 'この入出金は取消済みです。',
    en: 'This payment has been reversed.',
  },
  'E-PAY-006': {
    severity: 'error',
    ja: '同じ文書を2回指定しています。1つの文書には1行で消込額を指定してください。',
    en: 'The same document is given twice; give one amount per document.',
  },
  'E-PAY-007': {
    severity: 'error',
    ja: '消込する文書を1つ以上指定してください。',
    en: 'Choose at least one document to match.',
  },
  'E-PAY-008': {
    severity: 'error',
    ja: '事業者が見つかりません。入出金は事業者（運営者以外）について登録してください。',
    en: 'Participant not found; a payment is recorded for a participant (not the operator).',
  },
  'E-PAY-010': {
    severity: 'error',
    ja: '摘要に発行済みの文書番号が見つかりません（入金は請求書 INV…、出金は支払通知書 PAY…の番号を記載してください）。',
    en: 'The memo names no issued document (an invoice number INV… for money received, a payment notice number PAY… for money paid).',
  },
  'E-PAY-011': {
    severity: 'error',
    ja: '銀行照会番号「{reference}」（同じ入出金区分）がファイル内で重複しています。',
    en: 'The bank reference "{reference}" appears more than once in the file for the same direction.',
  },
} as const satisfies MessageGroup
