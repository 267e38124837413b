import type { MessageGroup } from './types.ts'

/** Auctions: set-up, parameters, windows, states; qualification (100). IDs E-AUC-xxx. */
export const auctionMessages = {
  'E-AUC-001': {
    severity: 'error',
    ja: 'オークションが「{state}」のため、パラメータと受付期間は変更できません。',
    en: 'The auction is {state}; its parameters and windows can no longer be changed.',
  },
  'E-AUC-002': {
    severity: 'error',
    ja: '応札受付が{opensAt}に始まっているため、パラメータと受付期間は変更できません。',
    en: 'Bidding opened at {opensAt}; the parameters and windows can no longer be changed.',
  },
  'E-AUC-003': {
    severity: 'error',
    ja: 'オークションを「{from}」から「{to}」にはできません。',
    en: 'The auction cannot go from {from} to {to}.',
  },
  'E-AUC-004': {
    severity: 'error',
    ja: '終了日時は開始日時より後にしてください。',
    en: 'The close must be after the opening.',
  },
  'E-AUC-005': {
    severity: 'error',
    ja: '応札受付の開始は、期待容量登録受付の終了以降にしてください。',
    en: 'Bidding must open after the expected capacity window closes.',
  },
  'E-AUC-006': {
    severity: 'error',
    ja: 'パラメータに誤りがあるため、受付を開始できません。誤りの内容を確認して修正してください。',
    en: 'The parameters have errors; the auction cannot be opened until they are corrected.',
  },
  'E-AUC-007': {
    severity: 'error',
    ja: '応札受付期間は{closesAt}までのため、まだ応札締切にできません。',
    en: 'Bidding is open until {closesAt}; the auction cannot be closed for bidding before then.',
  },
  'E-AUC-008': {
    severity: 'error',
    ja: '応札受付期間（{closesAt}まで）が過ぎているため、受付を開始できません。受付期間を変更してください。',
    en: 'The bidding window (until {closesAt}) is over; change the windows before opening the auction.',
  },
  'E-AUC-020': {
    severity: 'error',
    ja: '期待容量が1,000 kW未満のため、参加資格の提案対象外です。',
    en: 'The expected capacity is below 1,000 kW, so the resource is not proposed.',
  },
  'E-AUC-021': {
    severity: 'error',
    ja: 'FIT制度の適用を受けている電源等は、容量オークションに参加できません。',
    en: 'Resources under the FIT scheme cannot take part in capacity auctions.',
  },
  'E-AUC-022': {
    severity: 'error',
    ja: '電源等が廃止されているため、参加資格の提案対象外です。',
    en: 'The resource is cancelled, so it is not proposed.',
  },
  'E-AUC-023': {
    severity: 'error',
    ja: '事業者が廃止されているため、参加資格の提案対象外です。',
    en: 'The participant is cancelled, so the resource is not proposed.',
  },
  'E-AUC-030': {
    severity: 'error',
    ja: 'オークションが「{state}」のため、参加資格は変更できません。',
    en: 'The auction is {state}; qualifications can no longer be changed.',
  },
  'E-AUC-031': {
    severity: 'error',
    ja: '対象外とする場合は、理由を入力してください。',
    en: 'Enter the reason for the exclusion.',
  },
  'E-AUC-032': {
    severity: 'error',
    ja: 'システムが提案していない電源等は、参加資格ありにできません（{reason}）。',
    en: 'A resource the system did not propose cannot be qualified ({reason}).',
  },
  'E-AUC-033': {
    severity: 'error',
    ja: '確認待ちの参加資格が{count}件あります。すべて確認してから通知書を発行してください。',
    en: '{count} qualifications are still pending; decide them all before issuing the notices.',
  },
  'E-AUC-034': {
    severity: 'error',
    ja: '通知する参加資格がありません。先に参加資格の提案を行ってください。',
    en: 'There are no qualifications to notify; propose the qualifications first.',
  },
} as const satisfies MessageGroup
