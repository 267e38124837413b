/**
 * UI texts of the document samples, the screen ↔ output file map and CSV samples (K00, K20, K21): the section `output-files` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  outputFiles: {
    apps: {
      delivery: '実需給期間システム',
      preDelivery: '実需給前システム',
    },
    appFilter: 'システム',
    kinds: { csv: 'CSV', pdf: 'PDF' },
    sources: {
      list: '一覧のCSV出力',
      document: '帳票',
      bulkErrors: '一括登録のエラーファイル',
      bulkSample: '一括登録様式サンプル',
    },
    map: {
      description:
        'どの画面からどのファイルが出力されるかを示します。機能一覧・API の一覧定義・帳票テンプレート・一括登録様式から自動で作成しています。',
      tableLabel: '画面と出力ファイルの紐づき一覧',
      columns: {
        code: '機能コード',
        screen: '画面',
        kind: '種類',
        output: '出力ファイル',
        fileName: 'ファイル名',
        columns: '項目（CSV の見出し）',
      },
      empty: '出力ファイルはありません。',
      more: '…ほか{{count}}項目',
    },
    csv: {
      description:
        '一覧画面の CSV 出力の見出しです。ファイルは各一覧の CSV 出力そのもので、ご覧いただけるデータが入ります（Shift_JIS は Excel 向け）。',
      tableLabel: 'CSV出力サンプル一覧',
      columns: {
        code: '機能コード',
        screen: '画面',
        fileName: 'ファイル名',
        header: '見出し',
        download: 'サンプル',
      },
      fromScreen: '画面で対象を選んで出力',
      downloadAs: '{{name}} の CSV を {{encoding}} でダウンロード',
      empty: 'ご利用いただける一覧はありません。',
    },
    documents: {
      description:
        '帳票の見本です。架空のデータで、その場で作成します。文書番号は「見本」で、実際の番号は使いません。',
      deliveryHeading: '実需給期間の帳票',
      preDeliveryHeading: '実需給前の帳票',
      deliveryEmpty: '実需給期間の帳票はまだありません。',
      tableLabel: '{{app}}の帳票サンプル一覧',
      columns: {
        title: '帳票名',
        group: '機能',
        prefix: '文書番号の記号',
        download: '見本',
      },
      download: '見本PDF',
      downloadAs: '見本PDF（{{title}}）',
      noPrefix: '（他の番号で発行）',
    },
  },
}

const en: Shape<typeof ja> = {
  outputFiles: {
    apps: {
      delivery: 'Delivery-period system',
      preDelivery: 'Pre-delivery system',
    },
    appFilter: 'System',
    kinds: { csv: 'CSV', pdf: 'PDF' },
    sources: {
      list: 'List CSV export',
      document: 'Document',
      bulkErrors: 'Bulk upload error file',
      bulkSample: 'Bulk file sample',
    },
    map: {
      description:
        'Which screen produces which file. Generated from the function registry, the API’s list declarations, the document templates and the bulk formats.',
      tableLabel: 'Screens and output files',
      columns: {
        code: 'Function',
        screen: 'Screen',
        kind: 'Kind',
        output: 'Output',
        fileName: 'File name',
        columns: 'Columns (CSV header)',
      },
      empty: 'No output files.',
      more: '… and {{count}} more',
    },
    csv: {
      description:
        'The CSV header of every list screen. The file is the list’s own CSV export with the data you may see (Shift_JIS for Excel).',
      tableLabel: 'CSV output samples',
      columns: {
        code: 'Function',
        screen: 'Screen',
        fileName: 'File name',
        header: 'Header',
        download: 'Sample',
      },
      fromScreen: 'Export from the screen after choosing what to show',
      downloadAs: 'Download the CSV of {{name}} in {{encoding}}',
      empty: 'No lists available to you.',
    },
    documents: {
      description:
        'Samples of the documents, made on demand from fictitious data. Numbered “見本” (sample), never from the real series.',
      deliveryHeading: 'Delivery-period documents',
      preDeliveryHeading: 'Pre-delivery documents',
      deliveryEmpty: 'No delivery-period documents yet.',
      tableLabel: 'Document samples: {{app}}',
      columns: {
        title: 'Document',
        group: 'Function',
        prefix: 'Number prefix',
        download: 'Sample',
      },
      download: 'Sample PDF',
      downloadAs: 'Sample PDF ({{title}})',
      noPrefix: '(numbered by other data)',
    },
  },
}

export const outputFilesSections = { ja, en }
