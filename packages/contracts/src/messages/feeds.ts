import type { MessageGroup } from './types.ts'

/** Data feeds in (TSO and operator: B60–B90, C10 by API and G00 files). IDs E-FEED-xxx. */
export const feedMessages = {
  'E-FEED-001': {
    severity: 'error',
    ja: '日付は実在する日を指定してください（YYYY-MM-DD、ファイルでは YYYY/MM/DD も可）。',
    en: 'Give a real date (YYYY-MM-DD; in files also YYYY/MM/DD).',
  },
  'E-FEED-002': {
    severity: 'error',
    ja: '予備率は小数第2位までの数値（%）で指定してください。',
    en: 'Give the reserve margin in % with at most 2 decimals.',
  },
  'E-FEED-003': {
    severity: 'error',
    ja: '同じコマが2回以上指定されています。',
    en: 'A slot is given more than once.',
  },
  'E-FEED-004': {
    severity: 'error',
    ja: 'エリア別の予備率と電源等別の提供を合わせて1件以上1,000件以下で送信してください。',
    en: 'Send from 1 to 1,000 area-days and resource-day offers together.',
  },
  'E-FEED-005': {
    severity: 'error',
    ja: '発動指令IDは半角英数字・「-」・「_」の40文字以内で指定してください。',
    en: 'The dispatch order ID takes up to 40 letters, digits, "-" and "_".',
  },
  'E-FEED-006': {
    severity: 'error',
    ja: '開始日時は30分単位（00分または30分）で指定してください。',
    en: 'The start must lie on a 30-minute boundary (:00 or :30).',
  },
  'E-FEED-007': {
    severity: 'error',
    ja: '電源等識別番号 {code} の電源等が登録されていないか、廃止されています。',
    en: 'There is no active resource {code}.',
  },
  'E-FEED-008': {
    severity: 'error',
    ja: '電源等 {code} は自社の供給区域の電源等ではないため、送信・参照できません。',
    en: 'Resource {code} is not in your service area: you may neither feed nor read it.',
  },
  'E-FEED-009': {
    severity: 'error',
    ja: 'エリア {area} は自社の供給区域ではないため、送信できません。',
    en: 'Area {area} is not your service area: you may not feed it.',
  },
  'E-FEED-010': {
    severity: 'error',
    ja: '電源等 {code} は発動指令電源ではありません。発動指令は発動指令電源にのみ送信できます。',
    en: 'Resource {code} is not a dispatch-order resource: orders go to dispatch-order resources only.',
  },
  'E-FEED-011': {
    severity: 'error',
    ja: '同じキー（{key}）が2回以上含まれています。1回の送信で1つのキーは1回だけ指定してください。',
    en: 'The key {key} is given more than once: send each key once per request or file.',
  },
  'E-FEED-012': {
    severity: 'error',
    ja: '発動指令ID {orderId} は別の電源等（{code}）の発動指令として登録済みです。',
    en: 'Dispatch order {orderId} is already stored for another resource ({code}).',
  },
  'E-FEED-013': {
    severity: 'error',
    ja: '供給区域が設定されていないため、データの送信・参照はできません。広域機関にお問い合わせください。',
    en: 'No service area is set for your organisation: ask the operator before feeding or reading data.',
  },
  'E-FEED-015': {
    severity: 'error',
    ja: '発動指令 {orderId} のベースライン・実績は、コマ01からコマ数まで記入し、それ以降は空欄にしてください。',
    en: 'Dispatch order {orderId}: fill baseline and actual from slot 01 up to the slot count, and leave the rest empty.',
  },
} as const satisfies MessageGroup
