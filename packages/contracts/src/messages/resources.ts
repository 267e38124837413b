import type { MessageGroup } from './types.ts'

/** Resources (050) and their documents (800). */
export const resourceMessages = {
  'E-RES-001': {
    severity: 'error',
    ja: '電源等識別番号は「03S0000123」の形式（エリア番号2桁・区分1文字・数字7桁）で入力してください。',
    en: 'Enter the resource code as 03S0000123 (area number, kind letter and 7 digits).',
  },
  'E-RES-002': {
    severity: 'error',
    ja: 'この発電方式は、選択した電源等の区分では登録できません。',
    en: 'This generation type cannot be registered under the chosen resource kind.',
  },
  'E-RES-003': {
    severity: 'error',
    ja: '系統コードは20文字以内の半角英数字で入力してください。',
    en: 'Enter the grid code as up to 20 letters and digits.',
  },
  'E-RES-004': {
    severity: 'error',
    ja: '所在地は都道府県名から入力してください。',
    en: 'Enter the location starting with the prefecture.',
  },
  'E-RES-005': {
    severity: 'error',
    ja: '運転開始年月は「2020-04」の形式で入力してください。',
    en: 'Enter the commissioning month as 2020-04.',
  },
  'E-RES-006': {
    severity: 'error',
    ja: '構成電源の設備容量は1,000kW未満で入力してください。',
    en: 'Each member must be below 1,000 kW.',
  },
  'E-RES-007': {
    severity: 'error',
    ja: '供給地点特定番号は22桁の数字で入力してください。',
    en: 'Enter the supply point ID as 22 digits.',
  },
  'E-RES-008': {
    severity: 'error',
    ja: '小数点以下2桁までで入力してください。',
    en: 'Enter at most 2 decimal places.',
  },
  'E-RES-009': {
    severity: 'error',
    ja: '揚水・蓄電池を安定電源として登録するには、継続運転可能時間が{hours}時間以上必要です。それより短い場合は発動指令電源として登録してください。',
    en: 'Pumped storage and batteries register as stable only with at least {hours} h of continuous output; otherwise register them as dispatch-order resources.',
  },
  'E-RES-010': {
    severity: 'error',
    ja: 'この供給地点特定番号は電源等リストに既にあります。',
    en: 'This supply point ID is already in the site list.',
  },
  'E-RES-011': {
    severity: 'error',
    ja: '構成電源を1件以上入力してください。',
    en: 'Enter at least one member.',
  },
  'E-RES-012': {
    severity: 'error',
    ja: '電源等リストに1件以上入力してください。',
    en: 'Enter at least one site.',
  },
  'E-RES-013': {
    severity: 'error',
    ja: '電源等の区分とエリアは変更できません。変える場合は、この電源等を廃止して新たに登録してください。',
    en: 'The kind and the area of a resource cannot change. Cancel this resource and register a new one instead.',
  },
  'E-RES-014': {
    severity: 'error',
    ja: 'この電源等は廃止済みのため、変更・廃止の申込はできません。',
    en: 'This resource is cancelled: it can no longer be changed or cancelled.',
  },
  'E-RES-015': {
    severity: 'error',
    ja: 'この電源等識別番号は、自社の同じ区分の電源等として登録されていません。',
    en: 'No resource of this kind of your participant has this resource code.',
  },
  'E-RES-016': {
    severity: 'error',
    ja: '同じ電源等識別番号がファイル内に複数あります。',
    en: 'The same resource code appears more than once in the file.',
  },
  'E-RES-017': {
    severity: 'error',
    ja: '同じ整理番号の行は、電源等の項目がすべて同じ値である必要があります（整理番号 {entryNo} の最初の行: {line}行目）。',
    en: 'Rows with the same entry number must carry the same resource fields (the first row of entry {entryNo}: line {line}).',
  },
  'E-RES-018': {
    severity: 'error',
    ja: '一つの電源等の構成電源は{maxMembers}件まで、電源等リストは{maxSites}件までです。',
    en: 'A resource has at most {maxMembers} members and at most {maxSites} sites.',
  },
} satisfies MessageGroup
