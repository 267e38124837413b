import { labelsIn, settlementDocumentKindLabels, settlementLineKindLabels } from '@yoryo/contracts'

/**
 * UI texts of the contract amounts, payment notices and invoices (E10, F00; the monthly settlement): the section `settlement` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  settlement: {
    yen: '円',
    amountYen: '{{amount}}円',
    lineKind: labelsIn(settlementLineKindLabels, 'ja'),
    documentKind: labelsIn(settlementDocumentKindLabels, 'ja'),
    month: {
      invalid: 'YYYY-MM の形式で入力してください',
    },
    fields: {
      month: '対象年月',
      contractNo: '契約番号',
      kind: '区分',
      resource: '電源等',
      participant: '事業者',
      contractKw: '契約容量(kW)',
      monthlyAmount: '月額契約金額',
      replacementAmount: '差替による増減',
      amount: '対象金額',
      penalty: 'ペナルティ',
      billedAmount: 'リリース請求額（{{kw}} kW）',
      net: '差引額',
      documentNo: '文書番号',
      documentKind: '帳票',
      issuedOn: '発行日',
      lineCount: '明細数',
      subtotal: '税抜差引額',
      base: '税抜対象額',
      tax: '消費税額',
      total: '税込金額',
    },
    run: {
      version: '精算の版',
      versionLabel: '第{{version}}版',
      versionCurrent: '第{{version}}版（最新）',
      none: '精算なし',
      progress: '精算の進捗',
      startedAt: '実行日時',
      assessmentVersion: 'アセスメント第{{version}}版に基づく',
      lines: '明細数',
      issuedAt: '支払通知書・請求書 発行済（{{at}}）',
      notIssued: '支払通知書・請求書 未発行',
      start: '精算を実行',
      confirmTitle: '精算の実行',
      confirmMessage:
        '{{month}}の容量確保契約金額を、最新のアセスメント結果に基づいて精算します。新しい版として記録されます。',
      issue: '支払通知書・請求書を発行',
      issueTitle: '支払通知書・請求書の発行',
      issueMessage:
        '{{month}}の精算（第{{version}}版）から、事業者ごとの支払通知書（差引額が負の事業者には請求書も）を発行します。発行後は、この月の精算を再実行できません。',
    },
    lines: {
      description: '対象月の容量確保契約金額を、契約・電源等ごとに表示します。',
      descriptionOperator:
        '対象月の精算を実行し、契約・電源等ごとの契約金額、差替による増減、ペナルティ、差引額を確認して、支払通知書・請求書を発行します。',
      tableLabel: '容量確保契約金額の一覧',
      resource: '電源等（識別番号・名称）',
      empty: '条件に合う明細はありません。',
      noRun: 'この月の精算結果はまだありません。',
    },
    line: {
      title: '{{contractNo}} {{month}}の契約金額',
      back: '容量確保契約金額の一覧へ戻る',
      amounts: '金額',
      penaltyTitle: 'ペナルティの按分',
      penaltyShare:
        'この電源等の当月ペナルティ {{total}}円（アセスメント第{{version}}版、上限適用後）を、契約ごとの対象金額の比（{{weight}}円 / {{weightTotal}}円）で按分し、{{share}}円をこの契約に計上しています。',
      penaltyTargets: 'ペナルティ対象（コマ別の内訳）',
      noPenalty: 'この電源等には当月のアセスメント結果がありません。',
      contractTitle: '契約と差替',
      contractTerms: '契約番号 {{contractNo}}：契約容量 {{contractKw}} kW、年額 {{annualAmount}}円',
      moveResource: '差替',
      moveKw: '容量(kW)',
      moveAmount: '金額(円)',
      to: '差替先',
      from: '差替元',
      noMoves: '当月の差替はありません。',
      documentsTitle: '発行済の帳票',
    },
    documents: {
      description: '月ごとの支払通知書・請求書です。文書番号を選ぶと明細と PDF を表示します。',
      tableLabel: '支払通知書・請求書の一覧',
      empty: '発行済の支払通知書・請求書はありません。',
    },
    document: {
      title: '{{kind}} {{documentNo}}',
      back: '支払通知書・請求書の一覧へ戻る',
      pdf: 'PDF をダウンロード',
      payable: 'お支払額(税込)',
      billed: 'ご請求額(税込)',
      relatedInvoice: '差引額が負のため、請求書 {{documentNo}} により請求しています。',
      relatedNotice: '支払通知書 {{documentNo}} とあわせて発行しました。',
      lines: '明細',
    },
  },
}

const en: Shape<typeof ja> = {
  settlement: {
    yen: 'yen',
    amountYen: '{{amount}} yen',
    lineKind: labelsIn(settlementLineKindLabels, 'en'),
    documentKind: labelsIn(settlementDocumentKindLabels, 'en'),
    month: {
      invalid: 'Enter the month as YYYY-MM',
    },
    fields: {
      month: 'Month',
      contractNo: 'Contract No.',
      kind: 'Kind',
      resource: 'Resource',
      participant: 'Participant',
      contractKw: 'Contract kW',
      monthlyAmount: 'Monthly amount',
      replacementAmount: 'Replacement',
      amount: 'Amount',
      penalty: 'Penalty',
      billedAmount: 'Release billed ({{kw}} kW)',
      net: 'Net',
      documentNo: 'Document No.',
      documentKind: 'Document',
      issuedOn: 'Issued on',
      lineCount: 'Lines',
      subtotal: 'Net (excl. tax)',
      base: 'Base (excl. tax)',
      tax: 'Consumption tax',
      total: 'Total (incl. tax)',
    },
    run: {
      version: 'Settlement version',
      versionLabel: 'Version {{version}}',
      versionCurrent: 'Version {{version}} (latest)',
      none: 'No settlement',
      progress: 'Settlement progress',
      startedAt: 'Started',
      assessmentVersion: 'From assessment version {{version}}',
      lines: 'Lines',
      issuedAt: 'Payment notices and invoices issued ({{at}})',
      notIssued: 'Payment notices and invoices not issued',
      start: 'Settle the month',
      confirmTitle: 'Settle the month',
      confirmMessage:
        'Settles the contract amounts of {{month}} on the latest assessment results, as a new version.',
      issue: 'Issue payment notices and invoices',
      issueTitle: 'Issue payment notices and invoices',
      issueMessage:
        'Issues from the settlement of {{month}} (version {{version}}) a payment notice per participant, and an invoice where its net is negative. Once issued, the month cannot be settled again.',
    },
    lines: {
      description: 'The contract amounts of the month, per contract and resource.',
      descriptionOperator:
        'Settle the month, check each contract’s amount, replacement moves, penalty and net, then issue the payment notices and invoices.',
      tableLabel: 'Contract amounts',
      resource: 'Resource (code or name)',
      empty: 'No lines match.',
      noRun: 'The month has no settlement yet.',
    },
    line: {
      title: '{{contractNo}}: amount of {{month}}',
      back: 'Back to the contract amounts',
      amounts: 'Amounts',
      penaltyTitle: 'Penalty share',
      penaltyShare:
        'The resource’s penalty of the month, {{total}} yen (assessment version {{version}}, caps applied), is shared among its contracts by their amounts ({{weight}} / {{weightTotal}} yen): {{share}} yen to this contract.',
      penaltyTargets: 'Penalty targets (by slot)',
      noPenalty: 'The resource has no assessment result this month.',
      contractTitle: 'Contract and replacement',
      contractTerms: 'Contract {{contractNo}}: {{contractKw}} kW, {{annualAmount}} yen a year',
      moveResource: 'Replacement',
      moveKw: 'kW',
      moveAmount: 'Yen',
      to: 'To',
      from: 'From',
      noMoves: 'No replacement this month.',
      documentsTitle: 'Documents issued',
    },
    documents: {
      description:
        'The payment notices and invoices of each month. Open a document for its lines and PDF.',
      tableLabel: 'Payment notices and invoices',
      empty: 'No payment notices or invoices issued.',
    },
    document: {
      title: '{{kind}} {{documentNo}}',
      back: 'Back to the payment notices and invoices',
      pdf: 'Download PDF',
      payable: 'Payable (incl. tax)',
      billed: 'Billed (incl. tax)',
      relatedInvoice: 'The net is negative: invoice {{documentNo}} bills it.',
      relatedNotice: 'Issued with payment notice {{documentNo}}.',
      lines: 'Lines',
    },
  },
}

export const settlementSections = { ja, en }
