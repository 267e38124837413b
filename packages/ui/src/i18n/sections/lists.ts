/**
 * UI texts of the list kit (`ListScreen`, `FilterBar`, `DateRangeFilter`, `ParticipantSelect`,
 * `DateField`, the pager and the CSV export: `listKit`, `dateField`, `listPager`, `listTools`)
 * and of the audit log's detail (`auditDetail`); loaded by every route with a list or a date
 * field (`loader.ts`).
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  listTools: {
    csv: 'CSV出力',
    csvEncoding: 'CSVの文字コード',
    shiftJis: 'Shift_JIS（Excel向け）',
    utf8: 'UTF-8',
    search: '検索',
    clear: '条件をクリア',
    filters: '検索条件',
    dateFrom: '{{label}}（開始日）',
    dateTo: '{{label}}（終了日）',
    dateRangeSeparator: '～',
  },
  listPager: {
    range: '全{{total}}件中 {{from}}～{{to}}件',
    navigation: 'ページ切り替え',
    page: '{{page}}ページ目',
    first: '最初のページ',
    previous: '前のページ',
    next: '次のページ',
    last: '最後のページ',
    pageSize: '表示件数',
    pageSizeOption: '{{value}}件',
  },
  dateField: {
    placeholder: 'yyyy/mm/dd',
    timePlaceholder: 'hh:mm',
    dateOf: '{{label}}（日付）',
    timeOf: '{{label}}（時刻）',
  },
  listKit: {
    participant: '事業者',
    participantPlaceholder: 'コード・名称で絞り込み',
    allParticipants: 'すべての事業者',
  },
  auditDetail: {
    field: '項目',
    before: '変更前',
    after: '変更後',
    changed: '変更あり',
    none: '—',
    yes: 'はい',
    no: 'いいえ',
    allOf: '{{label}}（すべて）',
    operation: '操作',
    operationPlaceholder: '操作を選択',
  },
}

const en: Shape<typeof ja> = {
  listTools: {
    csv: 'Export CSV',
    csvEncoding: 'CSV encoding',
    shiftJis: 'Shift_JIS (for Excel)',
    utf8: 'UTF-8',
    search: 'Search',
    clear: 'Clear',
    filters: 'Search conditions',
    dateFrom: '{{label}} from',
    dateTo: '{{label}} to',
    dateRangeSeparator: '–',
  },
  listPager: {
    range: '{{from}}–{{to}} of {{total}}',
    navigation: 'Pages',
    page: 'Page {{page}}',
    first: 'First page',
    previous: 'Previous page',
    next: 'Next page',
    last: 'Last page',
    pageSize: 'Rows per page',
    pageSizeOption: '{{value}} rows',
  },
  dateField: {
    placeholder: 'yyyy/mm/dd',
    timePlaceholder: 'hh:mm',
    dateOf: '{{label}} (date)',
    timeOf: '{{label}} (time)',
  },
  listKit: {
    participant: 'Participant',
    participantPlaceholder: 'Filter by code or name',
    allParticipants: 'All participants',
  },
  auditDetail: {
    field: 'Field',
    before: 'Before',
    after: 'After',
    changed: 'Changed',
    none: '—',
    yes: 'Yes',
    no: 'No',
    allOf: '{{label}} (all)',
    operation: 'Operation',
    operationPlaceholder: 'Choose an operation',
  },
}

export const listsSections = { ja, en }
