import type { MessageGroup } from './types.ts'

/** Clearing runs, results and the what-if simulator (120). IDs E-CLR-xxx, I-CLR-xxx. */
export const clearingMessages = {
  'E-CLR-001': {
    severity: 'error',
    ja: 'このオークションは約定処理を実行できる状態ではありません（現在の状態：{state}）。応札締切後に実行してください。',
    en: 'This auction cannot be cleared in its current state ({state}); clear it after bidding has closed.',
  },
  'E-CLR-002': {
    severity: 'error',
    ja: '約定処理が実行中です。終了してから再度実行してください。',
    en: 'A clearing run is already queued or running; wait until it has finished.',
  },
  'E-CLR-003': {
    severity: 'error',
    ja: '公表できるのは正常に終了した約定処理の結果だけです。',
    en: 'Only a clearing run that succeeded can be published.',
  },
  'E-CLR-004': {
    severity: 'error',
    ja: 'このオークションの約定結果はまだありません。',
    en: 'This auction has no clearing result yet.',
  },
  'E-CLR-005': {
    severity: 'error',
    ja: '同じ種類のオークションで結果が公表されたものがないため、シミュレーションできません。',
    en: 'No auction of the same type has published results; the simulation has nothing to compare with.',
  },
  'E-CLR-006': {
    severity: 'error',
    ja: 'シミュレーションできるのは応札受付中のオークションだけです。',
    en: 'The simulator works only for an auction open for bidding.',
  },
  'E-CLR-007': {
    severity: 'error',
    ja: 'このオークションの参加資格がある自社の電源等を選択してください。',
    en: 'Choose a resource of your own qualified for this auction.',
  },
  'E-CLR-008': {
    severity: 'error',
    ja: '応札容量は1,000kW以上、期待容量（{maxKw}kW）以下で入力してください。',
    en: 'Enter a capacity of at least 1,000 kW and at most the expected capacity ({maxKw} kW).',
  },
  'E-CLR-009': {
    severity: 'error',
    ja: '応札価格は0円以上{maxPrice}円以下で入力してください。',
    en: 'Enter a price from 0 to {maxPrice} yen.',
  },
  'E-CLR-010': {
    severity: 'error',
    ja: '同じ電源等が2回指定されています。',
    en: 'The same resource is given twice.',
  },
  'I-CLR-001': {
    severity: 'info',
    ja: '応札価格{price}円/kWが全国の約定価格{clearingPrice}円/kW以下のため、全国約定で{awardedKw}kWを落札しました。',
    en: 'Your price of {price} yen/kW was at or below the national clearing price of {clearingPrice} yen/kW: {awardedKw} kW awarded in the national clearing.',
  },
  'I-CLR-002': {
    severity: 'info',
    ja: 'ブロック{blockId}の供給力不足を補うため追加約定され、{awardedKw}kWを落札しました。エリアプライスは{clearingPrice}円/kWです（応札価格{price}円/kW、全国の約定価格{nationalPrice}円/kW）。',
    en: 'Awarded {awardedKw} kW as a block addition for the shortage of block {blockId}; the area price is {clearingPrice} yen/kW (your price {price} yen/kW, national price {nationalPrice} yen/kW).',
  },
  'I-CLR-003': {
    severity: 'info',
    ja: '発動指令電源の落札量が上限（{capKw}kW）を超えるため、落札されませんでした（応札価格{price}円/kW、約定価格{clearingPrice}円/kW）。',
    en: 'Not awarded: the award would take dispatch-order resources above their cap of {capKw} kW (your price {price} yen/kW, clearing price {clearingPrice} yen/kW).',
  },
  'I-CLR-004': {
    severity: 'info',
    ja: '応札価格{price}円/kWが約定価格{clearingPrice}円/kWを上回ったため、落札されませんでした。',
    en: 'Your price of {price} yen/kW was above the clearing price of {clearingPrice} yen/kW: not awarded.',
  },
  'I-CLR-005': {
    severity: 'info',
    ja: '応札価格{price}円/kWは約定価格{clearingPrice}円/kWと同じでしたが、約定量に達した後の順位（同価格では応札日時の早い順）のため落札されませんでした。',
    en: 'Your price of {price} yen/kW equalled the clearing price of {clearingPrice} yen/kW, but the demand was met by bids ahead in the merit order (earlier submissions first at equal price): not awarded.',
  },
} as const satisfies MessageGroup
