/**
 * UI texts of user management (020), client certificates (710/711) and user permissions (A40):
 * the sections `users`, `clientCertificates` and `permissions` of both catalogues (loaded by the
 * routes that show them, `loader.ts`). System messages with IDs live in @yoryo/contracts, not
 * here.
 */

import { clientCertificateStatusLabels, labelsIn, userStatusLabels } from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  users: {
    description:
      '自事業者のユーザを登録・変更・取消します。ロックの解除とパスワードの再発行もこの画面で行います。',
    operatorDescription:
      '各事業者のユーザと広域機関のユーザを登録・変更・取消します。ロックの解除とパスワードの再発行もこの画面で行います。',
    register: 'ユーザ登録',
    filters: {
      participant: '事業者',
      keyword: 'ユーザIDまたは氏名',
      keywordPlaceholder: '例：tanaka、田中',
      role: 'ロール',
      status: '状態',
    },
    listTitle: 'ユーザ一覧',
    tableLabel: 'ユーザ一覧',
    empty: '条件に一致するユーザはいません。',
    columns: {
      participant: '事業者',
      userId: 'ユーザID',
      name: '氏名',
      role: 'ロール',
      status: '状態',
      email: 'メールアドレス',
      validity: '有効期間',
      lastLoginAt: '最終ログイン',
      actions: '操作',
    },
    status: labelsIn(userStatusLabels, 'ja'),
    neverLoggedIn: '未ログイン',
    validityUnlimited: '期限なし',
    validityFrom: '{{from}}〜',
    validityTo: '〜{{to}}',
    validityRange: '{{from}}〜{{to}}',
    actions: {
      menuFor: '{{userId}}の操作',
      edit: '変更',
      unlock: 'ロック解除',
      reissue: 'パスワード再発行',
      cancel: '取消',
      rights: '権限の設定（A40）',
    },
    form: {
      createTitle: 'ユーザ登録',
      editTitle: 'ユーザ情報の変更',
      participant: '事業者',
      participantPlaceholder: '事業者を選択してください',
      userId: 'ユーザID',
      userIdHint: '英数字で始まる3～32文字（英数字と「.」「_」「-」）。登録後は変更できません。',
      name: '氏名',
      email: 'メールアドレス',
      phone: '電話番号',
      phonePlaceholder: '例：03-1234-5678',
      role: 'ロール',
      roleAdminHint:
        '管理者ユーザは、ユーザ・権限・クライアント証明書の管理を含むすべての機能を利用できます。',
      roleUserHint: '一般ユーザが利用できる機能は、ユーザ権限管理（A40）で設定します。',
      validFrom: '有効期間開始日',
      validTo: '有効期間終了日',
      validityHint:
        '未入力の場合は期限なしです。開始日の0:00から終了日の23:59まで（日本時間）ログインできます。',
      submitCreate: '登録する',
      submitEdit: '変更を保存',
      reload: '最新の内容を読み込む',
    },
    password: {
      createdTitle: 'ユーザを登録しました',
      reissuedTitle: 'パスワードを再発行しました',
      initialLabel: '初期パスワード',
      reissuedLabel: '新しいパスワード',
      participantCode: '事業者コード',
      userId: 'ユーザID',
      name: '氏名',
      onceNote:
        'このパスワードは、この画面を閉じると二度と表示できません。必ず控えてから閉じてください。',
      handOverNote:
        '本人には、電子メール以外の安全な方法で伝えてください。次回ログイン時に本人によるパスワードの変更が必要です。',
      close: '控えたので閉じる',
      rightsNote:
        '一般ユーザは、権限を設定するまでどの業務機能も利用できません。ユーザ権限管理（A40）で権限を設定してください。',
      rightsLink: 'このユーザの権限を設定する',
    },
    cancelDialog: {
      title: 'ユーザの取消',
      confirm:
        'ユーザ「{{userId}}（{{name}}）」を取消します。取消したユーザはログインできなくなり、ログイン中のセッションとAPIトークンも無効になります。取消は元に戻せません。よろしいですか？',
      submit: '取消する',
    },
    unlockDialog: {
      title: 'ロック解除',
      confirm: 'ユーザ「{{userId}}（{{name}}）」のロックを解除します。よろしいですか？',
      submit: '解除する',
    },
    reissueDialog: {
      title: 'パスワード再発行',
      confirm:
        'ユーザ「{{userId}}（{{name}}）」のパスワードを再発行します。現在のパスワードは使えなくなり、ログイン中のセッションは終了します。よろしいですか？',
      submit: '再発行する',
    },
  },
  clientCertificates: {
    description:
      'ユーザがログイン時にブラウザから提示するクライアント証明書を登録・更新・失効します。有効期限の30日前からポータルトップに警告が表示されます。',
    register: '証明書の登録',
    import: '証明書情報ファイルの取込',
    filters: {
      participant: '事業者',
      keyword: 'ユーザID・シリアル番号・フィンガープリント',
      keywordPlaceholder: '一部でも検索できます',
      status: '状態',
    },
    listTitle: 'クライアント証明書一覧',
    tableLabel: 'クライアント証明書一覧',
    empty: '条件に一致するクライアント証明書はありません。',
    columns: {
      participant: '事業者',
      user: 'ユーザ',
      serialNumber: 'シリアル番号',
      fingerprint: 'SHA-256フィンガープリント',
      validFrom: '有効期間開始',
      validTo: '有効期間終了',
      status: '状態',
      actions: '操作',
    },
    status: labelsIn(clientCertificateStatusLabels, 'ja'),
    expiringSoon: '期限間近',
    expiresInDays: 'あと{{days}}日で有効期限が切れます',
    copyFingerprint: 'フィンガープリントをコピー',
    fingerprintCopied: 'コピーしました',
    renew: '更新',
    revoke: '失効',
    actionsFor: 'シリアル番号{{serialNumber}}の証明書の操作',
    form: {
      title: 'クライアント証明書の登録',
      renewTitle: 'クライアント証明書の更新',
      user: '対象ユーザ',
      userPlaceholder: 'ユーザIDまたは氏名で検索',
      userOption: '{{userId}}　{{name}}',
      noUsers: '該当するユーザがいません',
      file: '証明書ファイル（PEM形式）',
      filePlaceholder: 'ファイルを選択してください',
      fileHint:
        '「-----BEGIN CERTIFICATE-----」で始まるPEM形式のファイル（.pem、.crt、.cer）を指定してください。秘密鍵は含めないでください。',
      renewHint:
        '更新では新しい証明書を追加で登録します。古い証明書は有効期限まで使えます。不要になったら失効させてください。',
      submit: '登録する',
    },
    importDialog: {
      title: '証明書情報ファイルの取込',
    },
    revokeDialog: {
      title: 'クライアント証明書の失効',
      confirm:
        'ユーザ「{{userId}}」の証明書（シリアル番号 {{serialNumber}}）を失効させます。この証明書ではログインできなくなり、この証明書を使ったセッションは終了します。失効は元に戻せません。よろしいですか？',
      submit: '失効させる',
    },
  },
  permissions: {
    description:
      '一般ユーザごとに、利用できる機能（参照・編集）を設定します。管理者ユーザはすべての機能を利用できるため、設定の対象外です。',
    user: '対象ユーザ（一般ユーザ）',
    userPlaceholder: 'ユーザIDまたは氏名で検索',
    userOption: '{{userId}}　{{name}}',
    userOptionLocked: '{{userId}}　{{name}}（ロック中）',
    noUsers: '該当するユーザがいません',
    noGeneralUsers:
      '一般ユーザが登録されていません。ユーザ情報管理（020）で一般ユーザを登録してください。',
    selectUser: '権限を設定する一般ユーザを選択してください。',
    gridTitle: '機能ごとの権限',
    gridHint: '編集を許可すると参照も許可されます。矢印キーでチェックボックス間を移動できます。',
    columns: {
      code: '機能コード',
      name: '機能',
      view: '参照',
      edit: '編集',
    },
    viewFor: '{{name}}の参照',
    editFor: '{{name}}の編集',
    allViewOf: '{{app}}のすべての機能の参照',
    allEditOf: '{{app}}のすべての機能の編集',
    summary: '参照 {{view}}件・編集 {{edit}}件',
    unsaved: '未保存の変更があります',
    saved: '保存済み',
    save: '保存',
    revert: '変更を元に戻す',
    reload: '最新の内容を読み込む',
    discardTitle: '保存していない変更',
    discardConfirm: '保存していない変更は破棄されます。よろしいですか？',
    discardSubmit: '破棄して移動',
  },
}

const en: Shape<typeof ja> = {
  users: {
    description:
      "Register, change and cancel your participant's users. Unlock users and reissue passwords here too.",
    operatorDescription:
      "Register, change and cancel the users of every participant and OCCTO's own staff. Unlock users and reissue passwords here too.",
    register: 'Register user',
    filters: {
      participant: 'Participant',
      keyword: 'User ID or name',
      keywordPlaceholder: 'e.g. tanaka',
      role: 'Role',
      status: 'Status',
    },
    listTitle: 'Users',
    tableLabel: 'Users',
    empty: 'No users match the conditions.',
    columns: {
      participant: 'Participant',
      userId: 'User ID',
      name: 'Name',
      role: 'Role',
      status: 'Status',
      email: 'E-mail',
      validity: 'Validity',
      lastLoginAt: 'Last login',
      actions: 'Actions',
    },
    status: labelsIn(userStatusLabels, 'en'),
    neverLoggedIn: 'Never',
    validityUnlimited: 'No limit',
    validityFrom: 'From {{from}}',
    validityTo: 'Until {{to}}',
    validityRange: '{{from}} – {{to}}',
    actions: {
      menuFor: 'Actions for {{userId}}',
      edit: 'Change',
      unlock: 'Unlock',
      reissue: 'Reissue password',
      cancel: 'Cancel user',
      rights: 'Permissions (A40)',
    },
    form: {
      createTitle: 'Register user',
      editTitle: 'Change user',
      participant: 'Participant',
      participantPlaceholder: 'Choose a participant',
      userId: 'User ID',
      userIdHint:
        '3–32 characters (letters, digits, ".", "_", "-"), starting with a letter or digit. It cannot be changed later.',
      name: 'Name',
      email: 'E-mail',
      phone: 'Phone',
      phonePlaceholder: 'e.g. 03-1234-5678',
      role: 'Role',
      roleAdminHint:
        'Administrators can use every function, including the management of users, rights and client certificates.',
      roleUserHint: 'The functions a general user may use are set in user permissions (A40).',
      validFrom: 'Valid from',
      validTo: 'Valid until',
      validityHint:
        'Leave empty for no limit. The user can log in from 0:00 of the first day to 23:59 of the last day (JST).',
      submitCreate: 'Register',
      submitEdit: 'Save changes',
      reload: 'Load the latest version',
    },
    password: {
      createdTitle: 'User registered',
      reissuedTitle: 'Password reissued',
      initialLabel: 'Initial password',
      reissuedLabel: 'New password',
      participantCode: 'Participant code',
      userId: 'User ID',
      name: 'Name',
      onceNote:
        'This password cannot be shown again once you close this window. Note it down before closing.',
      handOverNote:
        'Pass it on to the user securely, not by e-mail. The user must change it at the next login.',
      close: 'I have noted it — close',
      rightsNote:
        'A general user can use no business function until you grant rights. Set them in User permissions (A40).',
      rightsLink: "Set this user's permissions",
    },
    cancelDialog: {
      title: 'Cancel user',
      confirm:
        'Cancel user {{userId}} ({{name}})? The user can no longer log in, and its sessions and API tokens end. This cannot be undone.',
      submit: 'Cancel user',
    },
    unlockDialog: {
      title: 'Unlock user',
      confirm: 'Unlock user {{userId}} ({{name}})?',
      submit: 'Unlock',
    },
    reissueDialog: {
      title: 'Reissue password',
      confirm:
        'Reissue the password of user {{userId}} ({{name}})? The current password stops working and the sessions of the user end.',
      submit: 'Reissue',
    },
  },
  clientCertificates: {
    description:
      'Register, renew and revoke the client certificates your users present at login. The portal top warns 30 days before a certificate expires.',
    register: 'Register certificate',
    import: 'Import certificate file',
    filters: {
      participant: 'Participant',
      keyword: 'User ID, serial or fingerprint',
      keywordPlaceholder: 'Part of it is enough',
      status: 'Status',
    },
    listTitle: 'Client certificates',
    tableLabel: 'Client certificates',
    empty: 'No client certificates match the conditions.',
    columns: {
      participant: 'Participant',
      user: 'User',
      serialNumber: 'Serial number',
      fingerprint: 'SHA-256 fingerprint',
      validFrom: 'Valid from',
      validTo: 'Valid until',
      status: 'Status',
      actions: 'Actions',
    },
    status: labelsIn(clientCertificateStatusLabels, 'en'),
    expiringSoon: 'Expiring',
    expiresInDays: 'Days left: {{days}}',
    copyFingerprint: 'Copy fingerprint',
    fingerprintCopied: 'Copied',
    renew: 'Renew',
    revoke: 'Revoke',
    actionsFor: 'Actions for the certificate with serial {{serialNumber}}',
    form: {
      title: 'Register client certificate',
      renewTitle: 'Renew client certificate',
      user: 'User',
      userPlaceholder: 'Search by user ID or name',
      userOption: '{{userId}}  {{name}}',
      noUsers: 'No matching users',
      file: 'Certificate file (PEM)',
      filePlaceholder: 'Choose a file',
      fileHint:
        'A PEM file (.pem, .crt, .cer) starting with "-----BEGIN CERTIFICATE-----". Never include the private key.',
      renewHint:
        'Renewing registers the new certificate beside the old one, which works until it expires. Revoke the old one when it is no longer needed.',
      submit: 'Register',
    },
    importDialog: {
      title: 'Import the certificate information file',
    },
    revokeDialog: {
      title: 'Revoke client certificate',
      confirm:
        'Revoke the certificate (serial {{serialNumber}}) of user {{userId}}? It can no longer be used to log in, and the sessions using it end. This cannot be undone.',
      submit: 'Revoke',
    },
  },
  permissions: {
    description:
      'Set which functions each general user may view or edit. Administrators can use every function and are not listed.',
    user: 'User (general users)',
    userPlaceholder: 'Search by user ID or name',
    userOption: '{{userId}}  {{name}}',
    userOptionLocked: '{{userId}}  {{name}} (locked)',
    noUsers: 'No matching users',
    noGeneralUsers: 'There are no general users yet. Register them in user management (020).',
    selectUser: 'Choose the general user whose rights you want to set.',
    gridTitle: 'Rights per function',
    gridHint: 'Edit includes view. Move between the check boxes with the arrow keys.',
    columns: {
      code: 'Code',
      name: 'Function',
      view: 'View',
      edit: 'Edit',
    },
    viewFor: 'View {{name}}',
    editFor: 'Edit {{name}}',
    allViewOf: 'View every function of {{app}}',
    allEditOf: 'Edit every function of {{app}}',
    summary: 'View {{view}} · Edit {{edit}}',
    unsaved: 'Unsaved changes',
    saved: 'Saved',
    save: 'Save',
    revert: 'Undo changes',
    reload: 'Load the latest version',
    discardTitle: 'Unsaved changes',
    discardConfirm: 'The changes you have not saved will be lost. Continue?',
    discardSubmit: 'Discard and continue',
  },
}

export const usersSections = { ja, en }
