/**
 * UI texts of the portal top (portal) and its deadline countdowns: the sections `portal`, `countdown` of both catalogues, loaded by the routes that
 * show them (`loader.ts`). System messages with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  portal: {
    loginInfo: 'ログイン情報',
    participantCode: '事業者コード',
    participantName: '事業者名',
    userId: 'ユーザID',
    userName: 'ユーザ名',
    role: 'ロール',
    previousLogin: '前回ログイン日時',
    firstLogin: '初回ログイン',
    passwordExpiresAt: 'パスワード有効期限',
    menu: 'メニュー',
    windows: '受付期間と締切',
    windowsEmpty: '受付中または受付予定の期間はありません。',
    tasks: '対応が必要な事項',
    tasksEmpty: '対応が必要な事項はありません。',
    columns: {
      title: '名称',
      function: '機能',
      state: '状態',
      opensAt: '受付開始',
      closesAt: '締切',
      remaining: '残り時間',
      task: '内容',
      dueAt: '期限',
    },
    windowState: {
      upcoming: '受付前',
      open: '受付中',
    },
  },
  countdown: {
    remaining: '残り {{value}}',
    untilOpen: '開始まで {{value}}',
    days: '{{count}}日',
    hours: '{{count}}時間',
    minutes: '{{count}}分',
    underAMinute: '1分未満',
    closed: '締切済み',
  },
}

const en: Shape<typeof ja> = {
  portal: {
    loginInfo: 'Login',
    participantCode: 'Participant code',
    participantName: 'Participant',
    userId: 'User ID',
    userName: 'User name',
    role: 'Role',
    previousLogin: 'Previous login',
    firstLogin: 'First login',
    passwordExpiresAt: 'Password expires',
    menu: 'Menu',
    windows: 'Windows and deadlines',
    windowsEmpty: 'No window is open or about to open.',
    tasks: 'To do',
    tasksEmpty: 'Nothing needs your attention.',
    columns: {
      title: 'Name',
      function: 'Function',
      state: 'State',
      opensAt: 'Opens',
      closesAt: 'Closes',
      remaining: 'Time left',
      task: 'Task',
      dueAt: 'Due',
    },
    windowState: {
      upcoming: 'Upcoming',
      open: 'Open',
    },
  },
  countdown: {
    remaining: '{{value}} left',
    untilOpen: 'Opens in {{value}}',
    days: '{{count}} d',
    hours: '{{count}} h',
    minutes: '{{count}} min',
    underAMinute: 'under 1 min',
    closed: 'Closed',
  },
}

export const portalSections = { ja, en }
