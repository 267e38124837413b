import type { MessageGroup } from './types.ts'

/**
 * The outage omission review (B50) and the assessment screens (B40: a run queued from the screen).
 * IDs E-ASMT-050…099 and I-ASMT-050… (the assessment's range, this part's half).
 */
export const outageOmissionMessages = {
  'E-ASMT-050': {
    severity: 'error',
    ja: '承認済みのコマには回答できません（{slots}）。',
    en: 'Accepted slots can no longer be answered ({slots}).',
  },
  'E-ASMT-051': {
    severity: 'error',
    ja: '判定できるのは回答済みのコマだけです（{slots}）。',
    en: 'Only answered slots can be decided ({slots}).',
  },
  'E-ASMT-052': {
    severity: 'error',
    ja: '却下する場合は理由を入力してください。',
    en: 'Enter the reason for the rejection.',
  },
  'E-ASMT-053': {
    severity: 'error',
    ja: '回答は対象電源等の事業者が行います。',
    en: "Only the resource's participant can answer.",
  },
  'E-ASMT-054': {
    severity: 'error',
    ja: '同じコマが重複して指定されています。',
    en: 'The same slot is given more than once.',
  },
  'I-ASMT-050': {
    severity: 'info',
    ja: '{count}件のコマに回答しました。',
    en: 'Answered {count} slot(s).',
  },
  'I-ASMT-051': {
    severity: 'info',
    ja: '{count}件のコマの回答を承認しました。',
    en: 'Accepted {count} slot(s).',
  },
  'I-ASMT-052': {
    severity: 'info',
    ja: '{count}件のコマの回答を却下しました。',
    en: 'Rejected {count} slot(s).',
  },
  'I-ASMT-053': {
    severity: 'info',
    ja: '{month}のアセスメント（第{version}版）の実行を受け付けました。',
    en: 'The assessment of {month} (version {version}) has been queued.',
  },
} as const satisfies MessageGroup
