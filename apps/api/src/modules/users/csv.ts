import type { Role, User, UserStatus } from '@yoryo/contracts'
import type { CsvColumn } from '../../lib/list.ts'

const JST_OFFSET_MS = 9 * 3_600_000

/** A timestamp as shown in CSV files: JST, `2026/04/01 09:00:00`; empty when absent. */
export function jst(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(Date.parse(iso) + JST_OFFSET_MS)
  const p = (n: number) => String(n).padStart(2, '0')
  return (
    `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  )
}

export const roleLabels: Record<Role, string> = {
  operator: '広域機関',
  participantAdmin: '管理者',
  participantUser: '一般',
  tso: '一般送配電事業者',
}

const statusLabels: Record<UserStatus, string> = {
  active: '有効',
  locked: 'ロック中',
  cancelled: '取消済',
}

/** The user list as CSV (K21): the columns of the 020 list screen. */
export const userCsvColumns: CsvColumn<User>[] = [
  { header: '事業者コード', value: (u) => u.participant.code },
  { header: '事業者名', value: (u) => u.participant.name },
  { header: 'ユーザID', value: (u) => u.userId },
  { header: '氏名', value: (u) => u.name },
  { header: 'メールアドレス', value: (u) => u.email },
  { header: '電話番号', value: (u) => u.phone },
  { header: 'ロール', value: (u) => roleLabels[u.role] },
  { header: '状態', value: (u) => statusLabels[u.status] },
  { header: '有効期間開始', value: (u) => jst(u.validFrom) },
  { header: '有効期間終了', value: (u) => jst(u.validTo) },
  { header: '最終ログイン日時', value: (u) => jst(u.lastLoginAt) },
  { header: '取消日時', value: (u) => jst(u.cancelledAt) },
  { header: '登録日時', value: (u) => jst(u.createdAt) },
]
