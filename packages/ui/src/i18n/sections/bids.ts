/**
 * UI texts of bids (110), their receipts and bulk bids: the section `bids` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  bids: {
    list: {
      title: '応札情報管理',
      description:
        '応札受付中と直近のオークションです。オークションIDを選ぶと、参加資格のある電源等ごとに応札できます。',
      empty: '応札できるオークションはまだありません。',
      auction: 'オークションID',
      type: '種別',
      deliveryYear: '対象実需給年度',
      window: '応札受付期間',
      countdown: '締切まで',
      bids: '応札済／参加資格',
      bidsValue: '{{bids}} / {{qualified}}',
      year: '{{year}}年度',
    },
    type: { main: 'メインオークション', additional: '追加オークション' },
    windowState: { open: '受付中', upcoming: '受付前', closed: '受付終了', none: '未設定' },
    auction: {
      title: '応札（{{code}}）',
      back: 'オークション一覧へ',
      windowLine: '応札受付期間：{{opensAt}}～{{closesAt}}',
      closed:
        '{{window}}は{{closesAt}}に締め切りました。応札の登録・変更・取下げはできません（受付はサーバーの時刻で判定します）。',
      upcoming: '{{window}}は{{opensAt}}に始まります。',
      notOpen: 'このオークションは応札を受け付けていません。',
      maxPrice: '上限価格：{{value}} 円/kW',
      serverTime: 'サーバー時刻 {{value}}',
      resources: '参加資格のある電源等',
      empty: '参加資格のある電源等がありません。',
    },
    fields: {
      resourceCode: '電源等識別番号',
      resourceName: '電源等の名称',
      participant: '事業者',
      area: 'エリア',
      expectedKw: '期待容量(kW)',
      state: '応札状況',
      kw: '応札容量(kW)',
      price: '応札価格(円/kW)',
      version: '版',
      submittedAt: '受付日時',
      actions: '操作',
    },
    state: { none: '未応札', bid: '応札済', withdrawn: '取下げ' },
    actions: {
      register: '応札',
      change: '変更',
      withdraw: '取下げ',
      history: '履歴',
    },
    form: {
      registerTitle: '応札の登録（{{code}}）',
      changeTitle: '応札の変更（{{code}}・版 {{version}}）',
      kwHint: '1,000 kW以上、期待容量 {{max}} kW以下',
      priceHint: '0 円/kW以上、{{max}} 円/kW以下（整数）',
      submitRegister: '応札する',
      submitChange: '変更する',
      cancel: 'キャンセル',
    },
    withdraw: {
      title: '応札の取下げ（{{code}}）',
      body: '取り下げた応札は約定処理の対象になりません。受付期間中であれば再び応札できます。',
      confirm: '取り下げる',
    },
    receipt: {
      title: '受付証',
      accepted: '{{resourceCode}} の応札を受け付けました（{{action}}・版 {{version}}）。',
      acceptedAt: '受付日時（サーバー時刻）',
      sha256: 'SHA-256',
      keyId: '鍵ID',
      json: '受付証（JSON）',
      pdf: '受付証（PDF）',
      howToVerify:
        'JSON の受付証は、公開鍵（GET /api/v1/receipt-keys）があればシステムに頼らず検証できます（README「Verifying a receipt」）。',
      close: '閉じる',
    },
    action: { register: '登録', change: '変更', withdraw: '取下げ' },
    history: {
      title: '応札の履歴（{{code}}）',
      versionNo: '版',
      action: '処理',
      acceptedAt: '受付日時',
      user: '操作者',
      download: '受付証',
    },
    bulk: {
      title: '応札情報の一括登録・変更（850／860／870）',
      description:
        'ファイルの各行は画面からの応札と同じ規則で確認され、受付期間内に反映された行ごとに受付証が作成されます。',
    },
  },
}

const en: Shape<typeof ja> = {
  bids: {
    list: {
      title: 'Bids',
      description:
        'Auctions open for bidding and recent ones. Choose an auction ID to bid for each qualified resource.',
      empty: 'There are no auctions to bid in yet.',
      auction: 'Auction ID',
      type: 'Type',
      deliveryYear: 'Delivery year',
      window: 'Bidding window',
      countdown: 'Until the close',
      bids: 'Bids / qualified',
      bidsValue: '{{bids}} / {{qualified}}',
      year: 'FY{{year}}',
    },
    type: { main: 'Main auction', additional: 'Additional auction' },
    windowState: { open: 'Open', upcoming: 'Not yet open', closed: 'Closed', none: 'Not set' },
    auction: {
      title: 'Bids ({{code}})',
      back: 'Back to the auctions',
      windowLine: 'Bidding window: {{opensAt}} to {{closesAt}}',
      closed:
        '{{window}} closed at {{closesAt}}. Bids can no longer be registered, changed or withdrawn (the server’s clock decides).',
      upcoming: '{{window}} opens at {{opensAt}}.',
      notOpen: 'This auction does not accept bids.',
      maxPrice: 'Price cap: {{value}} yen/kW',
      serverTime: 'Server time {{value}}',
      resources: 'Qualified resources',
      empty: 'No qualified resources.',
    },
    fields: {
      resourceCode: 'Resource code',
      resourceName: 'Resource name',
      participant: 'Participant',
      area: 'Area',
      expectedKw: 'Expected capacity (kW)',
      state: 'Bid state',
      kw: 'Bid capacity (kW)',
      price: 'Bid price (yen/kW)',
      version: 'Version',
      submittedAt: 'Accepted at',
      actions: 'Actions',
    },
    state: { none: 'No bid', bid: 'Bid', withdrawn: 'Withdrawn' },
    actions: {
      register: 'Bid',
      change: 'Change',
      withdraw: 'Withdraw',
      history: 'History',
    },
    form: {
      registerTitle: 'Bid for {{code}}',
      changeTitle: 'Change the bid for {{code}} (version {{version}})',
      kwHint: 'At least 1,000 kW, at most the expected capacity of {{max}} kW',
      priceHint: 'From 0 to {{max}} yen/kW (whole yen)',
      submitRegister: 'Submit bid',
      submitChange: 'Submit change',
      cancel: 'Cancel',
    },
    withdraw: {
      title: 'Withdraw the bid for {{code}}',
      body: 'A withdrawn bid takes no part in the clearing. You may bid again while the window is open.',
      confirm: 'Withdraw',
    },
    receipt: {
      title: 'Receipt',
      accepted: 'The bid for {{resourceCode}} was accepted ({{action}}, version {{version}}).',
      acceptedAt: 'Accepted at (server time)',
      sha256: 'SHA-256',
      keyId: 'Key ID',
      json: 'Receipt (JSON)',
      pdf: 'Receipt (PDF)',
      howToVerify:
        'The JSON receipt verifies without the system, with the public key (GET /api/v1/receipt-keys); see README "Verifying a receipt".',
      close: 'Close',
    },
    action: { register: 'registered', change: 'changed', withdraw: 'withdrawn' },
    history: {
      title: 'Bid history ({{code}})',
      versionNo: 'Version',
      action: 'Action',
      acceptedAt: 'Accepted at',
      user: 'By',
      download: 'Receipt',
    },
    bulk: {
      title: 'Bulk bids (850 / 860 / 870)',
      description:
        'Each row of the file is checked by the same rules as a bid on this screen; every row written inside the window gets its receipt.',
    },
  },
}

export const bidsSections = { ja, en }
