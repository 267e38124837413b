/**
 * UI texts of the shell of the logged-in screens: header, session-expiry warning and the guard of unsaved input: the sections `header`, `sessionExpiry`, `unsaved` of both catalogues, loaded by the routes that
 * show them (`loader.ts`). System messages with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  header: {
    participant: '事業者',
    user: 'ユーザ',
    toDelivery: '実需給期間向け機能へ',
    toPreDelivery: '実需給期間前向け機能へ',
    logout: 'ログアウト',
    mainMenu: 'メインメニュー',
  },
  sessionExpiry: {
    title: 'まもなくログインの有効期限が切れます',
    idleMessage:
      '操作がないため、あと{{minutes}}分でログインの有効期限が切れます。続けて操作する場合は「延長する」を押してください。',
    absoluteMessage:
      'ログインしてから12時間が経つため、あと{{minutes}}分でログインの有効期限が切れます。入力中の内容は再ログイン後に復元されます。',
    extend: '延長する',
    acknowledge: '了解',
  },
  unsaved: {
    title: '入力内容が保存されていません',
    leaveMessage: 'この画面を離れると、入力した内容は破棄されます。移動してよろしいですか。',
    closeMessage: 'ダイアログを閉じると、入力した内容は破棄されます。閉じてよろしいですか。',
    discardAndLeave: '破棄して移動',
    discardAndClose: '破棄して閉じる',
    draftRestored: '前回保存されなかった入力内容を復元しました。',
  },
}

const en: Shape<typeof ja> = {
  header: {
    participant: 'Participant',
    user: 'User',
    toDelivery: 'Go to the delivery-period functions',
    toPreDelivery: 'Go to the pre-delivery functions',
    logout: 'Log out',
    mainMenu: 'Main menu',
  },
  sessionExpiry: {
    title: 'Your session is about to expire',
    idleMessage:
      'Because there has been no activity, your session expires in {{minutes}} min. Choose "Stay logged in" to continue.',
    absoluteMessage:
      'You logged in 12 hours ago, so your session expires in {{minutes}} min. What you are entering will be restored after you log in again.',
    extend: 'Stay logged in',
    acknowledge: 'OK',
  },
  unsaved: {
    title: 'Unsaved changes',
    leaveMessage: 'If you leave this screen, what you have entered will be lost. Leave anyway?',
    closeMessage: 'If you close this dialog, what you have entered will be lost. Close anyway?',
    discardAndLeave: 'Discard and leave',
    discardAndClose: 'Discard and close',
    draftRestored: 'What you entered last time and did not save has been restored.',
  },
}

export const shellSections = { ja, en }
