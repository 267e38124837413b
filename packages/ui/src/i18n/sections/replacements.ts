/**
 * UI texts of replacements (160): the section `replacements` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

import { labelsIn, replacementStateLabels } from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  replacements: {
    description:
      '自社の容量確保契約の容量を、月単位で同じエリアの他の電源等に差し替えます。差替先が他社の電源等の場合は相手方の同意を得てから、広域機関が審査します。',
    operatorDescription:
      '全事業者の電源等差替を一覧します。審査は申込一覧（申込詳細）から行います。',
    file: '差替を申し込む',
    state: labelsIn(replacementStateLabels, 'ja'),
    side: { given: '差替元（自社の契約）', received: '差替先（自社の電源等）', all: 'すべて' },
    list: {
      tableLabel: '電源等差替一覧',
      empty: '条件に一致する電源等差替はありません。',
      search: '契約番号または電源等識別番号',
      side: '区分',
      deliveryYear: '実需給年度',
    },
    fields: {
      contract: '契約',
      contractNo: '契約番号',
      contractKw: '契約容量(kW)',
      participant: '差替元事業者',
      resourceCode: '差替元電源等',
      replacingResourceCode: '差替先電源等',
      replacingParticipant: '差替先事業者',
      kw: '差替容量(kW)',
      period: '対象期間',
      fromMonth: '対象期間（開始月）',
      toMonth: '対象期間（終了月）',
      reason: '差替理由',
      state: '状態',
      area: 'エリア',
      deliveryYear: '実需給年度',
      consentedAt: '相手方の同意',
      declineReason: '辞退の理由',
      application: '申込',
      updatedAt: '更新日時',
    },
    fiscalYear: '{{year}}年度',
    detail: {
      title: '電源等差替 {{contractNo}}',
      summary: '差替の内容',
      allocation: '月別の配分',
      allocationLabel: '月別の配分（契約電源等と差替先電源等）',
      month: '月',
      originalKw: '契約電源等(kW)',
      replacingKw: '差替先電源等(kW)',
      consentNeeded:
        '差替先電源等の事業者として、この差替に同意するか辞退してください。同意すると広域機関の審査に回ります。',
      waitingConsent: '差替先の事業者の同意を待っています。',
      openApplication: '申込詳細を開く',
      openReplacement: '電源等差替の詳細（月別の配分）を開く',
      consent: '同意する',
      consentConfirm: 'この差替に同意し、広域機関の審査に回します。よろしいですか？',
      decline: '辞退する',
      declineReason: '辞退の理由（任意）',
      withdraw: '取り下げる',
      withdrawConfirm: 'この差替の申込を取り下げます。よろしいですか？',
      consented: '同意しました。広域機関の審査に回りました。',
      declined: '辞退しました。',
      withdrawn: '取り下げました。',
      consentedBy: '{{at}} {{name}}',
    },
    form: {
      title: '電源等差替の申込',
      contract: '差替元の契約',
      contractOption: '{{contractNo}} {{resourceCode}}（{{kw}}kW）',
      noContracts: '差替できる契約（確認済・実需給期間中・変更契約済）がありません。',
      replacingResourceCode: '差替先電源等の電源等識別番号',
      freeTitle: '差替先電源等の月別の空き容量',
      freeLabel: '差替先電源等の月別の空き容量',
      expectedKw: '承認済み期待容量: {{kw}}kW',
      noExpected: 'この電源等には{{year}}年度の承認済み期待容量がありません。',
      carriedKw: '既に担う容量(kW)',
      freeKw: '空き容量(kW)',
      contractAvailableKw: '差替できる契約容量(kW)',
      inPeriod: '対象',
      submit: '申し込む',
      filed: '差替を申し込みました。',
      filedConsent: '差替を申し込みました。差替先の事業者の同意を待っています。',
    },
    correctionHint:
      '差替先・容量・対象期間は相手方が同意した内容のため変更できません。変更する場合は取り下げてから申し込み直してください。',
    approveMessage:
      '承認すると月別の配分が記録され、契約 {{contractNo}} の変更契約（差替）が作成されます。',
    issued: '契約 {{contractNo}} の変更（第{{seq}}回）',
  },
}

const en: Shape<typeof ja> = {
  replacements: {
    description:
      'Move capacity of your capacity contracts, for whole months, to another resource in the same area. When the replacing resource belongs to another participant, it consents first; then the market operator reviews.',
    operatorDescription:
      'Every participant’s replacements. Review them from the applications (application detail).',
    file: 'File a replacement',
    state: labelsIn(replacementStateLabels, 'en'),
    side: { given: 'Given (own contracts)', received: 'Received (own resources)', all: 'All' },
    list: {
      tableLabel: 'Replacements',
      empty: 'No replacements match.',
      search: 'Contract number or resource code',
      side: 'Side',
      deliveryYear: 'Delivery year',
    },
    fields: {
      contract: 'Contract',
      contractNo: 'Contract number',
      contractKw: 'Contract kW',
      participant: 'Giving participant',
      resourceCode: 'Contracted resource',
      replacingResourceCode: 'Replacing resource',
      replacingParticipant: 'Receiving participant',
      kw: 'Replaced kW',
      period: 'Period',
      fromMonth: 'First month',
      toMonth: 'Last month',
      reason: 'Reason',
      state: 'State',
      area: 'Area',
      deliveryYear: 'Delivery year',
      consentedAt: 'Counterparty consent',
      declineReason: 'Reason for declining',
      application: 'Application',
      updatedAt: 'Updated',
    },
    fiscalYear: 'FY{{year}}',
    detail: {
      title: 'Replacement {{contractNo}}',
      summary: 'Replacement',
      allocation: 'Allocation by month',
      allocationLabel: 'Allocation by month (contracted and replacing resource)',
      month: 'Month',
      originalKw: 'Contracted resource (kW)',
      replacingKw: 'Replacing resource (kW)',
      consentNeeded:
        'As the participant of the replacing resource, consent to this replacement or decline it. Once you consent, the market operator reviews it.',
      waitingConsent: 'Waiting for the replacing participant’s consent.',
      openApplication: 'Open the application',
      openReplacement: 'Open the replacement (allocation by month)',
      consent: 'Consent',
      consentConfirm: 'Consent to this replacement and send it for review?',
      decline: 'Decline',
      declineReason: 'Reason for declining (optional)',
      withdraw: 'Withdraw',
      withdrawConfirm: 'Withdraw this replacement?',
      consented: 'Consented. The replacement is now under review.',
      declined: 'Declined.',
      withdrawn: 'Withdrawn.',
      consentedBy: '{{at}} {{name}}',
    },
    form: {
      title: 'File a replacement',
      contract: 'Contract giving capacity',
      contractOption: '{{contractNo}} {{resourceCode}} ({{kw}} kW)',
      noContracts: 'No contract can be replaced (confirmed, active or amended).',
      replacingResourceCode: 'Replacing resource code',
      freeTitle: 'Free capacity of the replacing resource by month',
      freeLabel: 'Free capacity of the replacing resource by month',
      expectedKw: 'Approved expected capacity: {{kw}} kW',
      noExpected: 'This resource has no approved expected capacity for FY{{year}}.',
      carriedKw: 'Already carried (kW)',
      freeKw: 'Free (kW)',
      contractAvailableKw: 'Contract kW replaceable',
      inPeriod: 'In period',
      submit: 'File',
      filed: 'Replacement filed.',
      filedConsent: 'Replacement filed. Waiting for the replacing participant’s consent.',
    },
    correctionHint:
      'The replacing resource, kW and period were consented to by the counterparty and cannot change; to change them, withdraw and file again.',
    approveMessage:
      'Approving records the allocation by month and makes the change contract (replacement) of contract {{contractNo}}.',
    issued: 'Contract {{contractNo}} amended (no. {{seq}})',
  },
}

export const replacementsSections = { ja, en }
