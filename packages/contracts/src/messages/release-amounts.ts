import type { MessageGroup } from './types.ts'

/** The release auction amounts (F30): release offers, their clearing, the granted and billed amounts. IDs E-REL-xxx. */
export const releaseAmountMessages = {
  'E-REL-001': {
    severity: 'error',
    ja: 'オークション{auctionCode}はリリースオークションではありません。',
    en: 'Auction {auctionCode} is not a release auction.',
  },
  'E-REL-002': {
    severity: 'error',
    ja: '{window}の受付期間外のため受け付けられませんでした（受付期間：{opensAt}～{closesAt}、受付時刻：{now}）。',
    en: 'Not accepted: outside the window for {window} (open {opensAt} to {closesAt}; received {now}).',
  },
  'E-REL-003': {
    severity: 'error',
    ja: 'リリース容量は{minKw} kW以上、リリースされていない契約容量（{maxKw} kW）以下で入力してください。',
    en: 'Enter a release of at least {minKw} kW and at most the contract kW not yet released ({maxKw} kW).',
  },
  'E-REL-004': {
    severity: 'error',
    ja: 'リリース価格は0円以上、契約のエリアプライス（{maxPrice} 円/kW）以下で入力してください。',
    en: 'Enter a release price from 0 up to the contract’s area price ({maxPrice} yen/kW).',
  },
  'E-REL-005': {
    severity: 'error',
    ja: 'このリリース入札は他の操作で更新されています（現在の版：{version}）。最新の内容を確認してから、もう一度操作してください。',
    en: 'This release offer was changed by another operation (now version {version}). Check the current offer and try again.',
  },
  'E-REL-006': {
    severity: 'error',
    ja: '契約{contractNo}はこのリリースオークションに入札済みです。変更として送信してください。',
    en: 'Contract {contractNo} already has an offer in this release auction. Send it as a change.',
  },
  'E-REL-007': {
    severity: 'error',
    ja: '契約{contractNo}にはこのリリースオークションで有効な入札がありません。',
    en: 'Contract {contractNo} has no offer in force in this release auction.',
  },
  'E-REL-008': {
    severity: 'error',
    ja: '契約{contractNo}はこのリリースオークションに入札できません（対象年度の締結済みの契約ではないか、リリースできる容量がありません）。',
    en: 'Contract {contractNo} cannot be offered in this release auction (not a concluded contract of its delivery year, or nothing left to release).',
  },
  'E-REL-009': {
    severity: 'error',
    ja: 'リリースオークションは「{state}」のため、この操作はできません（{expected}の状態で実行できます）。',
    en: 'The release auction is “{state}”; this can be done only when it is {expected}.',
  },
  'E-REL-010': {
    severity: 'error',
    ja: 'リリース目標量が設定されていないため、約定処理できません。',
    en: 'The release target is not set; the auction cannot be cleared.',
  },
  'E-REL-011': {
    severity: 'error',
    ja: 'オークション{auctionCode}はリリースオークションです。約定処理はリリース入札の画面で行ってください。',
    en: 'Auction {auctionCode} is a release auction; clear it on the release offers screen.',
  },
} as const satisfies MessageGroup
