/**
 * UI texts of data feeds in (TSO and operator: B60–B90, C10 by API and G00 files): the section `feeds` of both catalogues. System messages
 * with IDs live in @yoryo/contracts, not here.
 */

/** Every leaf a string, the same keys in both languages. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

const ja = {
  feeds: {
    bulk: {
      description:
        '実需給期間のデータ（発電量調整受電電力量、供給指示、予備率・供給力提供、稼働抑制、発動指令）をCSVファイルでまとめて送信します。同じ電源等・日（エリア・日、発動指令ID）を再送すると置き換わり、置き換え前の値は履歴に残ります。1行でも誤りがあるとファイル全体を登録しません。',
    },
  },
}

const en: Shape<typeof ja> = {
  feeds: {
    bulk: {
      description:
        'Send delivery-period data (metered generation, supply instructions, reserve margins and offers, operation restraint, dispatch orders) as CSV files. Sending a resource-day (area-day, order ID) again replaces it; the earlier values are kept as history. One bad row and nothing of the file is registered.',
    },
  },
}

export const feedsSections = { ja, en }
