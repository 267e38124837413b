import type { MessageGroup } from './types.ts'

/** Outage plans (180, bulk 880/890/891). IDs E-OUT-xxx. */
export const outagePlanMessages = {
  'E-OUT-001': {
    severity: 'error',
    ja: '{value}は30分単位ではありません。停止開始日時・停止終了日時は日本時間の00分または30分で入力してください。',
    en: '{value} is not on a 30-minute boundary; start and end an outage at :00 or :30 JST.',
  },
  'E-OUT-002': {
    severity: 'error',
    ja: '停止終了日時（{endAt}）は停止開始日時（{startAt}）より後にしてください。',
    en: 'The end of the outage ({endAt}) must be after its start ({startAt}).',
  },
  'E-OUT-003': {
    severity: 'error',
    ja: '停止期間は{deliveryYear}年度の実需給期間（{from}〜{to}）の中で入力してください。',
    en: 'The outage must lie inside delivery year FY{deliveryYear} ({from} to {to}).',
  },
  'E-OUT-004': {
    severity: 'error',
    ja: '停止容量（{reducedKw} kW）は契約容量（{contractKw} kW）以下で入力してください。',
    en: 'The reduced capacity ({reducedKw} kW) may not exceed the contract capacity ({contractKw} kW).',
  },
  'E-OUT-005': {
    severity: 'error',
    ja: '停止期間が重なる容量停止計画（{planNos}）と合わせた停止容量が最大{totalKw} kWとなり、契約容量（{contractKw} kW）を超えます。',
    en: 'With the overlapping outage plans ({planNos}) up to {totalKw} kW would be out, more than the contract capacity ({contractKw} kW).',
  },
  'E-OUT-006': {
    severity: 'error',
    ja: 'この電源等には{deliveryYear}年度の容量確保契約（解約済みを除く）がないため、容量停止計画を提出できません。',
    en: 'The resource has no capacity contract for FY{deliveryYear} (other than terminated ones); no outage plan can be filed.',
  },
  'E-OUT-007': {
    severity: 'error',
    ja: '容量停止計画 {planNo} は取消済みのため、変更・取消できません。',
    en: 'Outage plan {planNo} is cancelled; it cannot be changed or cancelled.',
  },
  'E-OUT-008': {
    severity: 'error',
    ja: '容量停止計画の対象実需給年度（{deliveryYear}年度）は変更できません。別の年度の停止は新たに登録してください。',
    en: 'The delivery year of an outage plan (FY{deliveryYear}) cannot change; register a new plan for another year.',
  },
  'E-OUT-009': {
    severity: 'error',
    ja: '計画IDは「OP」＋年度4桁＋「-」＋6桁（例: OP2030-000001）で入力してください。',
    en: 'Enter the plan ID as OP + 4-digit year + "-" + 6 digits (e.g. OP2030-000001).',
  },
  'E-OUT-010': {
    severity: 'error',
    ja: '日時は日本時間で「2030/05/01 09:30」の形式で入力してください。',
    en: 'Enter the date and time in JST as 2030/05/01 09:30.',
  },
  'E-OUT-011': {
    severity: 'error',
    ja: '計画ID {planNo} の自社の容量停止計画が見つかりません。',
    en: 'No outage plan {planNo} of your company was found.',
  },
  'E-OUT-012': {
    severity: 'error',
    ja: '電源等識別番号 {resourceCode} は計画ID {planNo} の電源等（{planResourceCode}）と異なります。',
    en: 'Resource code {resourceCode} is not the resource of plan {planNo} ({planResourceCode}).',
  },
  'E-OUT-013': {
    severity: 'error',
    ja: '処理区分が変更の行には計画IDを、登録の行には空欄を入力してください。',
    en: 'Give the plan ID on a change row and leave it empty on a register row.',
  },
  'E-OUT-014': {
    severity: 'error',
    ja: '計画ID {planNo} はファイル内の{line}行目にもあります。1つの計画は1行で変更してください。',
    en: 'Plan {planNo} is also on line {line} of the file; change a plan on one row.',
  },
  'E-OUT-015': {
    severity: 'error',
    ja: '電源等識別番号 {resourceCode} の自社の電源等が見つかりません。',
    en: 'No resource {resourceCode} of your company was found.',
  },
  'W-OUT-001': {
    severity: 'warning',
    ja: '{deliveryYear}年度の等価停止日数は{days}日となり、許容日数{allowance}日を{excess}日超えます。超過分はペナルティ（見込額 {penalty}円）の対象です。',
    en: 'FY{deliveryYear} comes to {days} equivalent outage days, {excess} days over the allowance of {allowance}; the excess is penalised (about {penalty} yen).',
  },
} as const satisfies MessageGroup
