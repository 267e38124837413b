import type { MessageGroup } from './types.ts'

/** Participants (030, 700), users (020), permissions (A40), certificates (710), applications. */
export const participantMessages = {
  'E-PART-001': {
    severity: 'error',
    ja: '法人番号は13桁の数字で入力してください。',
    en: 'Enter the corporate number as 13 digits.',
  },
  'E-PART-002': {
    severity: 'error',
    ja: '法人番号のチェックデジットが正しくありません。番号を確認してください。',
    en: 'The check digit of the corporate number is wrong. Check the number.',
  },
  'E-PART-003': {
    severity: 'error',
    ja: '全角カタカナで入力してください。',
    en: 'Enter full-width katakana.',
  },
  'E-PART-004': {
    severity: 'error',
    ja: '郵便番号は「123-4567」の形式で入力してください。',
    en: 'Enter the postal code as 123-4567.',
  },
  'E-PART-005': {
    severity: 'error',
    ja: 'メールアドレスの形式が正しくありません。',
    en: 'The e-mail address is not valid.',
  },
  'E-PART-006': {
    severity: 'error',
    ja: '電話番号は「03-1234-5678」の形式で入力してください。',
    en: 'Enter the phone number as 03-1234-5678.',
  },
  'E-PART-007': {
    severity: 'error',
    ja: '金融機関コードは4桁の数字で入力してください。',
    en: 'Enter the bank code as 4 digits.',
  },
  'E-PART-008': {
    severity: 'error',
    ja: '口座名義は半角カナ（英大文字・数字・一部の記号を含む）で入力してください。',
    en: 'Enter the account holder in half-width katakana (capitals, digits and some symbols allowed).',
  },
  'E-PART-009': {
    severity: 'error',
    ja: '支店コードは3桁の数字で入力してください。',
    en: 'Enter the branch code as 3 digits.',
  },
  'E-PART-010': {
    severity: 'error',
    ja: '口座番号は7桁の数字で入力してください。',
    en: 'Enter the account number as 7 digits.',
  },
  'E-PART-011': {
    severity: 'error',
    ja: 'この法人番号の事業者は既に登録されているか、申込中です。',
    en: 'A participant with this corporate number is already registered or being applied for.',
  },
  'E-USER-001': {
    severity: 'error',
    ja: 'このユーザIDは既に使用されています。別のユーザIDを指定してください。',
    en: 'This user ID is already in use. Choose another.',
  },
  'E-USER-002': {
    severity: 'error',
    ja: 'ユーザIDは英数字で始まる3～32文字（英数字と「.」「_」「-」）で入力してください。',
    en: 'The user ID must be 3–32 characters: letters, digits, ".", "_" or "-", starting with a letter or digit.',
  },
  'E-APP-001': {
    severity: 'error',
    ja: 'この申込は現在「{state}」のため、この操作はできません。',
    en: 'This application is now "{state}": the operation is not possible.',
  },
  'E-APP-002': {
    severity: 'error',
    ja: '差戻し・却下の場合はコメントを入力してください。',
    en: 'Enter a comment when returning or rejecting an application.',
  },
  'E-APP-003': {
    severity: 'error',
    ja: 'この申込の提出後に対象の情報が更新されたため、承認できません。申込者に差し戻し、最新の情報に基づいて再申込するよう依頼してください。',
    en: 'The record has changed since this application was submitted, so it cannot be approved. Return it and ask the applicant to file it again against the current record.',
  },
  'E-APP-004': {
    severity: 'error',
    ja: '{window}の受付期間外です（受付期間：{opensAt}～{closesAt}）。',
    en: 'Outside the window for {window} (open {opensAt} to {closesAt}).',
  },
  'E-APP-005': {
    severity: 'error',
    ja: 'この申込は現在受け付けていません（受付期間が設定されていません）。',
    en: 'This application is not being accepted now: no window is set.',
  },
  'E-APP-006': {
    severity: 'error',
    ja: '受付番号またはアクセスキーが正しくありません。申込時に表示された受付番号とアクセスキーを確認して、入力し直してください。',
    en: 'The receipt number or the access key is not correct. Check both as shown when you applied and enter them again.',
  },
  'I-APP-001': {
    severity: 'info',
    ja: '申込を受け付けました。受付番号は {receiptNo} です。',
    en: 'The application has been received. Its receipt number is {receiptNo}.',
  },
  'I-APP-002': {
    severity: 'info',
    ja: '審査を開始しました。',
    en: 'The review has started.',
  },
  'I-APP-003': {
    severity: 'info',
    ja: '申込を差し戻しました。',
    en: 'The application was returned.',
  },
  'I-APP-004': {
    severity: 'info',
    ja: '申込を却下しました。',
    en: 'The application was rejected.',
  },
  'I-APP-005': {
    severity: 'info',
    ja: '申込を承認しました。',
    en: 'The application was approved.',
  },
  'I-APP-006': {
    severity: 'info',
    ja: '申込を提出しました。',
    en: 'The application was submitted.',
  },
  'I-APP-007': {
    severity: 'info',
    ja: '申込を再提出しました。',
    en: 'The application was resubmitted.',
  },
  'I-APP-008': {
    severity: 'info',
    ja: '申込を取り下げました。',
    en: 'The application was withdrawn.',
  },
  'I-APP-009': {
    severity: 'info',
    ja: '申込内容を修正しました。',
    en: 'The application was corrected.',
  },
  'I-APP-010': {
    severity: 'info',
    ja: '申込を引き戻しました。',
    en: 'The application was taken back.',
  },
} satisfies MessageGroup
