import type { MessageGroup } from './types.ts'

/**
 * Messages of the market rules engine (@yoryo/domain).
 * `{field}` is the JSON path of the offending value (e.g. `$.bids[3].kw`), `{value}` the value.
 */
export const rulesMessages = {
  // Command line
  'E-RULES-001': {
    severity: 'error',
    ja: '入力を JSON として読み取れません（{detail}）。',
    en: 'The input is not valid JSON ({detail}).',
  },
  'E-RULES-002': {
    severity: 'error',
    ja: 'コマンド「{command}」はありません。clear、expected-capacity、contract-amount、assess-month のいずれかを指定してください。',
    en: 'Unknown command "{command}". Use clear, expected-capacity, contract-amount or assess-month.',
  },
  'E-RULES-003': {
    severity: 'error',
    ja: '入力ファイル「{file}」を読み込めません。',
    en: 'Cannot read the input file "{file}".',
  },
  'E-RULES-008': {
    severity: 'error',
    ja: '入力ファイルを指定してください。標準入力から読み込む場合は - を指定します。',
    en: 'Give an input file, or - to read standard input.',
  },
  'E-RULES-009': {
    severity: 'error',
    ja: 'オプション「{option}」は使えません。使えるオプションは --explain と --lang ja|en です。',
    en: 'Unknown option "{option}". The options are --explain and --lang ja|en.',
  },

  // Structure of the input
  'E-RULES-004': {
    severity: 'error',
    ja: '{field} の値の型が正しくありません（期待する型: {expected}）。',
    en: '{field} has the wrong type (expected {expected}).',
  },
  'E-RULES-005': {
    severity: 'error',
    ja: '{field} は定義されていない項目です。項目名を確認してください。',
    en: '{field} is not a known field; check its name.',
  },
  'E-RULES-006': {
    severity: 'error',
    ja: '必須項目 {field} がありません。',
    en: 'The required field {field} is missing.',
  },
  'E-RULES-007': {
    severity: 'error',
    ja: '{field} が空です。値を指定してください。',
    en: '{field} must not be empty.',
  },

  // Areas and interconnections
  'E-RULES-010': {
    severity: 'error',
    ja: '{field} のエリア「{value}」は存在しません。',
    en: '{field}: unknown area "{value}".',
  },
  'E-RULES-011': {
    severity: 'error',
    ja: 'エリア「{value}」が参加エリアに重複して指定されています（{field}）。',
    en: 'Area "{value}" appears more than once among the areas taking part ({field}).',
  },
  'E-RULES-012': {
    severity: 'error',
    ja: '{field} のエリア「{value}」は、このオークションの参加エリアに含まれていません。',
    en: '{field}: area "{value}" is not one of the areas taking part.',
  },
  'E-RULES-013': {
    severity: 'error',
    ja: '連系線の送電元と送電先が同じエリア「{value}」になっています（{field}）。',
    en: 'The interconnection at {field} connects area "{value}" to itself.',
  },
  'E-RULES-014': {
    severity: 'error',
    ja: '連系線 {from} → {to} が重複して指定されています（{field}）。',
    en: 'The interconnection {from} → {to} is given more than once ({field}).',
  },

  // Bids
  'E-RULES-020': {
    severity: 'error',
    ja: '応札ID「{value}」が重複しています（{field}）。',
    en: 'Duplicate bidId "{value}" ({field}).',
  },
  'E-RULES-021': {
    severity: 'error',
    ja: '{field} の応札容量は1,000kW以上の整数で指定してください（指定値: {value}）。',
    en: '{field}: the bid capacity must be a whole number of at least 1,000 kW (got {value}).',
  },
  'E-RULES-022': {
    severity: 'error',
    ja: '{field} の応札価格は0円/kW以上{max}円/kW以下の整数で指定してください（指定値: {value}）。',
    en: '{field}: the bid price must be a whole number from 0 to {max} yen/kW (got {value}).',
  },
  'E-RULES-023': {
    severity: 'error',
    ja: '{field} の日時「{value}」を解釈できません。2024-07-01T10:00:00+09:00 のように、時差を含む ISO 8601 形式で指定してください。',
    en: '{field}: cannot read the time "{value}"; use ISO 8601 with an offset, e.g. 2024-07-01T10:00:00+09:00.',
  },
  'E-RULES-024': {
    severity: 'error',
    ja: '{field} の実効性テスト達成率は0以上1以下で指定してください（指定値: {value}）。',
    en: '{field}: the effectiveness-test achievement rate must be between 0 and 1 (got {value}).',
  },
  'E-RULES-025': {
    severity: 'error',
    ja: '{field} の実効性テスト達成率は、発動指令電源の応札にのみ指定できます。',
    en: '{field}: an achievement rate may be given for dispatchOrder bids only.',
  },
  'E-RULES-026': {
    severity: 'error',
    ja: '{field} の電源等の区分「{value}」は存在しません。stable、variableSingle、variableAggregate、dispatchOrder のいずれかを指定してください。',
    en: '{field}: unknown resource kind "{value}"; use stable, variableSingle, variableAggregate or dispatchOrder.',
  },

  // Demand curve and other parameters
  'E-RULES-030': {
    severity: 'error',
    ja: '需要曲線の数量は 0 < quantityAtCap ≤ targetQuantity ≤ quantityAtZero となるよう指定してください（{field}）。',
    en: 'The demand curve quantities must satisfy 0 < quantityAtCap ≤ targetQuantity ≤ quantityAtZero ({field}).',
  },
  'E-RULES-031': {
    severity: 'error',
    ja: '需要曲線の価格は priceCap ≥ netCone ≥ 0 となるよう指定してください（{field}）。',
    en: 'The demand curve prices must satisfy priceCap ≥ netCone ≥ 0 ({field}).',
  },
  'E-RULES-032': {
    severity: 'error',
    ja: '{field} の上限価格は0以上で、0.5円単位で指定してください（指定値: {value}）。',
    en: '{field}: the price cap must be 0 or more, in steps of 0.5 yen (got {value}).',
  },
  'E-RULES-033': {
    severity: 'error',
    ja: '{field} は0以上の整数で指定してください（指定値: {value}）。',
    en: '{field} must be a whole number of 0 or more (got {value}).',
  },
  'E-RULES-034': {
    severity: 'error',
    ja: '{field} の合計または計算結果が大きすぎるため、正確に計算できません。',
    en: 'The total or result for {field} is too large to compute exactly.',
  },

  // Ratios, factors, rates
  'E-RULES-040': {
    severity: 'error',
    ja: '{field} は0以上1以下で指定してください（指定値: {value}）。',
    en: '{field} must be between 0 and 1 (got {value}).',
  },
  'E-RULES-041': {
    severity: 'error',
    ja: '{field} は小数点以下4桁までで指定してください（指定値: {value}）。',
    en: '{field} may have at most 4 decimals (got {value}).',
  },
  'E-RULES-042': {
    severity: 'error',
    ja: '{field} の連続放電可能時間は0以上の数値で指定してください（指定値: {value}）。',
    en: '{field}: the continuous discharge duration must be a number of 0 or more (got {value}).',
  },
  'E-RULES-043': {
    severity: 'error',
    ja: 'アグリゲート電源の構成電源（{field}）を1件以上指定してください。',
    en: 'Give at least one member of the aggregation ({field}).',
  },

  'E-RULES-044': {
    severity: 'error',
    ja: '{field} は1以上の整数で指定してください（指定値: {value}）。',
    en: '{field} must be a whole number of 1 or more (got {value}).',
  },
  'E-RULES-045': {
    severity: 'error',
    ja: '{field} には実績値を{count}コマ分指定してください（指定数: {value}）。',
    en: '{field} must hold {count} slot values (got {value}).',
  },

  // The monthly assessment (assess-month)
  'E-RULES-080': {
    severity: 'error',
    ja: '{field} は0以上の数値（小数点以下4桁まで）で指定してください（指定値: {value}）。',
    en: '{field} must be a number of 0 or more with at most 4 decimals (got {value}).',
  },
  'E-RULES-081': {
    severity: 'error',
    ja: '{field} は YYYY-MM 形式の年月で指定してください（指定値: {value}）。',
    en: '{field} must be a month in the form YYYY-MM (got {value}).',
  },
  'E-RULES-083': {
    severity: 'error',
    ja: '{field} のコマ番号は1から48の整数で指定してください（指定値: {value}）。',
    en: '{field}: the slot must be a whole number from 1 to 48 (got {value}).',
  },
  'E-RULES-084': {
    severity: 'error',
    ja: '{field} の日付 {value} は評価対象月 {month} の外です。',
    en: '{field}: the date {value} is outside the assessed month {month}.',
  },
  'E-RULES-085': {
    severity: 'error',
    ja: '{field} の時刻は30分単位（00分または30分ちょうど）で指定してください（指定値: {value}）。',
    en: '{field} must be on a 30-minute boundary (:00 or :30 exactly; got {value}).',
  },
  'E-RULES-086': {
    severity: 'error',
    ja: '{field}：停止終了日時は停止開始日時より後にしてください（指定値: {value}）。',
    en: '{field}: the outage must end after it starts (got {value}).',
  },
  'E-RULES-087': {
    severity: 'error',
    ja: '{field}：同じ日付・コマ（{value}）が複数回指定されています。',
    en: '{field}: the same date and slot ({value}) is given more than once.',
  },

  // Pre-delivery penalties (rules.md §6, 190)
  'E-RULES-070': {
    severity: 'error',
    ja: '{field} は契約容量（{contractKw}kW）以下で指定してください（指定値: {value}）。',
    en: '{field} must not exceed the contract kW ({contractKw} kW) (got {value}).',
  },
  'E-RULES-071': {
    severity: 'error',
    ja: '{field} は YYYY-MM-DD 形式の日付で指定してください（指定値: {value}）。',
    en: '{field} must be a date YYYY-MM-DD (got {value}).',
  },
  'E-RULES-072': {
    severity: 'error',
    ja: '{field} の要素区分が不正です（指定値: {value}）。',
    en: '{field} is not a penalty factor type (got {value}).',
  },
  'E-RULES-073': {
    severity: 'error',
    ja: '{field}（算定額）は要素区分「その他」の場合のみ、必ず指定してください。',
    en: '{field} (the amount) is required for the type "other" and only for it.',
  },

  // Eligibility of an expected capacity (returned in ExpectedCapacityResult.messageId)
  'E-RULES-060': {
    severity: 'error',
    ja: '期待容量が最低容量の1,000kWに満たないため、容量オークションに参加できません。',
    en: 'The expected capacity is below the 1,000 kW minimum; the resource cannot take part in the auction.',
  },
  'E-RULES-061': {
    severity: 'error',
    ja: '揚水発電・蓄電池は、1日1回3時間以上連続して放電できる場合に限り安定電源として参加できます。発動指令電源として登録してください。',
    en: 'Pumped storage and batteries count as stable only if they can discharge for 3 hours in a row once a day; register the resource as dispatchOrder.',
  },
  'E-RULES-062': {
    severity: 'error',
    ja: '変動電源（アグリゲート）の構成電源は、いずれも1,000kW未満である必要があります。1,000kW以上の電源は単独で登録してください。',
    en: 'Every member of a variable aggregation must be below 1,000 kW; register a member of 1,000 kW or more on its own.',
  },
} satisfies MessageGroup

export type RulesMessageId = keyof typeof rulesMessages
