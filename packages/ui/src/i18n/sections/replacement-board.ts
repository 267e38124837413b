/**
 * UI texts of the replacement board (140): the section `replacementBoard` of both catalogues. System messages with IDs live in
 * @yoryo/contracts, not here.
 */

import {
  labelsIn,
  replacementPostingStatusLabels,
  replacementPostingTypeLabels,
} from '@yoryo/contracts'

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  replacementBoard: {
    description:
      '差替先を探す事業者（募集）と差替に応じられる事業者（提供）をつなぐ掲示板です。連絡は各掲載の連絡先から行ってください。差替そのものは電源等差替（160）で申し込みます。',
    post: '掲載する',
    postingType: labelsIn(replacementPostingTypeLabels, 'ja'),
    status: labelsIn(replacementPostingStatusLabels, 'ja'),
    anyKind: '問わない',
    list: {
      tableLabel: '差替掲示板',
      empty: '条件に一致する掲載はありません。',
      kwMin: '容量（以上, kW）',
      kwMax: '容量（以下, kW）',
      month: '対象月を含む',
      includeClosed: '期限切れ・取下げも表示',
      mine: '自社の掲載のみ',
    },
    fields: {
      postingType: '掲載区分',
      participant: '事業者',
      area: 'エリア',
      kind: '電源等の区分',
      kw: '容量(kW)',
      period: '対象期間',
      fromMonth: '対象期間（開始月）',
      toMonth: '対象期間（終了月）',
      contact: '連絡先',
      note: '備考',
      expiresAt: '掲載期限',
      expiresOn: '掲載期限',
      status: '状態',
      updatedAt: '更新日時',
    },
    form: {
      createTitle: '差替掲示板に掲載',
      editTitle: '掲載の変更',
      expiresHint:
        '空欄の場合は対象期間の終了月の末日まで掲載します（実需給年度の末日まで指定可）。',
      contactHint: '掲示板での唯一の連絡手段です（電話番号・メールアドレスなど）。',
      save: '保存',
      created: '掲載しました。',
      saved: '変更しました。',
    },
    edit: '変更',
    withdraw: '取下げ',
    withdrawTitle: '掲載の取下げ',
    withdrawConfirm:
      'この掲載を取り下げます。取り下げた掲載は掲示板に表示されなくなります。よろしいですか？',
    withdrawn: '掲載を取り下げました。',
  },
}

const en: Shape<typeof ja> = {
  replacementBoard: {
    description:
      'The board connects participants looking for replacement capacity (requests) with those who can provide it (offers). Contact them through each posting’s contact. The replacement itself is filed in Resource replacement (160).',
    post: 'Post',
    postingType: labelsIn(replacementPostingTypeLabels, 'en'),
    status: labelsIn(replacementPostingStatusLabels, 'en'),
    anyKind: 'Any',
    list: {
      tableLabel: 'Replacement board',
      empty: 'No postings match.',
      kwMin: 'kW at least',
      kwMax: 'kW at most',
      month: 'Includes month',
      includeClosed: 'Show expired and withdrawn',
      mine: 'Own postings only',
    },
    fields: {
      postingType: 'Type',
      participant: 'Participant',
      area: 'Area',
      kind: 'Kind',
      kw: 'kW',
      period: 'Period',
      fromMonth: 'First month',
      toMonth: 'Last month',
      contact: 'Contact',
      note: 'Note',
      expiresAt: 'Expires',
      expiresOn: 'Expires on',
      status: 'Status',
      updatedAt: 'Updated',
    },
    form: {
      createTitle: 'Post on the replacement board',
      editTitle: 'Change the posting',
      expiresHint:
        'Empty: shown until the end of the period’s last month (at most the end of the delivery year).',
      contactHint: 'The only way to contact you through the board (phone, e-mail …).',
      save: 'Save',
      created: 'Posted.',
      saved: 'Saved.',
    },
    edit: 'Change',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw the posting',
    withdrawConfirm: 'Withdraw this posting? It will no longer be shown on the board.',
    withdrawn: 'Posting withdrawn.',
  },
}

export const replacementBoardSections = { ja, en }
