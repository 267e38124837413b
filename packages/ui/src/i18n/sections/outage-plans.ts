/**
 * UI texts of outage plans (180) and their bulk files: the section `outagePlans` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

import { labelsIn, outagePlanReasonLabels, outagePlanStateLabels } from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  outagePlans: {
    description:
      '容量確保契約のある電源等の停止計画（点検・補修・工事など）を一覧します。登録・変更・取消は申込として広域機関が審査します。年度の等価停止日数が許容日数を超えるとペナルティの対象になります。',
    operatorDescription: '全事業者の容量停止計画を一覧します。申込の審査は申込一覧から行います。',
    register: '容量停止計画を登録申込',
    reason: labelsIn(outagePlanReasonLabels, 'ja'),
    state: labelsIn(outagePlanStateLabels, 'ja'),
    fiscalYear: '{{year}}年度',
    list: {
      tableLabel: '容量停止計画一覧',
      empty: '条件に一致する容量停止計画はありません。',
      search: '計画ID・識別番号・名称',
      period: '停止期間',
    },
    fields: {
      planNo: '計画ID',
      resource: '電源等',
      resourceCode: '電源等識別番号',
      resourceName: '電源等の名称',
      participant: '事業者',
      contractNo: '契約番号',
      contractKw: '契約容量(kW)',
      deliveryYear: '対象実需給年度',
      startAt: '停止開始日時',
      endAt: '停止終了日時',
      reducedKw: '停止容量(kW)',
      reason: '停止理由',
      note: '備考',
      state: '状態',
      equivalentDays: '等価停止日数',
      yearDays: '年度の等価停止日数',
      updatedAt: '更新日時',
    },
    days: '{{days}}日',
    yearDays: '{{days}} / {{allowance}}日',
    window: {
      title: '容量停止計画提出受付',
      open: '受付中：{{closesAt}}まで',
      upcoming: '受付開始前：{{opensAt}}から受付',
      closed: '受付期間外（前回：{{opensAt}}～{{closesAt}}）。登録・変更・取消の申込はできません。',
      none: 'この年度の容量停止計画提出受付の期間が設定されていません。',
      untilClose: '締切まで',
      untilOpen: '受付開始まで',
    },
    allowance: {
      title: '停止計画の許容日数',
      formula: '等価停止日数 = Σ(停止容量 × 停止日数) ÷ 契約容量',
      approved: '登録済みの計画',
      withPending: '審査中の申込を含む',
      withPlan: 'この計画を含む',
      thisPlan: 'この計画の等価停止日数',
      allowance: '許容日数',
      gauge: '{{days}}日 / 許容{{allowance}}日',
      notApplicable:
        'この区分の電源等には許容日数によるペナルティはありません（安定電源・変動電源(単独)が対象）。',
      noContract: 'この年度の容量確保契約がありません。',
    },
    form: {
      registerTitle: '容量停止計画の登録申込',
      changeTitle: '容量停止計画の変更申込',
      description:
        '停止開始・終了は日本時間の30分単位（00分・30分）で、対象実需給年度（4月1日0:00～3月31日24:00）の中で入力してください。停止容量は契約容量以下です。',
      chooseResource: '契約のある電源等を選択',
      noResources: 'この年度に容量確保契約のある電源等がありません。',
      stepHint: '30分単位',
      confirm: '確認',
      confirmTitle: '申込内容の確認',
      confirmDescription: '次の内容で申込みます。広域機関の審査後に計画が登録・変更されます。',
      resubmitConfirmDescription: '次の内容で修正し、再提出します。',
      back: '修正する',
      file: 'この内容で申込む',
      filed: '申込みました（受付番号 {{receiptNo}}）。広域機関の審査をお待ちください。',
    },
    detail: {
      title: '容量停止計画 {{planNo}}',
      values: '計画の内容',
      history: '申込の履歴',
      noHistory: '申込の履歴はありません。',
      change: '変更を申込',
      cancel: '取消を申込',
      back: '一覧へ戻る',
    },
    cancel: {
      title: '容量停止計画の取消申込',
      description: '計画 {{planNo}} の取消を申込みます。広域機関の審査後に取り消されます。',
      reason: '取消の理由',
      submit: '取消を申込む',
      close: '閉じる',
      filed: '取消を申込みました（受付番号 {{receiptNo}}）。',
    },
  },
}

const en: Shape<typeof ja> = {
  outagePlans: {
    description:
      'Planned outages (inspection, repair, construction, …) of resources with a capacity contract. Registrations, changes and cancellations are applications the market operator reviews. Equivalent outage days of a year beyond the allowance are penalised.',
    operatorDescription:
      'Outage plans of every participant. Applications are reviewed from the application list.',
    register: 'Apply to register an outage plan',
    reason: labelsIn(outagePlanReasonLabels, 'en'),
    state: labelsIn(outagePlanStateLabels, 'en'),
    fiscalYear: 'FY{{year}}',
    list: {
      tableLabel: 'Outage plans',
      empty: 'No outage plans match.',
      search: 'Plan ID, code or name',
      period: 'Outage period',
    },
    fields: {
      planNo: 'Plan ID',
      resource: 'Resource',
      resourceCode: 'Resource code',
      resourceName: 'Resource name',
      participant: 'Participant',
      contractNo: 'Contract No.',
      contractKw: 'Contract capacity (kW)',
      deliveryYear: 'Delivery year',
      startAt: 'Outage start',
      endAt: 'Outage end',
      reducedKw: 'Reduced capacity (kW)',
      reason: 'Reason',
      note: 'Note',
      state: 'State',
      equivalentDays: 'Equivalent outage days',
      yearDays: 'Equivalent days of the year',
      updatedAt: 'Updated',
    },
    days: '{{days}} days',
    yearDays: '{{days}} / {{allowance}} days',
    window: {
      title: 'Outage plan submission',
      open: 'Open until {{closesAt}}',
      upcoming: 'Not open yet: opens {{opensAt}}',
      closed:
        'Closed (last window {{opensAt}} – {{closesAt}}). No registration, change or cancellation can be filed.',
      none: 'No outage plan submission window is set for this year.',
      untilClose: 'Until it closes',
      untilOpen: 'Until it opens',
    },
    allowance: {
      title: 'Outage allowance',
      formula: 'Equivalent days = Σ(reduced kW × outage days) ÷ contract kW',
      approved: 'Plans in force',
      withPending: 'With applications under review',
      withPlan: 'With this plan',
      thisPlan: 'Equivalent days of this plan',
      allowance: 'Allowance',
      gauge: '{{days}} of {{allowance}} days',
      notApplicable:
        'No allowance penalty applies to this kind of resource (it applies to stable and single variable resources).',
      noContract: 'There is no capacity contract for this year.',
    },
    form: {
      registerTitle: 'Apply to register an outage plan',
      changeTitle: 'Apply to change an outage plan',
      description:
        'Start and end on 30-minute steps in JST (:00 or :30), inside the delivery year (April 1 00:00 to March 31 24:00). The reduced capacity is at most the contract capacity.',
      chooseResource: 'Choose a contracted resource',
      noResources: 'No resource has a capacity contract in this year.',
      stepHint: '30-minute steps',
      confirm: 'Review',
      confirmTitle: 'Review the application',
      confirmDescription:
        'The following will be filed. The plan is registered or changed once the market operator approves it.',
      resubmitConfirmDescription: 'The application will be corrected and resubmitted as follows.',
      back: 'Edit',
      file: 'File the application',
      filed: 'Filed (receipt {{receiptNo}}). The market operator will review it.',
    },
    detail: {
      title: 'Outage plan {{planNo}}',
      values: 'The plan',
      history: 'Applications',
      noHistory: 'No applications.',
      change: 'Apply to change',
      cancel: 'Apply to cancel',
      back: 'Back to the list',
    },
    cancel: {
      title: 'Apply to cancel an outage plan',
      description:
        'Plan {{planNo}} will be cancelled once the market operator approves the application.',
      reason: 'Reason for cancelling',
      submit: 'Apply to cancel',
      close: 'Close',
      filed: 'Cancellation filed (receipt {{receiptNo}}).',
    },
  },
}

export const outagePlansSections = { ja, en }
