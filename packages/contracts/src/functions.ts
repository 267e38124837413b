import type { Role } from './roles.ts'

export type AppId = 'preDelivery' | 'delivery'

/** Role sets of the registry (roles themselves: `roleSchema` in roles.ts). */
export const everyone = ['operator', 'participantAdmin', 'participantUser', 'tso'] as const
/** Participant administrators and the operator: user management, certificates, audit log. */
export const administrators = ['operator', 'participantAdmin'] as const
/** The users of a participant (administrator and general). */
export const participantRoles = ['participantAdmin', 'participantUser'] as const
export const operatorOnly = ['operator'] as const

/**
 * The function codes of the manual (shared/spec/functions.md) that have a screen or an API
 * today, with their names: the menu's section headings. Add a code here with its first function.
 */
export const functionCodes = [
  { code: '010', app: 'preDelivery', ja: '共通操作', en: 'Common operations' },
  { code: '020', app: 'preDelivery', ja: 'ユーザ情報管理', en: 'User management' },
  { code: '030', app: 'preDelivery', ja: '事業者情報管理', en: 'Participant information' },
  { code: '050', app: 'preDelivery', ja: '電源等情報管理', en: 'Resources' },
  { code: '070', app: 'preDelivery', ja: '期待容量情報管理', en: 'Expected capacity' },
  {
    code: '100',
    app: 'preDelivery',
    ja: '容量オークション参加資格情報管理',
    en: 'Auction qualification',
  },
  { code: '110', app: 'preDelivery', ja: '応札情報管理', en: 'Bids' },
  { code: '120', app: 'preDelivery', ja: '容量オークション結果管理', en: 'Auction results' },
  { code: '130', app: 'preDelivery', ja: '容量確保契約管理', en: 'Capacity contracts' },
  { code: '140', app: 'preDelivery', ja: '差替掲示板情報管理', en: 'Replacement board' },
  { code: '160', app: 'preDelivery', ja: '電源等差替情報管理', en: 'Resource replacement' },
  { code: '180', app: 'preDelivery', ja: '容量停止計画管理', en: 'Outage plans' },
  { code: '190', app: 'preDelivery', ja: 'ペナルティ要素情報管理', en: 'Penalty factors' },
  { code: '220', app: 'preDelivery', ja: '一括登録', en: 'Bulk registration' },
  { code: '500', app: 'preDelivery', ja: 'ファイル項目一覧', en: 'File item lists' },
  { code: '600', app: 'preDelivery', ja: 'メッセージ一覧', en: 'Message list' },
  { code: '700', app: 'preDelivery', ja: '容量市場システム利用申込', en: 'System use application' },
  { code: '710', app: 'preDelivery', ja: 'クライアント証明書', en: 'Client certificates' },
  { code: '824', app: 'preDelivery', ja: '実効性テスト結果', en: 'Effectiveness tests' },
  { code: 'A20', app: 'delivery', ja: '共通操作', en: 'Common operations' },
  { code: 'A30', app: 'delivery', ja: 'おしらせ', en: 'Notices' },
  { code: 'A40', app: 'delivery', ja: 'ユーザ権限管理', en: 'User permissions' },
  { code: 'B00', app: 'delivery', ja: '容量停止計画', en: 'Outage plans (delivery year)' },
  { code: 'B10', app: 'delivery', ja: 'アセスメント算定諸元', en: 'Assessment parameters' },
  { code: 'B20', app: 'delivery', ja: '差替配分供給力', en: 'Replacement allocation' },
  {
    code: 'B40',
    app: 'delivery',
    ja: 'アセスメント算定結果(発動指令以外)',
    en: 'Assessment results',
  },
  {
    code: 'B50',
    app: 'delivery',
    ja: '容量停止計画登録漏れ確認審査',
    en: 'Outage omission review',
  },
  { code: 'B60', app: 'delivery', ja: '発電量調整受電電力量登録値', en: 'Metered generation' },
  { code: 'B70', app: 'delivery', ja: '供給指示対応実績確認', en: 'Supply instruction response' },
  {
    code: 'B80',
    app: 'delivery',
    ja: '広域予備率低下に伴う供給力提供通知管理',
    en: 'Reserve-margin notices',
  },
  { code: 'B90', app: 'delivery', ja: 'アセスメント結果(稼働抑制)', en: 'Operation restraint' },
  {
    code: 'C00',
    app: 'delivery',
    ja: 'アセスメント算定結果(発動指令)',
    en: 'Dispatch-order assessment',
  },
  { code: 'C10', app: 'delivery', ja: '発動指令アセスメントデータ', en: 'Dispatch-order data' },
  { code: 'D00', app: 'delivery', ja: 'ペナルティ対象', en: 'Penalty targets' },
  { code: 'D20', app: 'delivery', ja: '経済的ペナルティ額', en: 'Economic penalty amounts' },
  { code: 'E10', app: 'delivery', ja: '容量確保契約金額算定結果', en: 'Contract amounts' },
  { code: 'F00', app: 'delivery', ja: '支払通知・請求', en: 'Payment notices and invoices' },
  { code: 'F10', app: 'delivery', ja: '入出金結果', en: 'Payments' },
  {
    code: 'F30',
    app: 'delivery',
    ja: '容量確保契約金リリースオークション交付額・請求額',
    en: 'Release auction amounts',
  },
  { code: 'G00', app: 'delivery', ja: '一括登録・変更', en: 'Bulk registration (delivery)' },
  { code: 'G10', app: 'delivery', ja: 'ファイル項目一覧', en: 'File item lists' },
  { code: 'G30', app: 'delivery', ja: 'メッセージ一覧', en: 'Message list' },
  {
    code: 'G50',
    app: 'delivery',
    ja: '電源承継・事業者統合・市場退出',
    en: 'Succession, merger, exit',
  },
  { code: 'K00', app: 'delivery', ja: '帳票サンプル', en: 'Document samples' },
  { code: 'K10', app: 'delivery', ja: '一括登録様式サンプル', en: 'Bulk file samples' },
  {
    code: 'K20',
    app: 'delivery',
    ja: '画面と出力ファイルの紐づき一覧',
    en: 'Screens and output files',
  },
  { code: 'K21', app: 'delivery', ja: 'CSV出力サンプル', en: 'CSV output samples' },
] as const satisfies readonly { code: string; app: AppId; ja: string; en: string }[]
export type FunctionCode = (typeof functionCodes)[number]['code']

/**
 * One function (a screen and the API behind it), declared once. The API's route access
 * (`routeAccess` in apps/api/src/lib/access.ts), the SPA routes and their guards
 * (`RequireFunction`), the side menu, the portal menu and the portal's links all derive from it.
 */
export interface FunctionEntry {
  /** Unique key; the menu label is the i18n key `functions.<key>` (derived from ja / en). */
  key: string
  code: FunctionCode
  ja: string
  en: string
  app: AppId
  /** Route path inside the SPA (the delivery SPA is mounted under /delivery/); none: API only. */
  path?: string
  /** Further SPA routes below `path`, relative (`':id'`, `'change'`). */
  subPaths?: readonly string[]
  /** Reachable without login (700 system use application); `view` / `edit` do not apply. */
  public?: true
  /** Shown in the side menu and the portal menu (default: when it has a path and is not public). */
  menu?: boolean
  /**
   * The function group (A40) of the function: a general user needs view on it to read and
   * edit to write. Administrators and the operator have every right.
   */
  group?: FunctionGroupCode
  /** Roles that may read (see the screen, call the reading API). */
  view: readonly Role[]
  /** Roles that may write (call the changing API). */
  edit: readonly Role[]
  /** Kinds of portal pending tasks (`PendingTask.kind`) this function acts on. */
  tasks?: readonly string[]
}

export const functionRegistry = [
  // 010 共通操作 (pre-delivery)
  {
    key: 'portal',
    code: '010',
    ja: 'ポータルトップ',
    en: 'Portal',
    app: 'preDelivery',
    path: '/',
    view: everyone,
    edit: everyone,
  },
  {
    key: 'passwordChange',
    code: '010',
    ja: 'パスワード変更',
    en: 'Change password',
    app: 'preDelivery',
    path: '/password',
    view: everyone,
    edit: everyone,
    tasks: ['passwordExpiry'],
  },
  {
    key: 'apiTokens',
    code: '010',
    ja: 'APIトークン管理',
    en: 'API tokens',
    app: 'preDelivery',
    path: '/api-tokens',
    view: everyone,
    edit: everyone,
  },
  {
    key: 'maintenance',
    code: '010',
    ja: 'メンテナンスモード設定',
    en: 'Maintenance mode',
    app: 'preDelivery',
    path: '/maintenance-mode',
    view: operatorOnly,
    edit: operatorOnly,
  },
  // 020 ユーザ情報管理
  {
    key: 'users',
    code: '020',
    ja: 'ユーザ情報管理',
    en: 'User management',
    app: 'preDelivery',
    path: '/users',
    view: administrators,
    edit: administrators,
  },
  {
    key: 'auditLog',
    code: '020',
    ja: '操作ログ',
    en: 'Audit log',
    app: 'preDelivery',
    path: '/audit-log',
    view: administrators,
    edit: [],
  },
  // 030 事業者情報管理
  {
    key: 'participant',
    code: '030',
    ja: '事業者情報',
    en: 'Participant information',
    app: 'preDelivery',
    path: '/participant',
    subPaths: ['change'],
    group: '030',
    view: participantRoles,
    edit: participantRoles,
  },
  {
    key: 'participants',
    code: '030',
    ja: '事業者一覧',
    en: 'Participants',
    app: 'preDelivery',
    path: '/participants',
    subPaths: [':id'],
    group: '030',
    view: operatorOnly,
    edit: [],
  },
  {
    key: 'applications',
    code: '030',
    ja: '申込一覧',
    en: 'Applications',
    app: 'preDelivery',
    path: '/applications',
    subPaths: [':id'],
    group: '030',
    view: everyone,
    edit: everyone,
  },
  // 050 電源等情報管理
  {
    key: 'resources',
    code: '050',
    ja: '電源等一覧',
    en: 'Resources',
    app: 'preDelivery',
    path: '/resources',
    subPaths: ['new', ':id', ':id/change'],
    group: '050',
    view: ['operator', 'participantAdmin', 'participantUser'],
    edit: participantRoles,
  },
  // 070 期待容量情報管理
  {
    key: 'expectedCapacities',
    code: '070',
    ja: '期待容量情報管理',
    en: 'Expected capacity',
    app: 'preDelivery',
    path: '/expected-capacities',
    subPaths: ['new', ':id', ':id/change'],
    group: '070',
    view: ['operator', 'participantAdmin', 'participantUser'],
    edit: participantRoles,
  },
  {
    // The operator maintains the factor tables; everyone may read them (how a result came about).
    key: 'factorTables',
    code: '070',
    ja: '係数表管理',
    en: 'Factor tables',
    app: 'preDelivery',
    path: '/factor-tables',
    subPaths: ['new', ':id'],
    view: everyone,
    edit: operatorOnly,
  },
  // 824 実効性テスト結果 (dispatch-order resources)
  {
    key: 'effectivenessTests',
    code: '824',
    ja: '実効性テスト結果',
    en: 'Effectiveness tests',
    app: 'preDelivery',
    path: '/effectiveness-tests',
    subPaths: ['new'],
    group: '070',
    view: ['operator', 'participantAdmin', 'participantUser'],
    edit: participantRoles,
  },
  // 100 容量オークション参加資格情報管理: the operator decides, the participant sees its own.
  {
    key: 'qualifications',
    code: '100',
    ja: '容量オークション参加資格情報管理',
    en: 'Auction qualification',
    app: 'preDelivery',
    path: '/qualifications',
    subPaths: [':auctionId'],
    group: '100',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // 110 応札情報管理
  {
    key: 'bids',
    code: '110',
    ja: '応札情報管理',
    en: 'Bids',
    app: 'preDelivery',
    path: '/bids',
    subPaths: [':auctionId'],
    group: '110',
    view: ['operator', ...participantRoles],
    edit: participantRoles,
  },
  {
    // What-if: the engine on one's draft bids against the last published auction's supply.
    key: 'bidSimulator',
    code: '110',
    ja: '応札シミュレーション',
    en: 'Bid simulator',
    app: 'preDelivery',
    path: '/bid-simulator',
    group: '110',
    view: participantRoles,
    edit: participantRoles,
  },
  // Auctions (records.md "Auction"): the operator sets them up (parameters, windows, states);
  // everyone logged in sees the list, its windows and states.
  {
    key: 'auctions',
    code: '120',
    ja: 'オークション管理',
    en: 'Auctions',
    app: 'preDelivery',
    path: '/auctions',
    subPaths: ['new', ':id'],
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // 120 容量オークション結果管理: the operator clears and publishes; everyone sees published results.
  {
    key: 'auctionResults',
    code: '120',
    ja: '容量オークション結果管理',
    en: 'Auction results',
    app: 'preDelivery',
    path: '/auction-results',
    subPaths: [':auctionId'],
    group: '120',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // 130 容量確保契約管理: drafted on publication; the participant confirms or asks for a
  // correction, the operator answers. Documents (800): contract, change contract, termination.
  {
    key: 'contracts',
    code: '130',
    ja: '容量確保契約管理',
    en: 'Capacity contracts',
    app: 'preDelivery',
    path: '/contracts',
    subPaths: [':id'],
    group: '130',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // 140 差替掲示板: participants post offers and requests; everyone logged in reads the board.
  {
    key: 'replacementBoard',
    code: '140',
    ja: '差替掲示板情報管理',
    en: 'Replacement board',
    app: 'preDelivery',
    path: '/replacement-board',
    group: '140',
    view: ['operator', ...participantRoles],
    edit: participantRoles,
  },
  // 160 電源等差替: the contract holder applies, the other participant consents, the operator reviews.
  {
    key: 'replacements',
    code: '160',
    ja: '電源等差替情報管理',
    en: 'Resource replacement',
    app: 'preDelivery',
    path: '/replacements',
    subPaths: ['new', ':id'],
    group: '160',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // 180 容量停止計画管理 (bulk 880 / 890 / 891)
  {
    key: 'outagePlans',
    code: '180',
    ja: '容量停止計画管理',
    en: 'Outage plans',
    app: 'preDelivery',
    path: '/outage-plans',
    subPaths: ['new', ':id', ':id/change'],
    group: '180',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // 190 ペナルティ要素情報管理: the operator registers factors; participants see their own and
  // apply to exit the market.
  {
    key: 'penaltyFactors',
    code: '190',
    ja: 'ペナルティ要素情報管理',
    en: 'Penalty factors',
    app: 'preDelivery',
    path: '/penalty-factors',
    subPaths: ['new', 'exit', 'parameters', ':id', ':id/edit'],
    group: '190',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // 220 一括登録: the format's own function narrows further (its edit right is needed to import).
  {
    key: 'bulkImports',
    code: '220',
    ja: '一括登録',
    en: 'Bulk registration',
    app: 'preDelivery',
    path: '/bulk-imports',
    subPaths: [':id'],
    group: '220',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // 500 ファイル項目一覧
  {
    key: 'fileItems',
    code: '500',
    ja: 'ファイル項目一覧',
    en: 'File item lists',
    app: 'preDelivery',
    path: '/file-items',
    view: everyone,
    edit: [],
  },
  // 600 メッセージ一覧
  {
    key: 'messages',
    code: '600',
    ja: 'メッセージ一覧',
    en: 'Messages',
    app: 'preDelivery',
    path: '/messages',
    view: everyone,
    edit: [],
  },
  // 700/701 容量市場システム利用申込 (public)
  {
    key: 'systemUse',
    code: '700',
    ja: '容量市場システム利用申込',
    en: 'System use application',
    app: 'preDelivery',
    path: '/apply',
    subPaths: ['status'],
    public: true,
    view: everyone,
    edit: everyone,
  },
  // 710/711 クライアント証明書
  {
    key: 'clientCertificates',
    code: '710',
    ja: 'クライアント証明書管理',
    en: 'Client certificates',
    app: 'preDelivery',
    path: '/client-certificates',
    view: administrators,
    edit: administrators,
  },
  // A20 共通操作 (delivery)
  {
    key: 'deliveryPortal',
    code: 'A20',
    ja: 'ポータルトップ',
    en: 'Portal',
    app: 'delivery',
    path: '/',
    view: everyone,
    edit: everyone,
  },
  {
    key: 'attachments',
    code: 'A20',
    ja: '添付ファイル',
    en: 'Attachments',
    app: 'delivery',
    path: '/attachments',
    view: everyone,
    edit: everyone,
  },
  {
    key: 'deliveryPasswordChange',
    code: 'A20',
    ja: 'パスワード変更',
    en: 'Change password',
    app: 'delivery',
    path: '/password',
    menu: false,
    view: everyone,
    edit: everyone,
  },
  // A30 おしらせ: every user (TSOs too) reads what is addressed to them, without an A40 right on
  // the group (a notice must reach everyone it is addressed to); the operator posts.
  {
    key: 'notices',
    code: 'A30',
    ja: 'おしらせ',
    en: 'Notices',
    app: 'delivery',
    path: '/notices',
    subPaths: ['new', ':id', ':id/edit'],
    view: everyone,
    edit: operatorOnly,
  },
  // A40 ユーザ権限管理: the operator may set rights through the API on request, without a screen.
  {
    key: 'permissions',
    code: 'A40',
    ja: 'ユーザ権限管理',
    en: 'User permissions',
    app: 'delivery',
    path: '/permissions',
    view: ['participantAdmin'],
    edit: administrators,
  },
  // ── The delivery year (issue 12) ──
  // B00 容量停止計画: 180's records in the delivery year's window.
  {
    key: 'deliveryOutagePlans',
    code: 'B00',
    ja: '容量停止計画',
    en: 'Outage plans',
    app: 'delivery',
    path: '/outage-plans',
    subPaths: ['new', ':id', ':id/change'],
    group: 'B00',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // B10 アセスメント算定諸元: per resource and month (participants); the operator sets the
  // parameters of a delivery year.
  {
    key: 'assessmentParameters',
    code: 'B10',
    ja: 'アセスメント算定諸元',
    en: 'Assessment parameters',
    app: 'delivery',
    path: '/assessment-parameters',
    group: 'B10',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // B20 差替配分供給力: the replacement allocation by month.
  {
    key: 'replacementAllocations',
    code: 'B20',
    ja: '差替配分供給力',
    en: 'Replacement allocation',
    app: 'delivery',
    path: '/replacement-allocations',
    group: 'B10',
    view: ['operator', ...participantRoles],
    edit: [],
  },
  // B40 アセスメント算定結果(発動指令以外): the operator runs the monthly assessment.
  {
    key: 'assessmentResults',
    code: 'B40',
    ja: 'アセスメント算定結果',
    en: 'Assessment results',
    app: 'delivery',
    path: '/assessment-results',
    subPaths: [':id'],
    group: 'B40',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // B50 容量停止計画登録漏れ確認審査: the participant answers, the operator decides.
  {
    key: 'outageOmissions',
    code: 'B50',
    ja: '容量停止計画登録漏れ確認審査',
    en: 'Outage omission review',
    app: 'delivery',
    group: 'B50',
    path: '/outage-omissions',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // B60–B90, C10: the data feeds. The TSO and the operator feed (API, G00); participants read
  // their own resources' data.
  {
    key: 'meteredGeneration',
    code: 'B60',
    ja: '発電量調整受電電力量',
    en: 'Metered generation',
    app: 'delivery',
    path: '/metered-generation',
    subPaths: [':resourceId/:date'],
    group: 'B60',
    view: everyone,
    edit: ['operator', 'tso'],
  },
  {
    key: 'supplyInstructions',
    code: 'B70',
    ja: '供給指示対応実績確認',
    en: 'Supply instructions',
    app: 'delivery',
    path: '/supply-instructions',
    group: 'B40',
    view: everyone,
    edit: ['operator', 'tso'],
  },
  {
    key: 'reserveNotices',
    code: 'B80',
    ja: '供給力提供通知',
    en: 'Reserve-margin notices',
    app: 'delivery',
    path: '/reserve-notices',
    subPaths: [':resourceId'],
    group: 'B40',
    view: everyone,
    edit: ['operator', 'tso'],
  },
  {
    key: 'operationRestraint',
    code: 'B90',
    ja: '稼働抑制',
    en: 'Operation restraint',
    app: 'delivery',
    path: '/operation-restraint',
    group: 'B40',
    view: everyone,
    edit: ['operator', 'tso'],
  },
  // C00 アセスメント算定結果(発動指令), C10 発動指令アセスメントデータ.
  {
    key: 'dispatchOrderResults',
    code: 'C00',
    ja: '発動指令アセスメント結果',
    en: 'Dispatch-order results',
    app: 'delivery',
    path: '/dispatch-order-results',
    group: 'C00',
    view: ['operator', ...participantRoles],
    edit: [],
  },
  {
    key: 'dispatchOrders',
    code: 'C10',
    ja: '発動指令アセスメントデータ',
    en: 'Dispatch-order data',
    app: 'delivery',
    path: '/dispatch-orders',
    subPaths: [':id'],
    group: 'C00',
    view: everyone,
    edit: ['operator', 'tso'],
  },
  // ── The delivery year, part 2 (issue 13): money. Screens add their `path` / `subPaths`. ──
  // D00 ペナルティ対象: the failures behind a penalty, with their evidence (assessment results).
  {
    key: 'penaltyTargets',
    code: 'D00',
    ja: 'ペナルティ対象',
    en: 'Penalty targets',
    app: 'delivery',
    path: '/penalty-targets',
    subPaths: [':id'],
    group: 'D00',
    view: ['operator', ...participantRoles],
    edit: [],
  },
  // D20 経済的ペナルティ額: monthly and annual amounts, caps applied, waived parts shown.
  {
    key: 'penaltyAmounts',
    code: 'D20',
    ja: '経済的ペナルティ額',
    en: 'Economic penalty amounts',
    app: 'delivery',
    path: '/penalty-amounts',
    subPaths: [':resourceId'],
    group: 'D00',
    view: ['operator', ...participantRoles],
    edit: [],
  },
  // E10 容量確保契約金額算定結果: per contract and month; the operator runs the settlement.
  {
    key: 'contractAmounts',
    code: 'E10',
    ja: '容量確保契約金額算定結果',
    en: 'Contract amounts',
    app: 'delivery',
    path: '/contract-amounts',
    subPaths: [':id'],
    group: 'E10',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // F00 支払通知・請求: the month's payment notices and invoices (PDF); the operator issues them.
  {
    key: 'settlementDocuments',
    code: 'F00',
    ja: '支払通知・請求',
    en: 'Payment notices and invoices',
    app: 'delivery',
    path: '/settlement-documents',
    subPaths: [':id'],
    group: 'F00',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // F10 入出金結果: payments made and received, matched to the F00 documents; open and overdue.
  {
    key: 'payments',
    code: 'F10',
    ja: '入出金結果',
    en: 'Payments',
    app: 'delivery',
    path: '/payments',
    subPaths: ['new', ':id'],
    group: 'F00',
    view: ['operator', ...participantRoles],
    edit: operatorOnly,
  },
  // F30 リリースオークション交付額・請求額: kW given back in a release auction, granted and billed.
  {
    key: 'releaseAmounts',
    code: 'F30',
    ja: '容量確保契約金リリースオークション交付額・請求額',
    en: 'Release auction amounts',
    app: 'delivery',
    path: '/release-amounts',
    subPaths: ['offers'],
    group: 'E10',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // G00 一括登録・変更: the delivery-period bulk formats (outage plans, feeds).
  {
    key: 'deliveryBulkImports',
    code: 'G00',
    ja: '一括登録・変更',
    en: 'Bulk registration',
    app: 'delivery',
    path: '/bulk-imports',
    subPaths: [':id'],
    group: 'G00',
    view: everyone,
    edit: everyone,
  },
  // G10 ファイル項目一覧 (the delivery-period formats; the same screen as 500)
  {
    key: 'deliveryFileItems',
    code: 'G10',
    ja: 'ファイル項目一覧',
    en: 'File item lists',
    app: 'delivery',
    path: '/file-items',
    view: everyone,
    edit: [],
  },
  // G30 メッセージ一覧
  {
    key: 'deliveryMessages',
    code: 'G30',
    ja: 'メッセージ一覧',
    en: 'Messages',
    app: 'delivery',
    path: '/messages',
    view: everyone,
    edit: [],
  },
  // G50 電源承継・事業者統合・市場退出: applications reviewed by the operator.
  {
    key: 'successions',
    code: 'G50',
    ja: '電源承継・事業者統合・市場退出',
    en: 'Succession, merger, exit',
    app: 'delivery',
    path: '/successions',
    subPaths: ['new', ':id'],
    group: 'G50',
    view: ['operator', ...participantRoles],
    edit: ['operator', ...participantRoles],
  },
  // K00 帳票サンプル: every delivery-period document (PDF) as a sample.
  {
    key: 'documentSamples',
    code: 'K00',
    ja: '帳票サンプル',
    en: 'Document samples',
    app: 'delivery',
    path: '/document-samples',
    view: everyone,
    edit: [],
  },
  // K10 一括登録様式サンプル
  {
    key: 'bulkSamples',
    code: 'K10',
    ja: '一括登録様式サンプル',
    en: 'Bulk file samples',
    app: 'delivery',
    path: '/bulk-samples',
    view: everyone,
    edit: [],
  },
  // K20 画面と出力ファイルの紐づき一覧: which screen produces which file (from the registry).
  {
    key: 'outputFileMap',
    code: 'K20',
    ja: '画面と出力ファイルの紐づき一覧',
    en: 'Screens and output files',
    app: 'delivery',
    path: '/output-files',
    view: everyone,
    edit: [],
  },
  // K21 CSV出力サンプル: every list's CSV export, with a sample of its columns.
  {
    key: 'csvSamples',
    code: 'K21',
    ja: 'CSV出力サンプル',
    en: 'CSV output samples',
    app: 'delivery',
    path: '/csv-samples',
    view: everyone,
    edit: [],
  },
] as const satisfies readonly FunctionEntry[]

export type FunctionKey = (typeof functionRegistry)[number]['key']

const byKey = new Map<string, FunctionEntry>(functionRegistry.map((f) => [f.key, f]))

/** The registry entry of a function key. */
export function functionOf(key: FunctionKey): FunctionEntry {
  return byKey.get(key) as FunctionEntry
}

/** The SPA path of a function (throws for an API-only function: a programming error). */
export function functionPath(key: FunctionKey): string {
  const path = functionOf(key).path
  if (!path) throw new Error(`function ${key} has no screen`)
  return path
}

/**
 * The SPA routes of an app declared by the registry, as absolute paths inside the SPA
 * (`/applications`, `/applications/:id`): what the router must have, no more, no less.
 */
export function registryRoutes(app: AppId): string[] {
  return functionRegistry.flatMap((f: FunctionEntry) => {
    if (f.app !== app || !f.path) return []
    const base = f.path
    return [base, ...(f.subPaths ?? []).map((s) => `${base === '/' ? '' : base}/${s}`)]
  })
}

/** A screen reachable from a SPA's menu: a registry entry with a path. */
export type MenuEntry = FunctionEntry & { path: string }

/** What the menu needs of a right (`SessionUser.permissions`, `Permission` of A40). */
export interface MenuPermission {
  functionGroup: string
  canView: boolean
  canEdit?: boolean
}

/** Whether a role has every right whatever its A40 rights (administrators and the operator). */
function seesAllGroups(role: Role): boolean {
  // A TSO has no administrator granting A40 rights: its role alone decides.
  return role === 'operator' || role === 'participantAdmin' || role === 'tso'
}

/**
 * Whether a user may use a function in a mode: its role is among the function's `view` /
 * `edit` roles and, for a general user and a function of a group, the A40 right is granted.
 * The API checks the same through the route's `config.access` (`routeAccess`).
 */
export function mayUse(
  entry: FunctionEntry,
  role: Role,
  permissions: readonly MenuPermission[],
  mode: 'view' | 'edit' = 'view',
): boolean {
  if (entry.public) return true
  if (!entry[mode].includes(role)) return false
  if (!entry.group || seesAllGroups(role)) return true
  const right = permissions.find((p) => p.functionGroup === entry.group)
  return !!right && (mode === 'view' ? right.canView : !!right.canEdit)
}

const registryEntries: readonly FunctionEntry[] = functionRegistry

/** Entries with a screen shown in the menu (path, not public, `menu` not false). */
export const menuEntries: readonly MenuEntry[] = registryEntries.filter(
  (f: FunctionEntry): f is MenuEntry => !!f.path && !f.public && f.menu !== false,
)

/**
 * The entries of `entries` shown to a user: those of the app its role may view and, for an entry
 * of a function group, only with at least view on it (administrators and the operator: always).
 */
export function visibleMenuEntries(
  entries: readonly MenuEntry[],
  app: AppId,
  role: Role,
  permissions: readonly MenuPermission[],
): MenuEntry[] {
  return entries.filter((e) => e.app === app && mayUse(e, role, permissions))
}

/** The menu of a SPA for the session's role and effective rights (`SessionUser.permissions`). */
export function menuFor(
  app: AppId,
  role: Role,
  permissions: readonly MenuPermission[] = [],
): MenuEntry[] {
  return visibleMenuEntries(menuEntries, app, role, permissions)
}

/**
 * The screen a portal row (a deadline or a pending task) links to: the function acting on the
 * task's kind, else the first function of its code in this app the user may use; none when the
 * function has no screen yet (e.g. 110 bids) or the user may not use it.
 */
export function functionLinkFor(
  app: AppId,
  row: { function: string | null; kind?: string },
  role: Role,
  permissions: readonly MenuPermission[] = [],
): MenuEntry | undefined {
  const usable = menuEntries
    .concat(registryEntries.filter((f): f is MenuEntry => !!f.path && !f.public))
    .filter((e) => e.app === app && mayUse(e, role, permissions))
  return (
    (row.kind ? usable.find((e) => e.tasks?.includes(row.kind as string)) : undefined) ??
    (row.function ? usable.find((e) => e.code === row.function) : undefined)
  )
}

/**
 * Function groups on which a participant administrator grants a general user view / edit
 * rights (A40). Administrators and the operator have every right. User management (020),
 * permissions (A40) and client certificates (710) are for administrators only and not grantable.
 */
export const functionGroups = [
  { code: '030', app: 'preDelivery', ja: '事業者情報管理', en: 'Participant information' },
  { code: '050', app: 'preDelivery', ja: '電源等情報管理', en: 'Resources' },
  { code: '070', app: 'preDelivery', ja: '期待容量情報管理', en: 'Expected capacity' },
  {
    code: '100',
    app: 'preDelivery',
    ja: '容量オークション参加資格情報管理',
    en: 'Auction qualification',
  },
  { code: '110', app: 'preDelivery', ja: '応札情報管理', en: 'Bids' },
  { code: '120', app: 'preDelivery', ja: '容量オークション結果管理', en: 'Auction results' },
  { code: '130', app: 'preDelivery', ja: '容量確保契約管理', en: 'Capacity contracts' },
  { code: '140', app: 'preDelivery', ja: '差替掲示板情報管理', en: 'Replacement board' },
  { code: '160', app: 'preDelivery', ja: '電源等差替情報管理', en: 'Resource replacement' },
  { code: '180', app: 'preDelivery', ja: '容量停止計画管理', en: 'Outage plans' },
  { code: '190', app: 'preDelivery', ja: 'ペナルティ要素情報管理', en: 'Penalty factors' },
  { code: '220', app: 'preDelivery', ja: '一括登録', en: 'Bulk registration' },
  { code: 'A30', app: 'delivery', ja: 'おしらせ', en: 'Notices' },
  { code: 'B00', app: 'delivery', ja: '容量停止計画', en: 'Outage plans (delivery year)' },
  { code: 'B10', app: 'delivery', ja: 'アセスメント算定諸元', en: 'Assessment parameters' },
  { code: 'B40', app: 'delivery', ja: 'アセスメント算定結果', en: 'Assessment results' },
  {
    code: 'B50',
    app: 'delivery',
    ja: '容量停止計画登録漏れ確認審査',
    en: 'Outage omission review',
  },
  { code: 'B60', app: 'delivery', ja: '発電量調整受電電力量', en: 'Metered generation' },
  {
    code: 'C00',
    app: 'delivery',
    ja: 'アセスメント算定結果(発動指令)',
    en: 'Dispatch-order assessment',
  },
  { code: 'D00', app: 'delivery', ja: 'ペナルティ対象', en: 'Penalty targets' },
  { code: 'E10', app: 'delivery', ja: '容量確保契約金額算定結果', en: 'Contract amounts' },
  { code: 'F00', app: 'delivery', ja: '支払通知・請求', en: 'Payment notices and invoices' },
  { code: 'G00', app: 'delivery', ja: '一括登録・変更', en: 'Bulk registration (delivery)' },
  {
    code: 'G50',
    app: 'delivery',
    ja: '電源承継・事業者統合・市場退出',
    en: 'Succession, merger, exit',
  },
] as const satisfies readonly { code: string; app: AppId; ja: string; en: string }[]

export type FunctionGroupCode = (typeof functionGroups)[number]['code']
export const functionGroupCodes = functionGroups.map((g) => g.code) as [
  FunctionGroupCode,
  ...FunctionGroupCode[],
]

/** The names of every function key in one language: the i18n section `functions`. */
export function functionLabels(language: 'ja' | 'en'): Record<FunctionKey, string> {
  return Object.fromEntries(functionRegistry.map((f) => [f.key, f[language]])) as Record<
    FunctionKey,
    string
  >
}

/** The names of every function code in one language: the i18n section `functionGroups`. */
export function functionCodeLabels(language: 'ja' | 'en'): Record<FunctionCode, string> {
  return Object.fromEntries(functionCodes.map((c) => [c.code, c[language]])) as Record<
    FunctionCode,
    string
  >
}
