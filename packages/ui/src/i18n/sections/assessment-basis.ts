/**
 * UI texts of the basis of the assessment (B00 outage plans in the year, B10 parameters, B20
 * allocation): the section `assessmentBasis` of both catalogues. B00 shows 180's screens and
 * texts (section `outage-plans`). System messages with IDs live in @yoryo/contracts, not here.
 */
import { labelsIn, resourceKindLabels } from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  assessmentBasis: {
    description:
      '対象月のアセスメントで用いる諸元です。差替を反映した契約容量・契約金額(A)と、単価 U = A ÷ 契約容量、ペナルティの上限額を電源等ごとに表示します。行の「内訳」で契約と差替配分を確認できます。',
    monthLabel: '{{year}}年{{month}}月',
    days: '{{days}}日',
    times: '年{{count}}回',
    kind: labelsIn(resourceKindLabels, 'ja'),
    fields: {
      month: '対象月',
      deliveryYear: '実需給年度',
      resourceCode: '電源等識別番号',
      resourceName: '電源等の名称',
      participant: '事業者',
      kind: '電源等の区分',
      contractKw: '契約容量(kW)',
      annualAmount: '契約金額 A(円/年)',
      unitPrice: '単価 U(円/kW・年)',
      monthlyCap: '月間上限額(円)',
      annualCap: '年間上限額(円)',
      replacement: '差替配分',
      outageAllowanceDays: '計画停止の許容日数',
      unplannedOutageMultiplier: '計画外停止の倍率',
      supplyInstructionMultiplier: '供給指示未達の倍率',
      reserveNoticeMultiplier: '需給ひっ迫時の未応札の倍率',
      expectedOrdersPerYear: '発動指令の想定回数',
      monthlyCapShare: '月間上限(Aに対する割合)',
      annualCapShare: '年間上限(Aに対する割合)',
      direction: '区分',
      fromResource: '差替元電源等',
      toResource: '差替先電源等',
      allocatedKw: '配分容量(kW)',
      contractKwOfContract: '契約の契約容量(kW)',
      allocatedAmount: '配分金額(円/年)',
    },
    hints: {
      days: '0以上、小数点以下4桁まで',
      share: '例: 0.183 = 18.3 %(0より大きく10以下)',
      annualShare: '例: 1.1 = 110 %(0より大きく10以下)',
    },
    parameters: {
      title: '{{year}}年度の算定諸元',
      defaults: '算定諸元は未登録のため、市場ルールの既定値を表示しています。',
      version: '第{{version}}版(更新 {{at}})',
      create: '既定値から作成',
      change: '変更',
      changeTitle: '{{year}}年度の算定諸元の変更',
      changeDescription:
        '変更すると新しい版として保存され、変更履歴は監査ログに記録されます。以後のアセスメントに適用されます。',
      save: '変更を保存',
    },
    list: {
      title: '{{month}}の電源等別諸元',
      empty: 'この月に算定対象となる電源等はありません。',
      search: '電源等識別番号・名称',
      breakdown: '内訳',
      toggle: '{{code}}の内訳を表示・非表示',
    },
    detail: {
      title: '{{code}}の契約容量の内訳',
      what: '内訳',
      contract: '契約',
      out: '差替で配分(出)',
      in: '差替で受入(入)',
      contractNo: '契約番号',
      other: '相手の電源等',
      total: '算定に用いる値',
    },
    direction: {
      out: '配分(出)',
      in: '受入(入)',
    },
    allocations: {
      description:
        '差替により、自社の契約容量のうち他の電源等で評価される分(出)と、他社・他電源の契約容量のうち自社の電源等で評価される分(入)を月別に表示します。',
      title: '{{year}}年度の差替配分',
      empty: 'この条件に該当する差替配分はありません。',
      search: '電源等・契約番号',
    },
  },
}

const en: Shape<typeof ja> = {
  assessmentBasis: {
    description:
      'What the assessment of the month uses: per resource, the contract capacity and the annual amount (A) after replacement, the unit U = A ÷ contract kW and the penalty caps. "Breakdown" on a row shows the contracts and allocations behind them.',
    monthLabel: '{{year}}-{{month}}',
    days: '{{days}} days',
    times: '{{count}} per year',
    kind: labelsIn(resourceKindLabels, 'en'),
    fields: {
      month: 'Month',
      deliveryYear: 'Delivery year',
      resourceCode: 'Resource code',
      resourceName: 'Resource name',
      participant: 'Participant',
      kind: 'Resource kind',
      contractKw: 'Contract capacity (kW)',
      annualAmount: 'Annual amount A (yen)',
      unitPrice: 'Unit U (yen/kW-year)',
      monthlyCap: 'Monthly cap (yen)',
      annualCap: 'Annual cap (yen)',
      replacement: 'Replacement',
      outageAllowanceDays: 'Planned outage allowance',
      unplannedOutageMultiplier: 'Unplanned outage multiplier',
      supplyInstructionMultiplier: 'Supply instruction multiplier',
      reserveNoticeMultiplier: 'Reserve notice multiplier',
      expectedOrdersPerYear: 'Expected dispatch orders',
      monthlyCapShare: 'Monthly cap (share of A)',
      annualCapShare: 'Annual cap (share of A)',
      direction: 'Direction',
      fromResource: 'From resource',
      toResource: 'To resource',
      allocatedKw: 'Allocated (kW)',
      contractKwOfContract: 'Contract capacity (kW)',
      allocatedAmount: 'Allocated amount (yen)',
    },
    hints: {
      days: '0 or more, up to 4 decimal places',
      share: 'e.g. 0.183 = 18.3 % (above 0, at most 10)',
      annualShare: 'e.g. 1.1 = 110 % (above 0, at most 10)',
    },
    parameters: {
      title: 'Assessment parameters of FY{{year}}',
      defaults: 'No parameters are stored for this year yet: the market rules’ defaults are shown.',
      version: 'Version {{version}} (updated {{at}})',
      create: 'Create from the defaults',
      change: 'Change',
      changeTitle: 'Change the assessment parameters of FY{{year}}',
      changeDescription:
        'A change is saved as a new version and recorded in the audit log. It applies to the assessments from now on.',
      save: 'Save the change',
    },
    list: {
      title: 'Per resource, {{month}}',
      empty: 'No resource is assessed in this month.',
      search: 'Resource code or name',
      breakdown: 'Breakdown',
      toggle: 'Show or hide the breakdown of {{code}}',
    },
    detail: {
      title: 'Contract capacity of {{code}}: breakdown',
      what: 'Item',
      contract: 'Contract',
      out: 'Allocated out',
      in: 'Allocated in',
      contractNo: 'Contract No.',
      other: 'Other resource',
      total: 'Used by the assessment',
    },
    direction: {
      out: 'Out',
      in: 'In',
    },
    allocations: {
      description:
        'By month: the kW of your contracts that replacement moved to another resource (out, assessed there) and the kW of other contracts assessed on your resources (in).',
      title: 'Replacement allocation, FY{{year}}',
      empty: 'No allocation matches.',
      search: 'Resource or contract No.',
    },
  },
}

export const assessmentBasisSections = { ja, en }
