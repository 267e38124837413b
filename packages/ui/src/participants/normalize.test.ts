import { HALF_WIDTH_KANA_HOLDER } from '@yoryo/contracts'
import { describe, expect, it } from 'vitest'
import { toBankHolder, toFullWidthKatakana, toHalfWidthAscii } from './normalize.ts'

describe('input normalisation of participant fields', () => {
  it('turns full-width digits and dashes into half width', () => {
    expect(toHalfWidthAscii('１００ー０００５', { hyphens: true })).toBe('100-0005')
    expect(toHalfWidthAscii('０３－１２３４－５６７８', { hyphens: true })).toBe('03-1234-5678')
    expect(toHalfWidthAscii('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('taro@example.jp')
  })

  it('writes kana names in full-width katakana', () => {
    expect(toFullWidthKatakana('さくらﾊﾂﾃﾞﾝ')).toBe('サクラハツデン')
  })

  it('writes an account holder as banks do', () => {
    const holder = toBankHolder('みらいエネルギーサービス（カ')
    expect(holder).toBe('ﾐﾗｲｴﾈﾙｷﾞ-ｻ-ﾋﾞｽ(ｶ')
    expect(HALF_WIDTH_KANA_HOLDER.test(holder)).toBe(true)
    expect(toBankHolder('ｷｬﾋﾟﾀﾙ ﾊﾟｰﾄﾅｰｽﾞ')).toBe('ｷﾔﾋﾟﾀﾙ ﾊﾟ-ﾄﾅ-ｽﾞ')
    expect(toBankHolder('abc')).toBe('ABC')
  })
})
