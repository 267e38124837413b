/**
 * UI texts of the release auction amounts (F30): release offers, their clearing, the granted and billed amounts: the section `release-amounts` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  releaseAmounts: {
    description:
      'リリースオークションで公表されたリリース容量について、契約・月ごとの交付額と請求額を確認できます。',
    tableLabel: 'リリースオークション交付額・請求額の一覧',
    empty: '条件に合うリリースはありません。',
    toOffers: 'リリース入札',
    yen: '円',
    fields: {
      deliveryYear: '対象実需給年度',
      month: '対象年月',
      auctionCode: 'オークションID',
      contractNo: '契約番号',
      resource: '電源等',
      participant: '事業者',
      contractKw: '契約容量(kW)',
      releasedKw: 'リリース容量(kW)',
      releasePrice: 'リリース価格(円/kW)',
      monthlyAmount: '月額契約金額(円)',
      grantedAmount: '交付額(円)',
      billedAmount: '請求額(円)',
    },
    offers: {
      title: 'リリース入札',
      description:
        '対象年度の締結済みの契約について、リリースする容量と価格（事業者が支払う年額単価）を入札します。受付期間内は変更・取下げができます。',
      descriptionOperator:
        '入札を確認し、応札受付の締切後に約定処理を行い、結果を公表します。公表したリリース容量は対象年度の4月から要件の対象外となり、毎月請求額が発生します。',
      auction: 'リリースオークション',
      noAuction: 'この年度のリリースオークションはありません。',
      window: '応札受付：{{opensAt}}～{{closesAt}}',
      target: 'リリース目標量：{{kw}} kW',
      targetUnset: 'リリース目標量：未設定',
      result: '約定結果：リリース価格 {{price}} 円/kW・リリース容量 {{kw}} kW',
      resultNone: '約定結果：リリースなし',
      tableLabel: 'リリース入札の一覧',
      empty: '入札できる契約はありません。',
      emptyOperator: '入札はまだありません。',
      unreleasedKw: 'リリース可能(kW)',
      areaPrice: '価格上限(円/kW)',
      offerKw: 'リリース容量(kW)',
      offerPrice: '価格(円/kW)',
      releasedKw: '約定(kW)',
      status: '状態',
      submittedAt: '受付日時',
      statusNone: '未入札',
      statusLive: '入札中',
      statusWithdrawn: '取下げ',
      statusReleased: '約定',
      statusNotReleased: '非約定',
      register: '入札',
      change: '変更',
      withdraw: '取下げ',
      clear: '約定処理',
      publish: '結果を公表',
      confirmPublish:
        'リリースオークションの結果を公表します。公表後はリリース容量が契約に反映され、取り消せません。よろしいですか。',
      saved: '契約{{contractNo}}のリリース入札を受け付けました。',
      withdrawn: '契約{{contractNo}}のリリース入札を取り下げました。',
      cleared: '約定処理を行いました。',
      published: '結果を公表しました。',
    },
  },
}

const en: Shape<typeof ja> = {
  releaseAmounts: {
    description:
      'The granted and billed amounts per contract and month for the kW released by published release auctions.',
    tableLabel: 'Release auction amounts',
    empty: 'No releases match.',
    toOffers: 'Release offers',
    yen: 'yen',
    fields: {
      deliveryYear: 'Delivery year',
      month: 'Month',
      auctionCode: 'Auction code',
      contractNo: 'Contract No.',
      resource: 'Resource',
      participant: 'Participant',
      contractKw: 'Contract kW',
      releasedKw: 'Released kW',
      releasePrice: 'Release price (yen/kW)',
      monthlyAmount: 'Monthly amount (yen)',
      grantedAmount: 'Granted (yen)',
      billedAmount: 'Billed (yen)',
    },
    offers: {
      title: 'Release offers',
      description:
        'Offer kW of your concluded contracts of the year back, at the price per kW-year you will pay. You can change or withdraw an offer while the window is open.',
      descriptionOperator:
        'Check the offers, clear the auction once bidding has closed, then publish the result. Published kW carry no requirement from April of the year and are billed every month.',
      auction: 'Release auction',
      noAuction: 'There is no release auction for this year.',
      window: 'Bidding: {{opensAt}} to {{closesAt}}',
      target: 'Release target: {{kw}} kW',
      targetUnset: 'Release target: not set',
      result: 'Result: release price {{price}} yen/kW, released {{kw}} kW',
      resultNone: 'Result: nothing released',
      tableLabel: 'Release offers',
      empty: 'No contracts can be offered.',
      emptyOperator: 'No offers yet.',
      unreleasedKw: 'Releasable (kW)',
      areaPrice: 'Price cap (yen/kW)',
      offerKw: 'Release (kW)',
      offerPrice: 'Price (yen/kW)',
      releasedKw: 'Released (kW)',
      status: 'Status',
      submittedAt: 'Received',
      statusNone: 'No offer',
      statusLive: 'Offered',
      statusWithdrawn: 'Withdrawn',
      statusReleased: 'Released',
      statusNotReleased: 'Not released',
      register: 'Offer',
      change: 'Change',
      withdraw: 'Withdraw',
      clear: 'Clear',
      publish: 'Publish result',
      confirmPublish:
        'Publish the release auction’s result? The released kW then apply to the contracts; this cannot be undone.',
      saved: 'The release offer for contract {{contractNo}} was accepted.',
      withdrawn: 'The release offer for contract {{contractNo}} was withdrawn.',
      cleared: 'The auction was cleared.',
      published: 'The result was published.',
    },
  },
}

export const releaseAmountsSections = { ja, en }
