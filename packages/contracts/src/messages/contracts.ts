import type { MessageGroup } from './types.ts'

/** Capacity contracts (130), their documents and changes. IDs E-CON-xxx. */
export const contractMessages = {
  'E-CON-001': {
    severity: 'error',
    ja: 'この容量確保契約は現在の状態ではこの操作ができません。最新の内容を表示し直してください。',
    en: 'This capacity contract cannot be changed this way in its current state. Reload it to see the latest.',
  },
  'E-CON-002': {
    severity: 'error',
    ja: 'このオークションの容量確保契約は既に事業者が確認しているため、別の約定結果を公表できません。',
    en: 'Participants have already confirmed capacity contracts of this auction, so another clearing run cannot be published.',
  },
  'E-CON-003': {
    severity: 'error',
    ja: '修正後の契約容量は 0 kW より大きく、落札容量（{awardedKw} kW）以下で入力してください。',
    en: 'Enter a corrected contract kW above 0 and at most the awarded kW ({awardedKw} kW).',
  },
} as const satisfies MessageGroup
