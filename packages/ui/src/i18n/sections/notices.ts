import {
  labelsIn,
  noticeAudienceLabels,
  noticeCategoryLabels,
  noticeStateLabels,
} from '@yoryo/contracts'

/**
 * UI texts of notices (A30) and the portal's unread panel: the section `notices` of both
 * catalogues. System messages with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  notices: {
    description: '広域機関からのおしらせです。件名を選ぶと本文を表示します。',
    descriptionOperator:
      '事業者・送配電事業者へのおしらせを登録し、公開状況と既読者数を確認します。',
    create: 'おしらせを登録',
    category: labelsIn(noticeCategoryLabels, 'ja'),
    audience: labelsIn(noticeAudienceLabels, 'ja'),
    state: labelsIn(noticeStateLabels, 'ja'),
    fields: {
      noticeNo: 'おしらせ番号',
      publishAt: '公開日時',
      publishDate: '公開日',
      category: '区分',
      title: '件名',
      body: '本文',
      audience: '宛先',
      participants: '宛先の事業者',
      state: '状態',
      readCount: '既読者数',
      createdByName: '登録者',
      read: '既読',
    },
    list: {
      tableLabel: 'おしらせ一覧',
      empty: '表示できるおしらせはありません。',
      search: 'キーワード',
      category: '区分',
      state: '状態',
      all: 'すべて',
      unreadOnly: '未読のみ表示',
      unread: '未読',
      readCount: '{{count}}人',
      recipients: '{{count}}事業者',
    },
    detail: {
      back: 'おしらせ一覧へ戻る',
      edit: '変更',
      withdraw: '取り下げる',
      withdrawTitle: 'おしらせの取下げ',
      withdrawMessage:
        '「{{title}}」を取り下げます。取り下げると、事業者の画面には表示されなくなり、変更もできなくなります。',
      withdrawConfirm: '取り下げる',
      withdrawn: 'このおしらせは {{at}} に取り下げました。',
      draft: 'このおしらせは下書きです。まだ公開されていません。',
      scheduled: 'このおしらせは {{at}} に公開されます。',
      allUsers: '全ユーザ（送配電事業者を含む）',
      readCount: '{{count}}人が既読',
    },
    form: {
      newTitle: 'おしらせの登録',
      newDescription: '件名・本文・宛先と公開のしかたを入力してください。',
      editTitle: 'おしらせの変更（{{noticeNo}}）',
      editDescription: '公開中のおしらせを変更すると、すぐに利用者の画面に反映されます。',
      bodyHint: '入力した改行はそのまま表示されます。',
      participantsPlaceholder: '事業者コードまたは名称で検索',
      publication: '公開',
      publicationNow: 'すぐに公開する',
      publicationNowKeep: '公開中のまま保存する',
      publicationAt: '日時を指定して公開する',
      publicationDraft: '下書きとして保存する',
      publishAt: '公開日時（日本時間）',
      submit: '登録する',
      save: '変更を保存する',
      cancel: 'キャンセル',
    },
    portal: {
      title: '未読のおしらせ',
      count: '未読 {{count}}件',
      none: '未読のおしらせはありません。',
      all: 'おしらせ一覧へ',
    },
  },
}

const en: Shape<typeof ja> = {
  notices: {
    description: 'Notices from OCCTO. Choose a title to read it.',
    descriptionOperator:
      'Post notices to participants and TSOs, and follow their publication and who has read them.',
    create: 'New notice',
    category: labelsIn(noticeCategoryLabels, 'en'),
    audience: labelsIn(noticeAudienceLabels, 'en'),
    state: labelsIn(noticeStateLabels, 'en'),
    fields: {
      noticeNo: 'Notice number',
      publishAt: 'Published',
      publishDate: 'Date',
      category: 'Category',
      title: 'Title',
      body: 'Text',
      audience: 'Audience',
      participants: 'Participants addressed',
      state: 'State',
      readCount: 'Readers',
      createdByName: 'Posted by',
      read: 'Read',
    },
    list: {
      tableLabel: 'Notices',
      empty: 'There are no notices to show.',
      search: 'Keyword',
      category: 'Category',
      state: 'State',
      all: 'All',
      unreadOnly: 'Unread only',
      unread: 'Unread',
      readCount: '{{count}}',
      recipients: 'Participants: {{count}}',
    },
    detail: {
      back: 'Back to notices',
      edit: 'Change',
      withdraw: 'Withdraw',
      withdrawTitle: 'Withdraw the notice',
      withdrawMessage:
        'Withdraw “{{title}}”? Participants will no longer see it, and it can no longer be changed.',
      withdrawConfirm: 'Withdraw',
      withdrawn: 'This notice was withdrawn on {{at}}.',
      draft: 'This notice is a draft and has not been published.',
      scheduled: 'This notice will be published on {{at}}.',
      allUsers: 'All users (TSOs included)',
      readCount: 'Read by {{count}}',
    },
    form: {
      newTitle: 'New notice',
      newDescription: 'Enter the title, text, audience and when to publish.',
      editTitle: 'Change notice {{noticeNo}}',
      editDescription: 'Changes to a published notice show on users’ screens at once.',
      bodyHint: 'Line breaks are shown as you type them.',
      participantsPlaceholder: 'Search by participant code or name',
      publication: 'Publication',
      publicationNow: 'Publish now',
      publicationNowKeep: 'Keep it published',
      publicationAt: 'Publish at a set time',
      publicationDraft: 'Save as a draft',
      publishAt: 'Publication time (JST)',
      submit: 'Post',
      save: 'Save changes',
      cancel: 'Cancel',
    },
    portal: {
      title: 'Unread notices',
      count: '{{count}} unread',
      none: 'You have no unread notices.',
      all: 'All notices',
    },
  },
}

export const noticesSections = { ja, en }
