import type { z } from 'zod'
import type { BulkColumnType, BulkImportMode, FileEncoding, JobState } from './bulk.ts'
import type { ApplicationState, EntityType } from './applications.ts'
import type { AuctionState, AuctionSubtype, AuctionType, QualificationState } from './auctions.ts'
import type { ClientCertificateStatus } from './client-certificates.ts'
import type { ExpectedCapacityStatus } from './expected-capacity.ts'
import type { bankAccountTypeSchema, LicenseCategory } from './participants.ts'
import type {
  Area,
  GenerationType,
  ResourceKind,
  ResourceStatus,
  SiteType,
  SupportScheme,
} from './resources.ts'
import type {
  ReplacementPostingStatus,
  ReplacementPostingType,
  ReplacementState,
} from './replacements.ts'
import type { NoticeAudience, NoticeCategory, NoticeState } from './notices.ts'
import type { Role } from './roles.ts'
import type { UserStatus } from './users.ts'

/**
 * Labels of enumerations, Japanese and English, declared once: the SPAs' catalogue takes them
 * (`labelsIn`), and CSV exports write them instead of the codes (K21).
 */
export interface Label {
  ja: string
  en: string
}
export type Lang = 'ja' | 'en'
export type Labels<E extends string> = Record<E, Label>

/** The labels of one language, e.g. for the i18next catalogue. */
export function labelsIn<E extends string>(labels: Labels<E>, lang: Lang): Record<E, string> {
  return Object.fromEntries(
    Object.entries<Label>(labels).map(([key, label]) => [key, label[lang]]),
  ) as Record<E, string>
}

export const roleLabels: Labels<Role> = {
  operator: { ja: '広域機関', en: 'OCCTO' },
  participantAdmin: { ja: '管理者ユーザ', en: 'Administrator' },
  participantUser: { ja: '一般ユーザ', en: 'General user' },
  tso: { ja: '一般送配電事業者', en: 'TSO' },
}

export const userStatusLabels: Labels<UserStatus> = {
  active: { ja: '有効', en: 'Active' },
  locked: { ja: 'ロック中', en: 'Locked' },
  cancelled: { ja: '取消', en: 'Cancelled' },
}

export const clientCertificateStatusLabels: Labels<ClientCertificateStatus> = {
  active: { ja: '有効', en: 'Active' },
  notYetValid: { ja: '有効期間前', en: 'Not yet valid' },
  expired: { ja: '期限切れ', en: 'Expired' },
  revoked: { ja: '失効', en: 'Revoked' },
}

export const participantStatusLabels: Labels<'active' | 'cancelled'> = {
  active: { ja: '有効', en: 'Active' },
  cancelled: { ja: '廃止', en: 'Cancelled' },
}

export const licenseCategoryLabels: Labels<LicenseCategory> = {
  generation: { ja: '発電', en: 'Generation' },
  retail: { ja: '小売', en: 'Retail' },
  specifiedWholesale: { ja: '特定卸供給', en: 'Specified wholesale supply' },
  none: { ja: '区分なし（需要抑制）', en: 'None (demand response)' },
}

export const bankAccountTypeLabels: Labels<z.infer<typeof bankAccountTypeSchema>> = {
  ordinary: { ja: '普通', en: 'Ordinary' },
  current: { ja: '当座', en: 'Current' },
  savings: { ja: '貯蓄', en: 'Savings' },
}

export const applicationStateLabels: Labels<ApplicationState> = {
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '申込済', en: 'Submitted' },
  inReview: { ja: '審査中', en: 'In review' },
  returned: { ja: '差戻し', en: 'Returned' },
  approved: { ja: '承認済', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
}

export const applicationKindLabels: Labels<'register' | 'change' | 'cancel'> = {
  register: { ja: '登録', en: 'Registration' },
  change: { ja: '変更', en: 'Change' },
  cancel: { ja: '廃止', en: 'Cancellation' },
}

/** The kinds of reviewed record (`entityType`), as the target of an application. */
export const entityTypeLabels: Labels<EntityType> = {
  participant: { ja: '事業者情報', en: 'Participant' },
  resource: { ja: '電源等情報', en: 'Resource' },
  expectedCapacity: { ja: '期待容量', en: 'Expected capacity' },
  marketExit: { ja: '市場退出', en: 'Market exit' },
  replacement: { ja: '電源等差替', en: 'Replacement' },
  outagePlan: { ja: '容量停止計画', en: 'Outage plan' },
  succession: { ja: '電源承継・事業者統合・市場退出', en: 'Succession, merger, exit' },
}

export const resourceKindLabels: Labels<ResourceKind> = {
  stable: { ja: '安定電源', en: 'Stable' },
  variableSingle: { ja: '変動電源(単独)', en: 'Variable (single)' },
  variableAggregate: { ja: '変動電源(アグリゲート)', en: 'Variable (aggregated)' },
  dispatchOrder: { ja: '発動指令電源', en: 'Dispatch-order' },
}

export const areaLabels: Labels<Area> = {
  hokkaido: { ja: '北海道', en: 'Hokkaido' },
  tohoku: { ja: '東北', en: 'Tohoku' },
  tokyo: { ja: '東京', en: 'Tokyo' },
  chubu: { ja: '中部', en: 'Chubu' },
  hokuriku: { ja: '北陸', en: 'Hokuriku' },
  kansai: { ja: '関西', en: 'Kansai' },
  chugoku: { ja: '中国', en: 'Chugoku' },
  shikoku: { ja: '四国', en: 'Shikoku' },
  kyushu: { ja: '九州', en: 'Kyushu' },
}

export const generationTypeLabels: Labels<GenerationType> = {
  coal: { ja: '石炭', en: 'Coal' },
  lng: { ja: 'LNG', en: 'LNG' },
  oil: { ja: '石油', en: 'Oil' },
  nuclear: { ja: '原子力', en: 'Nuclear' },
  hydroReservoir: { ja: '一般水力(調整池式・貯水池式)', en: 'Hydro (reservoir)' },
  hydroRunOfRiver: { ja: '一般水力(自流式)', en: 'Hydro (run-of-river)' },
  pumpedStorage: { ja: '揚水', en: 'Pumped storage' },
  battery: { ja: '蓄電池', en: 'Battery' },
  solar: { ja: '太陽光', en: 'Solar' },
  windOnshore: { ja: '陸上風力', en: 'Onshore wind' },
  windOffshore: { ja: '洋上風力', en: 'Offshore wind' },
  geothermal: { ja: '地熱', en: 'Geothermal' },
  biomass: { ja: 'バイオマス', en: 'Biomass' },
  waste: { ja: '廃棄物', en: 'Waste' },
  demandResponse: { ja: 'ディマンドリスポンス', en: 'Demand response' },
  other: { ja: 'その他', en: 'Other' },
}

export const supportSchemeLabels: Labels<SupportScheme> = {
  none: { ja: 'なし', en: 'None' },
  fit: { ja: 'FIT', en: 'FIT' },
  fip: { ja: 'FIP', en: 'FIP' },
}

export const siteTypeLabels: Labels<SiteType> = {
  demandReduction: { ja: '需要抑制', en: 'Demand reduction' },
  generator: { ja: '発電設備', en: 'Generator' },
  battery: { ja: '蓄電池', en: 'Battery' },
}

export const resourceStatusLabels: Labels<ResourceStatus> = {
  active: { ja: '有効', en: 'Active' },
  cancelled: { ja: '廃止', en: 'Cancelled' },
}

export const expectedCapacityStatusLabels: Labels<ExpectedCapacityStatus> = {
  active: { ja: '有効', en: 'Active' },
  cancelled: { ja: '廃止', en: 'Cancelled' },
}

// ---- bulk files (220) ----

export const jobStateLabels: Labels<JobState> = {
  queued: { ja: '待機中', en: 'Queued' },
  running: { ja: '処理中', en: 'Running' },
  succeeded: { ja: '完了', en: 'Succeeded' },
  failed: { ja: 'エラー', en: 'Failed' },
}

export const bulkImportModeLabels: Labels<BulkImportMode> = {
  validate: { ja: 'チェックのみ', en: 'Check only' },
  apply: { ja: '登録', en: 'Register' },
}

export const fileEncodingLabels: Labels<FileEncoding> = {
  auto: { ja: '自動判定', en: 'Detect' },
  'utf-8': { ja: 'UTF-8', en: 'UTF-8' },
  shift_jis: { ja: 'Shift_JIS', en: 'Shift_JIS' },
}

export const bulkColumnTypeLabels: Labels<BulkColumnType> = {
  text: { ja: '文字列', en: 'Text' },
  code: { ja: 'コード', en: 'Code' },
  integer: { ja: '整数', en: 'Integer' },
  decimal: { ja: '数値', en: 'Number' },
  date: { ja: '日付', en: 'Date' },
  dateTime: { ja: '日時', en: 'Date and time' },
  hex: { ja: '16進数', en: 'Hexadecimal' },
}

// Auctions (120) and qualification (100).
export const auctionTypeLabels: Labels<AuctionType> = {
  main: { ja: 'メインオークション', en: 'Main auction' },
  additional: { ja: '追加オークション', en: 'Additional auction' },
}

export const auctionSubtypeLabels: Labels<AuctionSubtype> = {
  procurement: { ja: '調達オークション', en: 'Procurement' },
  release: { ja: 'リリースオークション', en: 'Release' },
}

export const auctionStateLabels: Labels<AuctionState> = {
  draft: { ja: '準備中', en: 'Draft' },
  open: { ja: '受付中', en: 'Open' },
  biddingClosed: { ja: '応札締切', en: 'Bidding closed' },
  cleared: { ja: '約定処理済', en: 'Cleared' },
  published: { ja: '結果公表済', en: 'Published' },
}

export const qualificationStateLabels: Labels<QualificationState> = {
  pending: { ja: '確認待ち', en: 'Pending' },
  qualified: { ja: '参加資格あり', en: 'Qualified' },
  excluded: { ja: '対象外', en: 'Excluded' },
}

// Replacement board (140) and replacements (160).
export const replacementPostingTypeLabels: Labels<ReplacementPostingType> = {
  offer: { ja: '提供', en: 'Offer' },
  request: { ja: '募集', en: 'Request' },
}

export const replacementPostingStatusLabels: Labels<ReplacementPostingStatus> = {
  open: { ja: '掲載中', en: 'Open' },
  expired: { ja: '掲載期限切れ', en: 'Expired' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
}

export const replacementStateLabels: Labels<ReplacementState> = {
  pendingConsent: { ja: '相手方同意待ち', en: 'Awaiting consent' },
  applied: { ja: '審査中', en: 'Under review' },
  approved: { ja: '承認済', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  declined: { ja: '相手方辞退', en: 'Declined' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
}

// Notices (A30).
export const noticeCategoryLabels: Labels<NoticeCategory> = {
  info: { ja: 'お知らせ', en: 'Information' },
  important: { ja: '重要', en: 'Important' },
  maintenance: { ja: 'メンテナンス', en: 'Maintenance' },
}

export const noticeAudienceLabels: Labels<NoticeAudience> = {
  all: { ja: '全ユーザ', en: 'All users' },
  participants: { ja: '指定事業者', en: 'Chosen participants' },
}

export const noticeStateLabels: Labels<NoticeState> = {
  draft: { ja: '下書き', en: 'Draft' },
  scheduled: { ja: '公開予定', en: 'Scheduled' },
  published: { ja: '公開中', en: 'Published' },
  withdrawn: { ja: '取下げ済', en: 'Withdrawn' },
}
