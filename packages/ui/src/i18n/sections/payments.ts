import {
  labelsIn,
  paymentDirectionLabels,
  paymentItemStateLabels,
  paymentSourceLabels,
  paymentStateLabels,
  settlementDocumentKindLabels,
} from '@yoryo/contracts'

/**
 * UI texts of the payments (F10): payments made and received, matched to the payment notices and invoices: the section `payments` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  payments: {
    yen: '円',
    amountYen: '{{amount}}円',
    description:
      '支払通知書・請求書ごとの決済状況（未決済額・支払期日・期限超過）と、入出金の記録・消込です。支払期日は対象月の翌々月末日です。',
    direction: labelsIn(paymentDirectionLabels, 'ja'),
    state: labelsIn(paymentStateLabels, 'ja'),
    source: labelsIn(paymentSourceLabels, 'ja'),
    itemState: labelsIn(paymentItemStateLabels, 'ja'),
    documentKind: labelsIn(settlementDocumentKindLabels, 'ja'),
    overdue: '期限超過',
    tabs: {
      items: '未決済一覧',
      payments: '入出金一覧',
    },
    fields: {
      documentNo: '文書番号',
      kind: '帳票',
      month: '対象年月',
      participant: '事業者',
      dueDate: '支払期日',
      total: '税込金額',
      paid: '決済済額',
      openAmount: '未決済額',
      itemState: '決済状況',
      valueDate: '入出金日',
      direction: '入出金区分',
      amount: '金額',
      allocated: '消込額',
      unallocated: '未消込額',
      paymentState: '状態',
      bankReference: '銀行照会番号',
      counterpartyName: '振込依頼人・受取人名',
      memo: '摘要',
      source: '登録元',
      createdBy: '登録者',
      createdAt: '登録日時',
    },
    items: {
      tableLabel: '支払通知書・請求書の決済状況',
      empty: '該当する支払通知書・請求書はありません。',
      overdueOnly: '期限超過のみ',
    },
    list: {
      tableLabel: '入出金',
      empty: '該当する入出金はありません。',
      record: '入出金を登録',
      upload: '入出金明細を取り込む',
    },
    form: {
      title: '入出金の登録',
      description:
        '銀行の入出金1件を登録し、同じ事業者の文書に消込します（入金は請求書、出金は支払通知書）。消込しない分は未消込のまま残り、あとで消込できます。',
      documents: '消込する文書',
      noDocuments: 'この事業者・入出金区分の未決済の文書はありません。',
      chooseParticipant: '事業者と入出金区分を選ぶと、未決済の文書が表示されます。',
      matchAmount: '消込額',
      fill: '未決済額を入力',
      sum: '消込額合計 {{sum}}円 ／ 金額 {{amount}}円',
      tooMuch: '消込額の合計が金額を超えています',
      submit: '登録する',
      cancel: 'キャンセル',
      invalidAmount: '1以上の整数（円）で入力してください',
      required: '入力してください',
      invalidDate: '日付を YYYY/MM/DD で入力してください',
      overOpen: '未決済額を超えています',
    },
    detail: {
      back: '入出金一覧へ戻る',
      title: '入出金 {{reference}}',
      allocations: '消込',
      noAllocations: '消込はありません。',
      match: '消込する',
      matchTitle: '未消込額の消込',
      reverse: '取消',
      reverseTitle: '入出金の取消',
      reverseMessage:
        '銀行照会番号 {{reference}} の入出金を取り消します。消込済みの文書は未決済に戻ります。取り消した入出金は元に戻せません。',
      reverseConfirm: '取り消す',
      reason: '取消理由',
      reversed: 'この入出金は取り消されています（{{at}}、{{by}}）：{{reason}}',
    },
  },
}

const en: Shape<typeof ja> = {
  payments: {
    yen: 'yen',
    amountYen: '{{amount}} yen',
    description:
      'What is settled of each payment notice and invoice (open amount, due date, overdue), and the payments recorded and matched. A document is due on the last day of the second month after its month.',
    direction: labelsIn(paymentDirectionLabels, 'en'),
    state: labelsIn(paymentStateLabels, 'en'),
    source: labelsIn(paymentSourceLabels, 'en'),
    itemState: labelsIn(paymentItemStateLabels, 'en'),
    documentKind: labelsIn(settlementDocumentKindLabels, 'en'),
    overdue: 'Overdue',
    tabs: {
      items: 'Open items',
      payments: 'Payments',
    },
    fields: {
      documentNo: 'Document No.',
      kind: 'Document',
      month: 'Month',
      participant: 'Participant',
      dueDate: 'Due date',
      total: 'Total',
      paid: 'Paid',
      openAmount: 'Open',
      itemState: 'Payment state',
      valueDate: 'Value date',
      direction: 'Direction',
      amount: 'Amount',
      allocated: 'Matched',
      unallocated: 'Unmatched',
      paymentState: 'State',
      bankReference: 'Bank reference',
      counterpartyName: 'Payer / payee',
      memo: 'Memo',
      source: 'Source',
      createdBy: 'Recorded by',
      createdAt: 'Recorded at',
    },
    items: {
      tableLabel: 'Payment state of the notices and invoices',
      empty: 'No payment notices or invoices match.',
      overdueOnly: 'Overdue only',
    },
    list: {
      tableLabel: 'Payments',
      empty: 'No payments match.',
      record: 'Record a payment',
      upload: 'Import a bank statement',
    },
    form: {
      title: 'Record a payment',
      description:
        'Record one bank payment and match it to documents of the same participant (an invoice for money received, a payment notice for money paid). What is not matched stays unmatched and can be matched later.',
      documents: 'Documents to match',
      noDocuments: 'This participant has no open document of this direction.',
      chooseParticipant: 'Choose the participant and the direction to see its open documents.',
      matchAmount: 'Match',
      fill: 'Enter the open amount',
      sum: 'Matched {{sum}} yen of {{amount}} yen',
      tooMuch: 'The amounts matched add up to more than the payment',
      submit: 'Record',
      cancel: 'Cancel',
      invalidAmount: 'Enter a whole number of yen, 1 or more',
      required: 'Required',
      invalidDate: 'Enter a date as YYYY/MM/DD',
      overOpen: 'More than the open amount',
    },
    detail: {
      back: 'Back to the payments',
      title: 'Payment {{reference}}',
      allocations: 'Matched to',
      noAllocations: 'Not matched to any document.',
      match: 'Match',
      matchTitle: 'Match the unmatched amount',
      reverse: 'Reverse',
      reverseTitle: 'Reverse the payment',
      reverseMessage:
        'The payment with bank reference {{reference}} is reversed. The documents it paid become open again. A reversal cannot be undone.',
      reverseConfirm: 'Reverse',
      reason: 'Reason',
      reversed: 'This payment was reversed ({{at}}, {{by}}): {{reason}}',
    },
  },
}

export const paymentsSections = { ja, en }
