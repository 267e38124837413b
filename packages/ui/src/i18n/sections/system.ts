/**
 * UI texts of the message catalogue (600 / G30), maintenance mode (A10) and attachments: the sections `messageCatalogue`, `maintenanceMode`, `attachments` of both catalogues, loaded by the routes that
 * show them (`loader.ts`). System messages with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  messageCatalogue: {
    description:
      'システムが表示するメッセージの一覧です。画面やエラーに表示されたメッセージIDで検索できます。',
    searchLabel: 'メッセージIDまたは本文',
    searchPlaceholder: '例：E-AUTH-001、パスワード',
    severityLabel: '重要度',
    tableLabel: 'メッセージ一覧',
    empty: '条件に一致するメッセージはありません。',
    columns: {
      id: 'メッセージID',
      severity: '重要度',
      ja: '日本語',
      en: 'English',
    },
  },
  maintenanceMode: {
    description:
      'メンテナンスモード中は、事業者のユーザはシステムを利用できません。広域機関のユーザは引き続き利用できます。',
    currentStatus: '現在の状態',
    statusActive: 'メンテナンス中',
    statusInactive: '通常運用中',
    settings: '設定',
    active: 'メンテナンスモードにする',
    messageJa: 'お知らせ文（日本語）',
    messageEn: 'お知らせ文（英語）',
    endsAt: '終了予定日時（日本時間）',
    currentEndsAt: '終了予定日時',
    endsAtHint: '未入力の場合、終了予定日時は表示されません。',
    submit: '設定を保存',
  },
  attachments: {
    title: '添付ファイル',
    fileLabel: '添付ファイルの選択',
    filePlaceholder: 'ファイルを選択してください',
    clearFile: '選択を解除',
    upload: '添付する',
    limits:
      '1ファイル{{maxMb}}MBまで。PDF、画像（PNG・JPEG）、CSV、テキスト、Excel、Word、ZIP形式を添付できます。',
    tableLabel: '添付ファイル一覧',
    empty: '添付ファイルはありません。',
    columns: {
      fileName: 'ファイル名',
      size: 'サイズ',
      type: '形式',
      sha256: 'SHA-256',
      uploadedBy: '登録者',
      createdAt: '登録日時',
      actions: '操作',
    },
    download: 'ダウンロード',
    downloadFile: '{{fileName}}をダウンロード',
    delete: '削除',
    deleteFile: '{{fileName}}を削除',
    deleteTitle: '添付ファイルの削除',
    deleteConfirm:
      '「{{fileName}}」を削除します。削除したファイルは元に戻せません。よろしいですか？',
    deleteSubmit: '削除する',
    types: {
      pdf: 'PDF',
      png: 'PNG画像',
      jpeg: 'JPEG画像',
      csv: 'CSV',
      text: 'テキスト',
      zip: 'ZIP',
      xlsx: 'Excel',
      xls: 'Excel（97-2003）',
      docx: 'Word',
      other: 'その他',
    },
    participantDescription:
      '自事業者に関する書類を添付・管理します。添付したファイルは広域機関も参照できます。',
  },
}

const en: Shape<typeof ja> = {
  messageCatalogue: {
    description:
      'All messages the system shows. Search for the message ID you saw on a screen or in an error.',
    searchLabel: 'Message ID or text',
    searchPlaceholder: 'e.g. E-AUTH-001, password',
    severityLabel: 'Severity',
    tableLabel: 'Message list',
    empty: 'No message matches.',
    columns: {
      id: 'Message ID',
      severity: 'Severity',
      ja: '日本語',
      en: 'English',
    },
  },
  maintenanceMode: {
    description:
      'While maintenance mode is on, participant users cannot use the system. OCCTO users can keep working.',
    currentStatus: 'Current state',
    statusActive: 'Under maintenance',
    statusInactive: 'Normal operation',
    settings: 'Settings',
    active: 'Turn maintenance mode on',
    messageJa: 'Notice (Japanese)',
    messageEn: 'Notice (English)',
    endsAt: 'Planned end (JST)',
    currentEndsAt: 'Planned end',
    endsAtHint: 'Leave empty if the end time is not known.',
    submit: 'Save settings',
  },
  attachments: {
    title: 'Attachments',
    fileLabel: 'Choose a file',
    filePlaceholder: 'No file chosen',
    clearFile: 'Clear selection',
    upload: 'Attach',
    limits:
      'Up to {{maxMb}} MB per file. PDF, images (PNG, JPEG), CSV, text, Excel, Word and ZIP files can be attached.',
    tableLabel: 'Attached files',
    empty: 'No files attached.',
    columns: {
      fileName: 'File name',
      size: 'Size',
      type: 'Type',
      sha256: 'SHA-256',
      uploadedBy: 'Uploaded by',
      createdAt: 'Uploaded at',
      actions: 'Actions',
    },
    download: 'Download',
    downloadFile: 'Download {{fileName}}',
    delete: 'Delete',
    deleteFile: 'Delete {{fileName}}',
    deleteTitle: 'Delete attachment',
    deleteConfirm: 'Delete "{{fileName}}"? This cannot be undone.',
    deleteSubmit: 'Delete',
    types: {
      pdf: 'PDF',
      png: 'PNG image',
      jpeg: 'JPEG image',
      csv: 'CSV',
      text: 'Text',
      zip: 'ZIP',
      xlsx: 'Excel',
      xls: 'Excel (97-2003)',
      docx: 'Word',
      other: 'Other',
    },
    participantDescription:
      "Attach and manage your company's documents. OCCTO can see the files you attach.",
  },
}

export const systemSections = { ja, en }
