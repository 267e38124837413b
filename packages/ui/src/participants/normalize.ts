/**
 * What a Japanese keyboard (IME) types is not always what a field accepts: full-width digits,
 * hiragana for katakana, full-width kana for a bank account holder. These turn the input into
 * the expected form when the user leaves the field, before the contract's schema checks it.
 */

const HYPHENS = /[‐‑‒–—―−ーｰ－]/g

/** Full-width letters, digits and symbols → half width; dashes and long marks → `-`. */
export function toHalfWidthAscii(value: string, { hyphens = false } = {}): string {
  const half = value.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const spaced = half.replace(/\u3000/g, ' ')
  return hyphens ? spaced.replace(HYPHENS, '-') : spaced
}

function hiraganaToKatakana(value: string): string {
  return value.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
}

/** Full-width katakana (half-width kana and hiragana converted), e.g. for 事業者名(カナ). */
export function toFullWidthKatakana(value: string): string {
  return hiraganaToKatakana(value.normalize('NFKC'))
}

const FULL =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン'
const HALF = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ'
/** Small kana are written large in an account holder (全銀 rules). */
const SMALL = 'ァィゥェォッャュョヮ'
const LARGE = 'アイウエオツヤユヨワ'

/**
 * The holder of a bank account as banks write it: half-width katakana, capitals, digits and
 * `( ) . , - /` — hiragana, full-width kana, small kana, long marks and lower case converted.
 */
export function toBankHolder(value: string): string {
  const kana = hiraganaToKatakana(value.normalize('NFKC'))
    .replace(/[ァィゥェォッャュョヮ]/g, (c) => LARGE[SMALL.indexOf(c)] ?? c)
    .replace(HYPHENS, '-')
    .normalize('NFD')
  let out = ''
  for (const c of kana) {
    const i = FULL.indexOf(c)
    if (i >= 0) out += HALF[i]
    else if (c === '\u3099') out += 'ﾞ'
    else if (c === '\u309a') out += 'ﾟ'
    else out += c
  }
  return out.normalize('NFC').toUpperCase()
}
