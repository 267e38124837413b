/**
 * UI texts of the succession, merger and exit (G50): the section `successions` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */
import { labelsIn, successionKindLabels, successionStateLabels } from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  successions: {
    title: '電源承継・事業者統合・市場退出',
    kind: labelsIn(successionKindLabels, 'ja'),
    state: labelsIn(successionStateLabels, 'ja'),
    list: {
      new: '新規申込',
      tableLabel: '申込の一覧',
      empty: '電源承継・事業者統合・市場退出の申込はありません。',
      search: '申込番号',
      allKinds: 'すべての種別',
      allStates: 'すべての状態',
    },
    columns: {
      receiptNo: '受付番号',
      successionNo: '申込番号',
      kind: '種別',
      from: '申込事業者',
      to: '承継先事業者',
      effectiveMonth: '効力発生月',
      state: '状態',
      updatedAt: '更新日時',
    },
    fields: {
      kind: '種別',
      resources: '承継する電源等',
      toParticipantCode: '承継先の事業者コード',
      effectiveMonth: '効力発生月',
      reason: '理由',
      contractNo: '契約番号',
      resourceCode: '電源等識別番号',
      resourceName: '電源等の名称',
      deliveryYear: '実需給年度',
      contractKw: '契約容量(kW)',
      months: '承継先に移る月',
      contractState: '契約の状態',
      consentedBy: '承継先の同意',
      declineReason: '辞退理由',
      applicationState: '審査の状況',
      effectedAt: '効力発生の処理日時',
      participantCode: '事業者コード',
      contractNos: '対象契約',
    },
    form: {
      title: '電源承継・事業者統合・市場退出の申込',
      kindHelp: {
        succession: '選んだ電源等とそのすべての契約を、効力発生月から承継先の事業者に移します。',
        merger:
          '自社のすべての電源等と契約を承継先の事業者に移し、自社は効力発生月の初日に退会となります。',
        exit: '自社のすべての契約を効力発生月の初日に解約し(市場退出ペナルティがかかります)、自社は退会となります。',
      },
      resourcesHelp: '電源等ごとに、その契約(解約済みを除く)がすべて承継されます。',
      effectiveMonthHelp:
        'その月の1日(日本時間)から効力が生じます。支払通知書・請求書を発行済みの月より後にしてください。',
      noResources: '承継できる電源等がありません。',
      submit: '申し込む',
      confirmTitle: '申込の確認',
      confirm: {
        succession: '{{to}} への電源承継を申し込みます。承継先の同意の後、広域機関が審査します。',
        merger:
          '{{to}} への事業者統合を申し込みます。承認されると効力発生月から自社は退会となり、ログインできなくなります。',
        exit: '市場退出を申し込みます。承認されると効力発生月からすべての契約が解約され、ペナルティ合計 {{total}} 円が課されます。',
      },
      exitPenalty: '市場退出ペナルティ(本日申し込んだ場合)',
      exitPenaltyNone: '解約される契約はありません。',
      exitPenaltyNote:
        '容量確保契約金額の算定(ペナルティ要素・市場退出)と同じ計算です。申込日で追加オークション判断期限の前後を判定します。',
      rate: '料率',
      amount: 'ペナルティ額(円)',
      total: '合計',
      filed: '申込番号 {{no}} で受け付けました。',
    },
    detail: {
      title: '申込 {{no}}',
      back: '一覧に戻る',
      summary: '申込の内容',
      moves: '移る電源等と契約',
      ends: '解約される契約',
      noMoves: '対象の電源等・契約はありません。',
      mergerNote:
        '承認されると、効力発生月の初日に申込事業者は退会となり、そのユーザはログインできなくなります。',
      exitNote: '承認されると、効力発生月の初日に契約が解約され、市場退出ペナルティが課されます。',
      effected: '効力発生済み({{at}})',
      pending: '効力発生月の初日に自動で反映されます。',
      consent: '同意する',
      decline: '辞退する',
      withdraw: '取り下げる',
      consentConfirm:
        'この申込に承継先として同意します。同意すると申込は広域機関の審査に進みます。よろしいですか。',
      declineTitle: '辞退の理由',
      withdrawConfirm: 'この申込を取り下げます。よろしいですか。',
      review: '審査',
      startReview: '審査を開始',
      approve: '承認',
      return: '差戻し',
      reject: '却下',
      approveConfirm:
        'この申込を承認します。保有者の履歴が効力発生月から書き換わり、効力発生月が始まっていればただちに反映されます。よろしいですか。',
      commentTitle: '理由',
      openApplication: '申込(審査画面)を開く',
      done: '処理しました。',
      waitingConsent: '承継先の管理者ユーザの同意を待っています。',
    },
    application: {
      content: '申込の内容',
      issued: '申込番号 {{no}}: 契約 {{contracts}} 件',
      approveMessage:
        'この申込を承認します。効力発生月から契約・電源等の保有者が替わります(事業者統合・市場退出では申込事業者が退会となります)。',
    },
  },
}

const en: Shape<typeof ja> = {
  successions: {
    title: 'Succession, merger, exit',
    kind: labelsIn(successionKindLabels, 'en'),
    state: labelsIn(successionStateLabels, 'en'),
    list: {
      new: 'New application',
      tableLabel: 'Applications',
      empty: 'No succession, merger or exit applications.',
      search: 'Succession number',
      allKinds: 'All kinds',
      allStates: 'All states',
    },
    columns: {
      receiptNo: 'Receipt no.',
      successionNo: 'Succession no.',
      kind: 'Kind',
      from: 'From',
      to: 'To',
      effectiveMonth: 'Effective month',
      state: 'State',
      updatedAt: 'Updated at',
    },
    fields: {
      kind: 'Kind',
      resources: 'Resources to hand over',
      toParticipantCode: 'Receiving participant code',
      effectiveMonth: 'Effective month',
      reason: 'Reason',
      contractNo: 'Contract no.',
      resourceCode: 'Resource code',
      resourceName: 'Resource name',
      deliveryYear: 'Delivery year',
      contractKw: 'Contract kW',
      months: 'Months that move',
      contractState: 'Contract state',
      consentedBy: 'Receiver’s consent',
      declineReason: 'Reason for declining',
      applicationState: 'Review',
      effectedAt: 'Took effect at',
      participantCode: 'Participant code',
      contractNos: 'Contracts',
    },
    form: {
      title: 'Apply for a succession, merger or exit',
      kindHelp: {
        succession:
          'The chosen resources and all their contracts move to the receiving participant from the effective month.',
        merger:
          'All your resources and contracts move to the receiving participant; your company is closed on the first day of the effective month.',
        exit: 'All your contracts end on the first day of the effective month (with the market exit penalty) and your company is closed.',
      },
      resourcesHelp: 'Each resource moves with all its contracts (terminated ones excepted).',
      effectiveMonthHelp:
        'Takes effect on the first day of the month (JST); it must be after the last month with issued payment notices or invoices.',
      noResources: 'You have no resources to hand over.',
      submit: 'Apply',
      confirmTitle: 'Confirm the application',
      confirm: {
        succession:
          'Apply for a succession to {{to}}. After the receiver consents, OCCTO reviews it.',
        merger:
          'Apply for a merger into {{to}}. Once approved, your company is closed from the effective month and can no longer log in.',
        exit: 'Apply for a market exit. Once approved, every contract ends from the effective month and penalties of {{total}} yen in total are charged.',
      },
      exitPenalty: 'Market exit penalty (if filed today)',
      exitPenaltyNone: 'No contract would end.',
      exitPenaltyNote:
        'The same computation as the penalty factors’ market exit; the filing date decides before or after the additional-auction deadline.',
      rate: 'Rate',
      amount: 'Penalty (yen)',
      total: 'Total',
      filed: 'Received as {{no}}.',
    },
    detail: {
      title: 'Application {{no}}',
      back: 'Back to the list',
      summary: 'Application',
      moves: 'Resources and contracts that move',
      ends: 'Contracts that end',
      noMoves: 'No resources or contracts concerned.',
      mergerNote:
        'Once approved, the applicant is closed on the first day of the effective month and its users can no longer log in.',
      exitNote:
        'Once approved, the contracts end on the first day of the effective month with the market exit penalty.',
      effected: 'Took effect ({{at}})',
      pending: 'Takes effect automatically on the first day of the effective month.',
      consent: 'Consent',
      decline: 'Decline',
      withdraw: 'Withdraw',
      consentConfirm:
        'You consent to receive this succession; the application then goes to OCCTO for review. Continue?',
      declineTitle: 'Reason for declining',
      withdrawConfirm: 'Withdraw this application?',
      review: 'Review',
      startReview: 'Start review',
      approve: 'Approve',
      return: 'Return',
      reject: 'Reject',
      approveConfirm:
        'Approve this application? The holder history changes from the effective month, and takes effect at once if that month has begun.',
      commentTitle: 'Reason',
      openApplication: 'Open the application (review screen)',
      done: 'Done.',
      waitingConsent: 'Waiting for the receiving participant’s administrator to consent.',
    },
    application: {
      content: 'Application',
      issued: 'Succession {{no}}: {{contracts}} contracts',
      approveMessage:
        'Approve this application? The holder of the contracts and resources changes from the effective month (a merger or exit closes the applicant).',
    },
  },
}

export const successionsSections = { ja, en }
