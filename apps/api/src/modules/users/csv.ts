import { roleLabels, userStatusLabels, type User } from '@yoryo/contracts'
import { csv, type CsvColumn } from '../../lib/list.ts'

/** The user list as CSV (K21): the columns of the 020 list screen and more. */
export const userCsvColumns: CsvColumn<User>[] = [
  csv.text({ ja: '事業者コード', en: 'Participant code' }, (u) => u.participant.code),
  csv.text({ ja: '事業者名', en: 'Participant name' }, (u) => u.participant.name),
  csv.text({ ja: 'ユーザID', en: 'User ID' }, (u) => u.userId),
  csv.text({ ja: '氏名', en: 'Name' }, (u) => u.name),
  csv.text({ ja: 'メールアドレス', en: 'E-mail' }, (u) => u.email),
  csv.text({ ja: '電話番号', en: 'Phone' }, (u) => u.phone),
  csv.enumeration({ ja: 'ロール', en: 'Role' }, (u) => u.role, roleLabels),
  csv.enumeration({ ja: '状態', en: 'Status' }, (u) => u.status, userStatusLabels),
  csv.dateTime({ ja: '有効期間開始', en: 'Valid from' }, (u) => u.validFrom),
  csv.dateTime({ ja: '有効期間終了', en: 'Valid to' }, (u) => u.validTo),
  csv.dateTime({ ja: '最終ログイン日時', en: 'Last login' }, (u) => u.lastLoginAt),
  csv.dateTime({ ja: '取消日時', en: 'Cancelled at' }, (u) => u.cancelledAt),
  csv.dateTime({ ja: '登録日時', en: 'Registered at' }, (u) => u.createdAt),
]
