import type { MessageGroup } from './types.ts'

/** Bids (110, bulk 850/860/870) and their signed receipts. IDs E-BID-xxx. */
export const bidMessages = {
  'E-BID-001': {
    severity: 'error',
    ja: '応札容量は{min} kW以上で入力してください。',
    en: 'Enter a bid capacity of at least {min} kW.',
  },
  'E-BID-002': {
    severity: 'error',
    ja: '応札容量は参加資格の期待容量（{expectedKw} kW）以下で入力してください。',
    en: 'The bid capacity may not exceed the qualified expected capacity ({expectedKw} kW).',
  },
  'E-BID-003': {
    severity: 'error',
    ja: '応札価格は上限価格の整数部分（{maxPrice} 円/kW）以下で入力してください。',
    en: 'The bid price may not exceed the whole yen of the price cap ({maxPrice} yen/kW).',
  },
  'E-BID-004': {
    severity: 'error',
    ja: 'この応札は他の操作で更新されています（現在の版：{version}）。最新の内容を確認してから、もう一度操作してください。',
    en: 'This bid was changed by another operation (now version {version}). Check the current bid and try again.',
  },
  'E-BID-005': {
    severity: 'error',
    ja: '電源等{resourceCode}はこのオークションに応札済みです。変更として送信してください。',
    en: 'Resource {resourceCode} already has a bid in this auction. Send it as a change.',
  },
  'E-BID-006': {
    severity: 'error',
    ja: '電源等{resourceCode}にはこのオークションで有効な応札がありません。',
    en: 'Resource {resourceCode} has no bid in force in this auction.',
  },
  'E-BID-007': {
    severity: 'error',
    ja: '電源等{resourceCode}はこのオークションの参加資格がありません。',
    en: 'Resource {resourceCode} is not qualified for this auction.',
  },
  'E-BID-008': {
    severity: 'error',
    ja: '{window}の受付期間外のため受け付けられませんでした（受付期間：{opensAt}～{closesAt}、受付時刻：{now}）。',
    en: 'Not accepted: outside the window for {window} (open {opensAt} to {closesAt}; received {now}).',
  },
  'E-BID-009': {
    severity: 'error',
    ja: 'オークションID {auctionCode} のオークションはありません。',
    en: 'There is no auction {auctionCode}.',
  },
  'E-BID-010': {
    severity: 'error',
    ja: '同じオークションの電源等{resourceCode}がファイル内で重複しています。',
    en: 'Resource {resourceCode} appears more than once for the same auction in the file.',
  },
} as const satisfies MessageGroup
