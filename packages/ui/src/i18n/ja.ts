import { functionCodeLabels, functionLabels, labelsIn, roleLabels } from '@yoryo/contracts'

/**
 * Japanese UI catalogue, its core (the default language, in the entry chunk): what the screens
 * of the entry show (errors, maintenance) and the words every screen uses; the sections
 * (`sections/*.ts`) are loaded by the routes that show them (`loader.ts`). `en.ts` must
 * have exactly the same keys; the type `CoreCatalogue` enforces it at compile time and
 * `i18n.test.ts` checks it once more, sections included.
 * System messages with IDs (E-…, W-…, I-…) live in @yoryo/contracts, not here.
 */
export const ja = {
  app: {
    systemName: '容量市場システム',
    documentTitle: '[{{code}}] {{title}}｜{{system}}',
    appName: {
      preDelivery: '実需給期間前向け機能',
      delivery: '実需給期間向け機能',
    },
    skipToContent: '本文へ移動',
    loadingSession: 'ログイン情報を確認しています',
  },
  language: {
    label: '表示言語',
    ja: '日本語',
    en: 'English',
  },
  roles: labelsIn(roleLabels, 'ja'),
  // Function and function-code names: declared once, in the registry of @yoryo/contracts.
  functions: functionLabels('ja'),
  functionGroups: functionCodeLabels('ja'),
  common: {
    save: '保存',
    /** A heading with the record it is about: 容量オークション結果管理（A2029M1）. */
    titleWith: '{{title}}（{{code}}）',
    cancel: 'キャンセル',
    close: '閉じる',
    retry: '再試行',
    reload: '再読み込み',
    back: '前の画面に戻る',
    toPortal: 'ポータルトップへ',
    search: '検索',
    clear: 'クリア',
    all: 'すべて',
    loading: '読み込み中',
    copy: 'コピー',
    copied: 'コピーしました',
    actions: '操作',
    requestId: 'リクエストID',
    labelSeparator: '：',
    messageId: 'メッセージID',
    count_one: '{{count}}件',
    count_other: '{{count}}件',
    filteredCount: '{{count}}件（全{{total}}件）',
    jstDateTime: '{{value}}（日本時間）',
    showPassword: 'パスワードを表示',
    notSet: '未設定',
    dismiss: '閉じる',
  },
  /** The month field of the screens about one month (MonthField). */
  monthField: {
    label: '対象年月',
    previous: '前月',
    next: '翌月',
    invalid: '年月は YYYY-MM の形で入力してください。',
  },
  table: {
    empty: '表示するデータはありません。',
    sortAscending: '昇順',
    sortDescending: '降順',
    sortBy: '{{column}}で並べ替え',
  },
  severity: {
    info: '情報',
    warning: '警告',
    error: 'エラー',
  },
  maintenanceScreen: {
    title: 'メンテナンス中',
    endedTitle: 'メンテナンス終了',
    endsAt: '終了予定：{{value}}（日本時間）',
    endsAtUnknown: '終了予定日時は未定です。',
    resume: '利用を再開する',
    checkAgain: '状況を再確認',
  },
  errors: {
    notFoundTitle: 'ページが見つかりません',
    forbiddenTitle: 'この画面を利用する権限がありません',
    serverTitle: 'システムエラー',
    networkTitle: 'サーバに接続できません',
  },
  format: {
    bytes: {
      b: '{{value}} B',
      kb: '{{value}} KB',
      mb: '{{value}} MB',
    },
  },
}
