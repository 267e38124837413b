import type { MessageGroup } from './types.ts'

/** The succession, merger and exit (G50). IDs E-SUCC-xxx. */
export const successionMessages = {
  'E-SUCC-001': {
    severity: 'error',
    ja: '承継先の事業者コード「{code}」の事業者が見つからないか、承継を受けられません(自社・退会済みの事業者は指定できません)。',
    en: 'Participant {code} cannot receive the succession (not found, the applicant itself, or closed).',
  },
  'E-SUCC-002': {
    severity: 'error',
    ja: '選んだ電源等に自社のものでないものがあります。',
    en: 'A chosen resource is not one of your own.',
  },
  'E-SUCC-003': {
    severity: 'error',
    ja: '契約 {contractNo} は {month} の支払通知書・請求書が発行済みです。効力発生月は {next} 以降にしてください。',
    en: 'Contract {contractNo} already has settlement documents issued for {month}; make the change effective from {next} or later.',
  },
  'E-SUCC-004': {
    severity: 'error',
    ja: 'この申込は「{state}」のため、この操作はできません。',
    en: 'The application is {state}; this is not possible now.',
  },
  'E-SUCC-005': {
    severity: 'error',
    ja: '同意・辞退は承継先の事業者の管理者ユーザだけが行えます。',
    en: 'Only an administrator of the receiving participant can consent or decline.',
  },
  'E-SUCC-006': {
    severity: 'error',
    ja: '申込・取下げは申込者の事業者だけが行えます(広域機関は審査します)。',
    en: 'Only the applying participant files and withdraws (OCCTO reviews).',
  },
  'E-SUCC-007': {
    severity: 'error',
    ja: '同じ電源等または事業者について、処理中の申込({successionNo})があります。',
    en: 'An open application ({successionNo}) already concerns the same resources or participant.',
  },
  'E-SUCC-008': {
    severity: 'error',
    ja: '承継する電源等を1件以上選んでください。',
    en: 'Choose at least one resource to hand over.',
  },
  'E-SUCC-009': {
    severity: 'error',
    ja: '承継先の事業者コードを P と5桁の数字で入力してください。',
    en: 'Enter the receiving participant code: P and 5 digits.',
  },
  'E-SUCC-010': {
    severity: 'error',
    ja: '退会済みの事業者は申込できません。',
    en: 'A closed participant cannot apply.',
  },
} as const satisfies MessageGroup
