import type { MessageGroup } from './types.ts'

/** The basis of the assessment (B00 outage plans in the year, B10 parameters, B20 allocation). IDs E-ABAS-xxx. */
export const assessmentBasisMessages = {
  'E-ABAS-001': {
    severity: 'error',
    ja: '許容停止日数は0以上の数値（小数点以下4桁まで）で入力してください。',
    en: 'Enter the outage allowance as a number of 0 or more (up to 4 decimal places).',
  },
  'E-ABAS-002': {
    severity: 'error',
    ja: '倍率は0より大きく100未満の数値（小数点以下4桁まで）で入力してください。',
    en: 'Enter the multiplier as a number above 0 and below 100 (up to 4 decimal places).',
  },
  'E-ABAS-003': {
    severity: 'error',
    ja: '想定発動回数は1以上1,000以下の整数で入力してください。',
    en: 'Enter the expected orders per year as a whole number from 1 to 1,000.',
  },
  'E-ABAS-004': {
    severity: 'error',
    ja: '上限の割合は0より大きく10以下の数値（小数点以下4桁まで）で入力してください。',
    en: 'Enter the cap as a share above 0 and at most 10 (up to 4 decimal places).',
  },
  'E-ABAS-005': {
    severity: 'error',
    ja: '{deliveryYear}年度の算定諸元は既に登録されています。',
    en: 'The assessment parameters of FY{deliveryYear} already exist.',
  },
  'E-ABAS-006': {
    severity: 'error',
    ja: '{deliveryYear}年度の算定諸元はまだ登録されていません。先に既定値から作成してください。',
    en: 'The assessment parameters of FY{deliveryYear} do not exist yet. Create them from the defaults first.',
  },
  'W-ABAS-001': {
    severity: 'warning',
    ja: '算定済みの月（{months}）があります。算定諸元を変更した場合、これらの月は再算定するまで結果に反映されません。',
    en: 'Some months are already assessed ({months}). A change takes effect on their results only when they are assessed again.',
  },
  'I-ABAS-001': {
    severity: 'info',
    ja: '{deliveryYear}年度の算定諸元を既定値から作成しました。',
    en: 'The assessment parameters of FY{deliveryYear} have been created from the defaults.',
  },
  'I-ABAS-002': {
    severity: 'info',
    ja: '{deliveryYear}年度の算定諸元を変更しました（第{version}版）。',
    en: 'The assessment parameters of FY{deliveryYear} have been changed (version {version}).',
  },
} as const satisfies MessageGroup
