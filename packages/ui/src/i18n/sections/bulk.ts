/**
 * UI texts of the bulk-file pipeline: upload and result history (220), file item lists
 * (500/G10), bulk file samples (K10), and the upload panel other screens embed (710).
 */
import {
  bulkColumnTypeLabels,
  bulkImportModeLabels,
  fileEncodingLabels,
  jobStateLabels,
  labelsIn,
} from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  bulk: {
    description:
      '様式に沿って作成したCSVファイルをアップロードし、まとめて登録します。1行でも誤りがあるとファイル全体を登録せず、誤りのある行と項目をエラーファイルで確認できます。',
    upload: {
      title: 'ファイルのアップロード',
      format: '様式',
      formatPlaceholder: '様式を選択',
      mode: '処理区分',
      modeHint:
        '「チェックのみ」は内容を確認するだけで、何も登録しません。「登録」は確認した上で、誤りがなければすべての行を登録します。',
      encoding: '文字コード',
      participant: '事業者',
      file: 'ファイル（CSV）',
      filePlaceholder: 'ファイルを選択',
      fileHint:
        '1行目は見出し行です。文字コードはShift_JISまたはUTF-8、改行はCRLFまたはLFに対応しています。',
      submit: 'アップロード',
      itemList: '項目一覧',
      sample: 'サンプル',
    },
    result: {
      title: '処理結果',
      validate: 'チェック中',
      apply: '登録中',
      checked: 'チェック済み',
      registered: '登録済み',
      queued: '処理の順番を待っています',
      progress: '{{processed}} / {{total}} 行',
      progressLabel: '処理の進み具合',
      errorFile: 'エラーファイル',
      rows: '件数',
      errors: 'エラー件数',
      applied: '登録件数',
      uploadAgain: '別のファイルをアップロード',
    },
    history: {
      title: '処理結果の履歴',
      tableLabel: '一括登録の処理結果',
      empty: '条件に合う処理結果はありません。',
      columns: {
        createdAt: '受付日時',
        participantCode: '事業者コード',
        format: '様式',
        mode: '処理区分',
        fileName: 'ファイル名',
        state: '状態',
        totalRows: '件数',
        errorCount: 'エラー',
        appliedCount: '登録',
        createdBy: '登録者',
      },
      filters: { format: '様式', state: '状態' },
      open: '開く',
    },
    detail: {
      title: '一括登録の処理結果',
      back: '一覧へ戻る',
      fileName: 'ファイル名',
      uploadedBy: '登録者',
      createdAt: '受付日時',
      finishedAt: '終了日時',
    },
    items: {
      description:
        '一括登録に使うファイルの項目（列）の一覧です。見出し行には「項目名」をそのまま記入してください。',
      format: '様式',
      formatPlaceholder: '様式を選択',
      tableLabel: 'ファイル項目一覧',
      required: '必須',
      optional: '任意',
      columns: {
        no: 'No.',
        header: '項目名',
        type: '型',
        required: '必須',
        length: '桁数',
        rule: '入力規則',
        example: '記入例',
      },
      maxLength: '{{max}}文字以内',
      range: '{{min}}〜{{max}}',
      values: '次のいずれか：{{values}}',
      none: '—',
    },
    samples: {
      description:
        '各様式のサンプルファイルです。見出し行と記入例の行が入っており、そのまま取り込めます。',
      tableLabel: '一括登録様式サンプル',
      columns: { code: '様式', name: '様式名', function: '機能', download: 'ダウンロード' },
      shiftJis: 'Shift_JIS',
      utf8: 'UTF-8',
      downloadAs: '{{name}}のサンプルを{{encoding}}でダウンロード',
    },
    formatName: '{{code}} {{name}}',
    mode: labelsIn(bulkImportModeLabels, 'ja'),
    state: labelsIn(jobStateLabels, 'ja'),
    encodings: labelsIn(fileEncodingLabels, 'ja'),
    columnTypes: labelsIn(bulkColumnTypeLabels, 'ja'),
  },
}

const en: Shape<typeof ja> = {
  bulk: {
    description:
      'Upload a CSV file made to a format to register many records at once. One wrong row stops the whole file; the error file lists each wrong row and column.',
    upload: {
      title: 'Upload a file',
      format: 'Format',
      formatPlaceholder: 'Choose a format',
      mode: 'Mode',
      modeHint:
        '"Check only" checks the file and registers nothing. "Register" checks it and, when there is no error, registers every row.',
      encoding: 'Encoding',
      participant: 'Participant',
      file: 'File (CSV)',
      filePlaceholder: 'Choose a file',
      fileHint: 'The first row is the header row. Shift_JIS or UTF-8, with CRLF or LF line ends.',
      submit: 'Upload',
      itemList: 'Item list',
      sample: 'Sample',
    },
    result: {
      title: 'Result',
      validate: 'Checking',
      apply: 'Registering',
      checked: 'Checked',
      registered: 'Registered',
      queued: 'Waiting for its turn',
      progress: '{{processed}} / {{total}} rows',
      progressLabel: 'Progress',
      errorFile: 'Error file',
      rows: 'Rows',
      errors: 'Errors',
      applied: 'Registered',
      uploadAgain: 'Upload another file',
    },
    history: {
      title: 'Result history',
      tableLabel: 'Bulk registration results',
      empty: 'No results match the conditions.',
      columns: {
        createdAt: 'Uploaded at',
        participantCode: 'Participant',
        format: 'Format',
        mode: 'Mode',
        fileName: 'File name',
        state: 'State',
        totalRows: 'Rows',
        errorCount: 'Errors',
        appliedCount: 'Registered',
        createdBy: 'Uploaded by',
      },
      filters: { format: 'Format', state: 'State' },
      open: 'Open',
    },
    detail: {
      title: 'Bulk registration result',
      back: 'Back to the list',
      fileName: 'File name',
      uploadedBy: 'Uploaded by',
      createdAt: 'Uploaded at',
      finishedAt: 'Finished at',
    },
    items: {
      description:
        'The items (columns) of each bulk file. Write the column names exactly as listed in the header row.',
      format: 'Format',
      formatPlaceholder: 'Choose a format',
      tableLabel: 'File item list',
      required: 'Required',
      optional: 'Optional',
      columns: {
        no: 'No.',
        header: 'Column name',
        type: 'Type',
        required: 'Required',
        length: 'Length',
        rule: 'Rule',
        example: 'Example',
      },
      maxLength: 'Up to {{max}} characters',
      range: '{{min}} to {{max}}',
      values: 'One of: {{values}}',
      none: '—',
    },
    samples: {
      description:
        'A sample file of each format: the header row and an example row that imports as it is.',
      tableLabel: 'Bulk file samples',
      columns: { code: 'Format', name: 'Name', function: 'Function', download: 'Download' },
      shiftJis: 'Shift_JIS',
      utf8: 'UTF-8',
      downloadAs: 'Download the sample of {{name}} in {{encoding}}',
    },
    formatName: '{{code}} {{name}}',
    mode: labelsIn(bulkImportModeLabels, 'en'),
    state: labelsIn(jobStateLabels, 'en'),
    encodings: labelsIn(fileEncodingLabels, 'en'),
    columnTypes: labelsIn(bulkColumnTypeLabels, 'en'),
  },
}

export const bulkSections = { ja, en }
