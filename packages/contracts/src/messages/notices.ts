import type { MessageGroup } from './types.ts'

/** Notices (A30). IDs E-NTC-xxx. */
export const noticeMessages = {
  'E-NTC-001': {
    severity: 'error',
    ja: '宛先の事業者を1つ以上選択してください。',
    en: 'Choose at least one participant to address.',
  },
  'E-NTC-002': {
    severity: 'error',
    ja: '公開日時には現在より後の日時を指定してください。',
    en: 'The publication time must lie in the future.',
  },
  'E-NTC-003': {
    severity: 'error',
    ja: '公開済みのおしらせは下書きに戻せません。',
    en: 'A published notice cannot go back to draft.',
  },
  'E-NTC-004': {
    severity: 'error',
    ja: '取り下げたおしらせは変更できません。',
    en: 'A withdrawn notice can no longer be changed.',
  },
  'E-NTC-005': {
    severity: 'error',
    ja: '宛先に指定できない事業者が含まれています（{codes}）。',
    en: 'Some participants cannot be addressed ({codes}).',
  },
  'I-NTC-001': {
    severity: 'info',
    ja: 'おしらせ {noticeNo} を登録しました。',
    en: 'Notice {noticeNo} has been saved.',
  },
  'I-NTC-002': {
    severity: 'info',
    ja: 'おしらせ {noticeNo} を変更しました。',
    en: 'Notice {noticeNo} has been changed.',
  },
  'I-NTC-003': {
    severity: 'info',
    ja: 'おしらせ {noticeNo} を取り下げました。',
    en: 'Notice {noticeNo} has been withdrawn.',
  },
} as const satisfies MessageGroup
