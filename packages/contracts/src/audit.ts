import { z } from 'zod'
import { timestampSchema } from './common.ts'
import {
  applicationKindLabels,
  applicationStateLabels,
  auctionStateLabels,
  auctionTypeLabels,
  bankAccountTypeLabels,
  clientCertificateStatusLabels,
  licenseCategoryLabels,
  participantStatusLabels,
  noticeAudienceLabels,
  noticeCategoryLabels,
  qualificationStateLabels,
  roleLabels,
  userStatusLabels,
  type Label,
  type Labels,
  type Lang,
  replacementPostingTypeLabels,
  replacementStateLabels,
} from './labels.ts'
import { listQuerySchema } from './list.ts'
import { outageOmissionStateLabels } from './outage-omissions.ts'
import { successionKindLabels, successionStateLabels } from './successions.ts'

/** One entry of the audit log: who, which participant, when, what, before → after. */
export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: timestampSchema,
    actorLabel: z.string(),
    participantCode: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** The columns the audit log sorts by: every column it shows. */
export const auditSortFields = [
  'at',
  'actorLabel',
  'participantCode',
  'action',
  'entityType',
  'entityId',
  'requestId',
] as const
export type AuditSortField = (typeof auditSortFields)[number]

export const auditLogQuerySchema = listQuerySchema.extend({
  from: z.iso.date().optional().describe('On or after (JST date)'),
  to: z.iso.date().optional().describe('On or before (JST date)'),
  action: z
    .string()
    .max(60)
    .optional()
    .describe('Operation or its prefix, e.g. "user." or "application.approve"'),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actor: z
    .string()
    .max(100)
    .optional()
    .describe('Part of the actor (code, user ID or name; taken literally)'),
  participantCode: z.string().max(10).optional().describe('Operator only'),
  requestId: z.string().max(64).optional(),
})
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>

/** Record kinds the audit log names (`entityType`). */
export const auditEntityTypeLabels: Labels<
  | 'application'
  | 'participant'
  | 'user'
  | 'clientCertificate'
  | 'permission'
  | 'apiToken'
  | 'maintenance'
  | 'systemSetting'
  | 'attachment'
  | 'session'
  | 'resource'
  | 'document'
  | 'expectedCapacity'
  | 'factorTable'
  | 'effectivenessTest'
  | 'auction'
  | 'qualification'
  | 'bid'
  | 'clearing'
  | 'capacityContract'
  | 'replacementPosting'
  | 'replacement'
  | 'outagePlan'
  | 'penaltyFactor'
  | 'penaltyParameters'
  | 'marketExit'
  | 'notice'
  | 'outageOmission'
  | 'feed'
  | 'assessmentParameterSet'
  | 'assessmentRun'
  | 'settlementRun'
  | 'succession'
  | 'releaseAuction'
  | 'releaseOffer'
  | 'payment'
> = {
  application: { ja: '申込', en: 'Application' },
  participant: { ja: '事業者', en: 'Participant' },
  user: { ja: 'ユーザ', en: 'User' },
  clientCertificate: { ja: 'クライアント証明書', en: 'Client certificate' },
  permission: { ja: '権限', en: 'Rights' },
  apiToken: { ja: 'APIトークン', en: 'API token' },
  maintenance: { ja: 'メンテナンス', en: 'Maintenance' },
  systemSetting: { ja: 'システム設定', en: 'System setting' },
  attachment: { ja: '添付ファイル', en: 'Attachment' },
  session: { ja: 'ログインセッション', en: 'Session' },
  resource: { ja: '電源等', en: 'Resource' },
  document: { ja: '帳票', en: 'Document' },
  expectedCapacity: { ja: '期待容量', en: 'Expected capacity' },
  factorTable: { ja: '係数表', en: 'Factor table' },
  effectivenessTest: { ja: '実効性テスト', en: 'Effectiveness test' },
  auction: { ja: '容量オークション', en: 'Auction' },
  qualification: { ja: '参加資格', en: 'Qualification' },
  bid: { ja: '応札', en: 'Bid' },
  clearing: { ja: '約定処理', en: 'Clearing run' },
  capacityContract: { ja: '容量確保契約', en: 'Capacity contract' },
  replacementPosting: { ja: '差替掲示板', en: 'Replacement board posting' },
  replacement: { ja: '電源等差替', en: 'Replacement' },
  outagePlan: { ja: '容量停止計画', en: 'Outage plan' },
  penaltyFactor: { ja: 'ペナルティ要素', en: 'Penalty factor' },
  penaltyParameters: { ja: 'ペナルティ算定パラメータ', en: 'Penalty parameters' },
  marketExit: { ja: '市場退出', en: 'Market exit' },
  notice: { ja: 'おしらせ', en: 'Notice' },
  outageOmission: { ja: '容量停止計画登録漏れ', en: 'Outage omission' },
  feed: { ja: '実需給データ', en: 'Delivery data feed' },
  assessmentParameterSet: { ja: 'アセスメント算定諸元', en: 'Assessment parameters' },
  assessmentRun: { ja: 'アセスメント算定', en: 'Assessment run' },
  settlementRun: { ja: '容量確保契約金額の精算', en: 'Settlement run' },
  succession: { ja: '電源承継・事業者統合・市場退出', en: 'Succession, merger, exit' },
  releaseAuction: { ja: 'リリースオークション', en: 'Release auction' },
  releaseOffer: { ja: 'リリース入札', en: 'Release offer' },
  payment: { ja: '入出金', en: 'Payment' },
}
export type AuditEntityType = keyof typeof auditEntityTypeLabels

/** Every action the audit log records (`<entity>.<verb>`), with its label. */
export const auditActionLabels: Record<string, Label> = {
  'application.create': { ja: '申込の作成', en: 'Application created' },
  'application.update': { ja: '申込の修正', en: 'Application corrected' },
  'application.submit': { ja: '申込の提出', en: 'Application submitted' },
  'application.edit': { ja: '申込の引戻し', en: 'Application taken back' },
  'application.withdraw': { ja: '申込の取下げ', en: 'Application withdrawn' },
  'application.startReview': { ja: '審査開始', en: 'Review started' },
  'application.return': { ja: '申込の差戻し', en: 'Application returned' },
  'application.resubmit': { ja: '申込の再提出', en: 'Application resubmitted' },
  'application.approve': { ja: '申込の承認', en: 'Application approved' },
  'application.reject': { ja: '申込の却下', en: 'Application rejected' },
  'participant.create': { ja: '事業者の登録', en: 'Participant registered' },
  'resource.create': { ja: '電源等の登録', en: 'Resource registered' },
  'resource.update': { ja: '電源等情報の変更', en: 'Resource changed' },
  'resource.cancel': { ja: '電源等の廃止', en: 'Resource cancelled' },
  'document.issue': { ja: '帳票の発行', en: 'Document issued' },
  'participant.update': { ja: '事業者情報の変更', en: 'Participant information changed' },
  'participant.cancel': { ja: '事業者の廃止', en: 'Participant cancelled' },
  'user.create': { ja: 'ユーザの登録', en: 'User registered' },
  'user.update': { ja: 'ユーザの変更', en: 'User changed' },
  'user.cancel': { ja: 'ユーザの取消', en: 'User cancelled' },
  'user.unlock': { ja: 'ロック解除', en: 'User unlocked' },
  'user.reissuePassword': { ja: 'パスワード再発行', en: 'Password reissued' },
  'user.updatePermissions': { ja: '権限の変更', en: 'Rights changed' },
  'clientCertificate.create': { ja: '証明書の登録', en: 'Certificate registered' },
  'clientCertificate.import': { ja: '証明書の一括登録', en: 'Certificates imported' },
  'clientCertificate.revoke': { ja: '証明書の失効', en: 'Certificate revoked' },
  'auth.login': { ja: 'ログイン', en: 'Logged in' },
  'auth.loginFailure': { ja: 'ログイン失敗', en: 'Login failed' },
  'auth.logout': { ja: 'ログアウト', en: 'Logged out' },
  'user.lock': { ja: 'ロック（ログイン失敗の繰返し）', en: 'Locked after failed logins' },
  'user.passwordChange': { ja: 'パスワード変更', en: 'Password changed' },
  'apiToken.create': { ja: 'APIトークンの発行', en: 'API token issued' },
  'apiToken.revoke': { ja: 'APIトークンの失効', en: 'API token revoked' },
  'attachment.create': { ja: '添付ファイルの登録', en: 'File attached' },
  'attachment.delete': { ja: '添付ファイルの削除', en: 'Attachment deleted' },
  'maintenance.on': { ja: 'メンテナンスモード開始', en: 'Maintenance mode on' },
  'maintenance.off': { ja: 'メンテナンスモード終了', en: 'Maintenance mode off' },
  'expectedCapacity.create': { ja: '期待容量の登録', en: 'Expected capacity registered' },
  'expectedCapacity.update': { ja: '期待容量の変更', en: 'Expected capacity changed' },
  'expectedCapacity.changeAfterAuction': {
    ja: '変更後期待容量の登録',
    en: 'Expected capacity changed after the auction',
  },
  'expectedCapacity.cancel': { ja: '期待容量の廃止', en: 'Expected capacity cancelled' },
  'factorTable.create': { ja: '係数表の改定', en: 'Factor tables revised' },
  'effectivenessTest.create': { ja: '実効性テスト結果の登録', en: 'Effectiveness test recorded' },
  'auction.create': { ja: 'オークションの作成', en: 'Auction created' },
  'auction.updateParameters': {
    ja: 'オークションのパラメータ変更',
    en: 'Auction parameters changed',
  },
  'auction.updateWindows': { ja: 'オークションの受付期間変更', en: 'Auction windows changed' },
  'auction.transition': { ja: 'オークションの状態変更', en: 'Auction state changed' },
  'qualification.propose': { ja: '参加資格の提案', en: 'Qualifications proposed' },
  'qualification.decide': { ja: '参加資格の確認', en: 'Qualification decided' },
  'qualification.confirmAll': { ja: '参加資格の一括確認', en: 'Qualifications confirmed' },
  'bid.register': { ja: '応札の登録', en: 'Bid registered' },
  'bid.change': { ja: '応札の変更', en: 'Bid changed' },
  'bid.withdraw': { ja: '応札の取下げ', en: 'Bid withdrawn' },
  'clearing.start': { ja: '約定処理の実行', en: 'Clearing run started' },
  'clearing.complete': { ja: '約定処理の完了', en: 'Clearing run finished' },
  'clearing.publish': { ja: 'オークション結果の公表', en: 'Auction results published' },
  'outagePlan.create': { ja: '容量停止計画の登録', en: 'Outage plan registered' },
  'outagePlan.update': { ja: '容量停止計画の変更', en: 'Outage plan changed' },
  'outagePlan.cancel': { ja: '容量停止計画の取消', en: 'Outage plan cancelled' },
  'contract.amend': { ja: '容量確保契約の変更', en: 'Capacity contract amended' },
  'contract.terminate': { ja: '容量確保契約の解約', en: 'Capacity contract terminated' },
  'contract.draft': { ja: '容量確保契約の作成', en: 'Capacity contracts drafted' },
  'contract.discardDrafts': {
    ja: '容量確保契約（確認待ち）の破棄',
    en: 'Draft capacity contracts discarded',
  },
  'contract.confirm': { ja: '容量確保契約の確認', en: 'Capacity contract confirmed' },
  'contract.requestCorrection': {
    ja: '容量確保契約の修正依頼',
    en: 'Contract correction requested',
  },
  'contract.answerCorrection': {
    ja: '容量確保契約の修正依頼への回答',
    en: 'Contract correction answered',
  },
  // 190
  'penaltyFactor.create': { ja: 'ペナルティ要素の登録', en: 'Penalty factor registered' },
  'penaltyFactor.update': { ja: 'ペナルティ要素の変更', en: 'Penalty factor changed' },
  'penaltyFactor.refund': { ja: 'ペナルティの返還', en: 'Penalty refunded' },
  'penaltyParameters.update': {
    ja: 'ペナルティ算定パラメータの変更',
    en: 'Penalty parameters changed',
  },
  'penaltyParameters.refund': {
    ja: '追加オークション不開催の記録',
    en: 'Additional auction recorded as not held',
  },
  'replacementPosting.create': {
    ja: '差替掲示板への掲載',
    en: 'Replacement board posting created',
  },
  'replacementPosting.update': {
    ja: '差替掲示板の掲載の変更',
    en: 'Replacement board posting changed',
  },
  'replacementPosting.withdraw': {
    ja: '差替掲示板の掲載の取下げ',
    en: 'Replacement board posting withdrawn',
  },
  'succession.create': { ja: '電源承継等の申込', en: 'Succession filed' },
  'succession.consent': { ja: '電源承継等への同意', en: 'Succession consented' },
  'succession.decline': { ja: '電源承継等の辞退', en: 'Succession declined' },
  'succession.withdraw': { ja: '電源承継等の取下げ', en: 'Succession withdrawn' },
  'succession.approve': { ja: '電源承継等の承認', en: 'Succession approved' },
  'succession.reject': { ja: '電源承継等の却下', en: 'Succession rejected' },
  'succession.effect': { ja: '電源承継等の効力発生', en: 'Succession took effect' },
  'replacement.create': { ja: '電源等差替の申込', en: 'Replacement filed' },
  'replacement.consent': { ja: '電源等差替への同意', en: 'Replacement consented' },
  'replacement.decline': { ja: '電源等差替の辞退', en: 'Replacement declined' },
  'replacement.withdraw': { ja: '電源等差替の取下げ', en: 'Replacement withdrawn' },
  'replacement.approve': { ja: '電源等差替の承認', en: 'Replacement approved' },
  'replacement.reject': { ja: '電源等差替の却下', en: 'Replacement rejected' },
  'notice.create': { ja: 'おしらせの登録', en: 'Notice created' },
  'notice.update': { ja: 'おしらせの変更', en: 'Notice changed' },
  'notice.withdraw': { ja: 'おしらせの取下げ', en: 'Notice withdrawn' },
  'outageOmission.answer': { ja: '登録漏れへの回答', en: 'Outage omission answered' },
  'outageOmission.accept': { ja: '登録漏れ回答の承認', en: 'Outage omission accepted' },
  'outageOmission.reject': { ja: '登録漏れ回答の却下', en: 'Outage omission rejected' },
  'feed.write': { ja: '実需給データの受信', en: 'Delivery data fed' },
  'assessmentParameterSet.create': { ja: '算定諸元の登録', en: 'Assessment parameters created' },
  'assessmentParameterSet.update': { ja: '算定諸元の変更', en: 'Assessment parameters changed' },
  'assessment.start': { ja: 'アセスメント算定の開始', en: 'Assessment run started' },
  'assessment.complete': { ja: 'アセスメント算定の完了', en: 'Assessment run completed' },
  'settlement.start': { ja: '精算の開始', en: 'Settlement run started' },
  'settlement.complete': { ja: '精算の完了', en: 'Settlement run completed' },
  'settlement.issueDocuments': {
    ja: '支払通知書・請求書の発行',
    en: 'Payment notices and invoices issued',
  },
  'releaseAuction.setTarget': { ja: 'リリース目標量の設定', en: 'Release target set' },
  'releaseAuction.clear': { ja: 'リリースオークションの約定処理', en: 'Release auction cleared' },
  'releaseAuction.publish': {
    ja: 'リリースオークション結果の公表',
    en: 'Release auction result published',
  },
  'releaseOffer.register': { ja: 'リリース入札の登録', en: 'Release offer registered' },
  'releaseOffer.change': { ja: 'リリース入札の変更', en: 'Release offer changed' },
  'releaseOffer.withdraw': { ja: 'リリース入札の取下げ', en: 'Release offer withdrawn' },
  'payment.record': { ja: '入出金の登録', en: 'Payment recorded' },
  'payment.allocate': { ja: '入出金の消込', en: 'Payment matched' },
  'payment.reverse': { ja: '入出金の取消', en: 'Payment reversed' },
}

/** The label of an action, or null for one without (its code is shown). */
export function auditActionLabel(action: string, lang: Lang): string | null {
  return Object.hasOwn(auditActionLabels, action)
    ? (auditActionLabels[action]?.[lang] ?? null)
    : null
}

/** The label of a record kind, or the recorded code. */
export function auditEntityTypeLabel(entityType: string, lang: Lang): string {
  return Object.hasOwn(auditEntityTypeLabels, entityType)
    ? auditEntityTypeLabels[entityType as AuditEntityType][lang]
    : entityType
}

/**
 * Labels of the fields the log records before → after (records.md names). A field without a
 * label is shown by its name.
 */
export const auditFieldLabels: Record<string, Label> = {
  id: { ja: '内部ID', en: 'Internal ID' },
  code: { ja: '事業者コード', en: 'Participant code' },
  participant: { ja: '事業者', en: 'Participant' },
  participantId: { ja: '事業者', en: 'Participant' },
  user: { ja: 'ユーザ', en: 'User' },
  userId: { ja: 'ユーザID', en: 'User ID' },
  name: { ja: '名称・氏名', en: 'Name' },
  nameKana: { ja: '事業者名（カナ）', en: 'Company name (kana)' },
  nameEn: { ja: '事業者名（英語）', en: 'Company name (English)' },
  corporateNumber: { ja: '法人番号', en: 'Corporate number' },
  postalCode: { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '所在地', en: 'Address' },
  representativeTitle: { ja: '代表者役職', en: "Representative's title" },
  representativeName: { ja: '代表者氏名', en: "Representative's name" },
  licenseCategory: { ja: 'ライセンス区分', en: 'License category' },
  contactDepartment: { ja: '担当部署', en: 'Department' },
  contactName: { ja: '担当者氏名', en: 'Contact person' },
  contactEmail: { ja: '担当者メールアドレス', en: 'Contact e-mail' },
  contactPhone: { ja: '担当者電話番号', en: 'Contact phone' },
  bankCode: { ja: '金融機関コード', en: 'Bank code' },
  bankBranchCode: { ja: '支店コード', en: 'Branch code' },
  bankAccountType: { ja: '預金種目', en: 'Account type' },
  bankAccountNumber: { ja: '口座番号', en: 'Account number' },
  bankAccountHolder: { ja: '口座名義（半角カナ）', en: 'Account holder' },
  email: { ja: 'メールアドレス', en: 'E-mail' },
  phone: { ja: '電話番号', en: 'Phone' },
  role: { ja: 'ロール', en: 'Role' },
  status: { ja: '状態', en: 'Status' },
  state: { ja: '状態', en: 'State' },
  kind: { ja: '種別', en: 'Kind' },
  mustChangePassword: { ja: 'パスワード変更要', en: 'Must change password' },
  passwordChangedAt: { ja: 'パスワード変更日時', en: 'Password changed' },
  lockedAt: { ja: 'ロック日時', en: 'Locked at' },
  lastLoginAt: { ja: '最終ログイン日時', en: 'Last login' },
  validFrom: { ja: '有効期間開始', en: 'Valid from' },
  validTo: { ja: '有効期間終了', en: 'Valid to' },
  cancelledAt: { ja: '取消日時', en: 'Cancelled at' },
  revokedAt: { ja: '失効日時', en: 'Revoked at' },
  serialNumber: { ja: 'シリアル番号', en: 'Serial number' },
  fingerprint: { ja: 'SHA-256フィンガープリント', en: 'SHA-256 fingerprint' },
  subject: { ja: 'サブジェクト', en: 'Subject' },
  issuer: { ja: '発行者', en: 'Issuer' },
  view: { ja: '参照権限', en: 'View rights' },
  edit: { ja: '更新権限', en: 'Edit rights' },
  comment: { ja: 'コメント', en: 'Comment' },
  reason: { ja: '理由', en: 'Reason' },
  proposed: { ja: '申込内容', en: 'Proposed content' },
  receiptNumber: { ja: '受付番号', en: 'Receipt number' },
  entityType: { ja: '対象', en: 'Record kind' },
  entityId: { ja: '対象ID', en: 'Record ID' },
  version: { ja: '版', en: 'Version' },
  createdAt: { ja: '登録日時', en: 'Created at' },
  updatedAt: { ja: '更新日時', en: 'Updated at' },
  resourceCode: { ja: '電源等識別番号', en: 'Resource code' },
  deliveryYear: { ja: '対象実需給年度', en: 'Delivery year' },
  expectedKw: { ja: '期待容量(kW)', en: 'Expected capacity (kW)' },
  changedExpectedKw: { ja: '変更後期待容量(kW)', en: 'Changed expected capacity (kW)' },
  eligible: { ja: '参加可否', en: 'Eligible' },
  factorTableVersion: { ja: '係数表の版', en: 'Factor table version' },
  versionNo: { ja: '版', en: 'Version' },
  note: { ja: '備考', en: 'Note' },
  adjustmentFactors: { ja: '調整係数の件数', en: 'Adjustment factors' },
  dispatchOrderFactors: { ja: '発動指令電源係数の件数', en: 'Dispatch-order factors' },
  supersedes: { ja: '改定前の版', en: 'Supersedes version' },
  testDate: { ja: '実施日', en: 'Test date' },
  instructedKw: { ja: '指令容量(kW)', en: 'Instructed kW' },
  deliveredKw: { ja: '実績(kW)', en: 'Delivered kW' },
  achievementRate: { ja: '達成率', en: 'Achievement rate' },
  auctionCode: { ja: 'オークションID', en: 'Auction code' },
  parametersVersion: { ja: 'パラメータの版', en: 'Parameters version' },
  windows: { ja: '受付期間', en: 'Windows' },
  excludedReason: { ja: '対象外の理由', en: 'Reason for exclusion' },
  created: { ja: '追加件数', en: 'Added' },
  removed: { ja: '削除件数', en: 'Removed' },
  confirmed: { ja: '確認件数', en: 'Confirmed' },
  // 190
  factorNo: { ja: '要素番号', en: 'Factor no.' },
  factorType: { ja: '要素区分', en: 'Factor type' },
  occurredOn: { ja: '発生日', en: 'Occurred on' },
  basis: { ja: '根拠', en: 'Basis' },
  amount: { ja: '算定額', en: 'Amount' },
  netAmount: { ja: '請求額（返還後）', en: 'Net amount' },
  refundAmount: { ja: '返還額', en: 'Refund' },
  rateBeforeDeadline: { ja: '期限前の退出率', en: 'Rate before the deadline' },
  rateAfterDeadline: { ja: '期限後の退出率', en: 'Rate after the deadline' },
  decisionDeadline: {
    ja: '追加オークション開催判断期限',
    en: 'Additional auction decision deadline',
  },
  additionalAuctionHeld: { ja: '追加オークション開催', en: 'Additional auction held' },
  // Replacement board (140) and replacements (160).
  postingType: { ja: '掲載区分', en: 'Posting type' },
  kw: { ja: '容量(kW)', en: 'Capacity (kW)' },
  fromMonth: { ja: '対象期間（開始月）', en: 'First month' },
  toMonth: { ja: '対象期間（終了月）', en: 'Last month' },
  contact: { ja: '連絡先', en: 'Contact' },
  expiresOn: { ja: '掲載期限', en: 'Expires on' },
  expiresAt: { ja: '掲載期限', en: 'Expires at' },
  withdrawnAt: { ja: '取下げ日時', en: 'Withdrawn at' },
  contractNo: { ja: '契約番号', en: 'Contract number' },
  replacingResourceCode: { ja: '差替先電源等', en: 'Replacing resource' },
  consentedAt: { ja: '相手方の同意日時', en: 'Consented at' },
  amendmentSeq: { ja: '変更契約の回', en: 'Amendment no.' },
  noticeNo: { ja: 'おしらせ番号', en: 'Notice number' },
  title: { ja: '件名', en: 'Title' },
  category: { ja: '区分', en: 'Category' },
  audience: { ja: '宛先', en: 'Audience' },
  publishAt: { ja: '公開日時', en: 'Publication time' },
  participantCodes: { ja: '宛先事業者', en: 'Participants addressed' },
  answer: { ja: '回答', en: 'Answer' },
  decisionNote: { ja: '却下理由', en: 'Reason for rejection' },
  successionNo: { ja: '承継等申込番号', en: 'Succession number' },
  toParticipantCode: { ja: '承継先事業者', en: 'Receiving participant' },
  effectiveMonth: { ja: '効力発生月', en: 'Effective month' },
  resourceCodes: { ja: '対象電源等', en: 'Resources' },
  contractNos: { ja: '対象契約', en: 'Contracts' },
}

/**
 * Enumerated values the log records, by field (or `<entityType>.<field>` where a kind's values
 * differ): shown by their label.
 */
export const auditValueLabels: Record<string, Record<string, Label>> = {
  status: { ...userStatusLabels, ...clientCertificateStatusLabels },
  'participant.status': participantStatusLabels,
  'auction.state': auctionStateLabels,
  'auction.type': auctionTypeLabels,
  'qualification.state': qualificationStateLabels,
  'replacement.state': replacementStateLabels,
  'succession.state': successionStateLabels,
  'succession.kind': successionKindLabels,
  postingType: replacementPostingTypeLabels,
  'notice.category': noticeCategoryLabels,
  'notice.audience': noticeAudienceLabels,
  'outageOmission.state': outageOmissionStateLabels,
  role: roleLabels,
  licenseCategory: licenseCategoryLabels,
  bankAccountType: bankAccountTypeLabels,
  state: applicationStateLabels,
  kind: applicationKindLabels,
}

/** A recorded value's label, or null when the field holds no enumeration or the code is unknown. */
export function auditValueLabel(
  entityType: string,
  field: string,
  value: string,
  lang: Lang,
): string | null {
  const labels = auditValueLabels[`${entityType}.${field}`] ?? auditValueLabels[field]
  return labels && Object.hasOwn(labels, value) ? (labels[value]?.[lang] ?? null) : null
}

/** The label of a recorded field, or its name. */
export function auditFieldLabel(field: string, lang: Lang): string {
  return Object.hasOwn(auditFieldLabels, field) ? (auditFieldLabels[field]?.[lang] ?? field) : field
}

const FIELD_ORDER = Object.keys(auditFieldLabels)

/** Recorded fields in the order of `auditFieldLabels` (records.md order), unknown ones last. */
export function auditFieldOrder(fields: Iterable<string>): string[] {
  const rank = (field: string) => {
    const i = FIELD_ORDER.indexOf(field)
    return i < 0 ? FIELD_ORDER.length : i
  }
  return [...new Set(fields)].sort((a, b) => rank(a) - rank(b))
}
