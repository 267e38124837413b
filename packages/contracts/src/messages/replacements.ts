import type { MessageGroup } from './types.ts'

/** The replacement board (140) and replacements (160). IDs E-RPL-xxx. */
export const replacementMessages = {
  'E-RPL-001': {
    severity: 'error',
    ja: '対象期間は同じ実需給年度（4月〜翌年3月）の中で指定してください。',
    en: 'The period must lie within one delivery year (April to March).',
  },
  'E-RPL-002': {
    severity: 'error',
    ja: '対象期間の終了月は開始月以降にしてください。',
    en: 'The last month of the period must not be before its first month.',
  },
  'E-RPL-003': {
    severity: 'error',
    ja: '容量は1kW以上の整数で入力してください。',
    en: 'Enter the capacity as a whole number of at least 1 kW.',
  },
  'E-RPL-004': {
    severity: 'error',
    ja: '掲載期限は本日（{today}）から{max}までの日付を指定してください。',
    en: 'The expiry date must be between today ({today}) and {max}.',
  },
  'E-RPL-005': {
    severity: 'error',
    ja: 'この掲載は{status}のため、変更・取下げできません。',
    en: 'The posting is {status}; it cannot be changed or withdrawn.',
  },
  'E-RPL-010': {
    severity: 'error',
    ja: '契約 {contractNo} は差替の対象にできません。差替できるのは確認済・実需給期間中・変更契約済の契約です。',
    en: 'Contract {contractNo} cannot be replaced; only confirmed, active or amended contracts can.',
  },
  'E-RPL-011': {
    severity: 'error',
    ja: '差替先電源等 {resourceCode} が見つからないか、廃止済みです。',
    en: 'The replacing resource {resourceCode} does not exist or is cancelled.',
  },
  'E-RPL-012': {
    severity: 'error',
    ja: '差替先電源等のエリア（{replacingArea}）が契約電源等のエリア（{area}）と異なります。同じエリアの電源等を指定してください。',
    en: 'The replacing resource is in {replacingArea}, the contracted resource in {area}; the areas must be the same.',
  },
  'E-RPL-013': {
    severity: 'error',
    ja: '差替先電源等の区分（{replacingKind}）は、契約電源等の区分（{kind}）と同じか安定電源である必要があります。',
    en: 'The replacing resource is {replacingKind}; it must be {kind} like the contracted resource, or stable.',
  },
  'E-RPL-014': {
    severity: 'error',
    ja: '対象期間は契約の実需給年度（{deliveryYear}年度: {firstMonth}〜{lastMonth}）の中で指定してください。',
    en: 'The period must lie within the contract’s delivery year (FY{deliveryYear}: {firstMonth} to {lastMonth}).',
  },
  'E-RPL-015': {
    severity: 'error',
    ja: '{month}の差替先電源等の空き容量は{freeKw}kWです（期待容量{expectedKw}kW − 既に担う容量{carriedKw}kW）。{kw}kWの差替は受けられません。',
    en: 'In {month} the replacing resource has {freeKw} kW free (expected capacity {expectedKw} kW − {carriedKw} kW already carried); it cannot take {kw} kW.',
  },
  'E-RPL-016': {
    severity: 'error',
    ja: '{month}に差替できる契約容量は{availableKw}kWです（契約容量{contractKw}kW − 差替済{replacedKw}kW）。{kw}kWは差替できません。',
    en: 'In {month} only {availableKw} kW of the contract can be replaced (contract {contractKw} kW − {replacedKw} kW already replaced); {kw} kW cannot.',
  },
  'E-RPL-017': {
    severity: 'error',
    ja: '契約電源等自身を差替先に指定することはできません。',
    en: 'The contracted resource itself cannot be the replacing resource.',
  },
  'E-RPL-018': {
    severity: 'error',
    ja: '差替先電源等 {resourceCode} には{deliveryYear}年度の承認済みの期待容量がありません。',
    en: 'The replacing resource {resourceCode} has no approved expected capacity for FY{deliveryYear}.',
  },
  'E-RPL-019': {
    severity: 'error',
    ja: 'この差替は「{state}」のため、この操作はできません。',
    en: 'The replacement is {state}; this is not possible now.',
  },
  'E-RPL-020': {
    severity: 'error',
    ja: '相手方が同意した差替の内容（差替先・容量・対象期間）は変更できません。取り下げてから申し込み直してください。',
    en: 'The terms the counterparty consented to (replacing resource, kW, period) cannot change; withdraw and file again.',
  },
  'E-RPL-021': {
    severity: 'error',
    ja: '同意・辞退は差替先電源等の事業者だけが行えます。',
    en: 'Only the participant of the replacing resource can consent or decline.',
  },
  'E-RPL-022': {
    severity: 'error',
    ja: '差替の申込は契約者である事業者だけが行えます。',
    en: 'Only the contract holder can file or withdraw a replacement.',
  },
} as const satisfies MessageGroup
