/**
 * UI texts of the list kit (`ListScreen`, `FilterBar`, `DateRangeFilter`, `ParticipantSelect`,
 * `DateField`) and of the audit log's detail, spread into `ja.ts` / `en.ts`.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
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
