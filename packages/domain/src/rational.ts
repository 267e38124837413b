/**
 * Exact rational numbers on BigInt. Money, prices on the demand curve, rates and factors are
 * computed with these (or with plain safe integers), never with binary floating point.
 *
 * A value is kept normalised: the denominator is positive and the fraction is in lowest terms,
 * so two equal values always have the same numerator and denominator.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n)
  static readonly ONE = new Rational(1n, 1n)

  readonly num: bigint
  readonly den: bigint

  private constructor(num: bigint, den: bigint) {
    this.num = num
    this.den = den
  }

  /** num / den, normalised. Throws on a zero denominator. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = toBigInt(num)
    let d = toBigInt(den)
    if (d === 0n) throw new RangeError('Rational: zero denominator')
    if (d < 0n) {
      n = -n
      d = -d
    }
    if (d === 1n) return new Rational(n, 1n)
    const g = gcd(n < 0n ? -n : n, d)
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g)
  }

  /**
   * Parses a decimal literal such as `12`, `-0.0825`, `14137.5` or `1e-7` exactly.
   * Throws a RangeError on anything else.
   */
  static parseDecimal(text: string): Rational {
    const d = parseDecimalParts(text)
    if (d === null) throw new RangeError(`Rational: not a decimal literal: ${text}`)
    return d.exponent >= 0
      ? Rational.of(d.mantissa * 10n ** BigInt(d.exponent))
      : Rational.of(d.mantissa, 10n ** BigInt(-d.exponent))
  }

  /**
   * The exact decimal a JSON number stands for: the value of its shortest round-trip decimal
   * representation (so 0.42 is 42/100, not the binary double nearest to it).
   */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Rational: not a finite number: ${x}`)
    if (Number.isSafeInteger(x)) return new Rational(BigInt(x), 1n)
    return Rational.parseDecimal(String(x))
  }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num + o.num, 1n)
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den)
  }

  sub(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num - o.num, 1n)
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den)
  }

  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den)
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational: division by zero')
    return Rational.of(this.num * o.den, this.den * o.num)
  }

  neg(): Rational {
    return new Rational(-this.num, this.den)
  }

  /** -1, 0 or 1. */
  cmp(o: Rational): number {
    const l = this.num * o.den
    const r = o.num * this.den
    return l < r ? -1 : l > r ? 1 : 0
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0
  }
  lte(o: Rational): boolean {
    return this.cmp(o) <= 0
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0
  }
  gte(o: Rational): boolean {
    return this.cmp(o) >= 0
  }

  sign(): number {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0
  }

  isInteger(): boolean {
    return this.den === 1n
  }

  /** The greatest integer ≤ this value. */
  floor(): bigint {
    const q = this.num / this.den // truncates toward zero
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q
  }

  /** The least integer ≥ this value. */
  ceil(): bigint {
    const q = this.num / this.den
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q
  }

  /**
   * A readable exact form: `14137`, `14137.5`, `-0.0825` when the value has a terminating
   * decimal expansion, otherwise the reduced fraction `num/den`.
   */
  toString(): string {
    if (this.den === 1n) return this.num.toString()
    let d = this.den
    let twos = 0
    let fives = 0
    while (d % 2n === 0n) {
      d /= 2n
      twos++
    }
    while (d % 5n === 0n) {
      d /= 5n
      fives++
    }
    if (d !== 1n) return `${this.num}/${this.den}`
    const places = Math.max(twos, fives)
    const scaled = (this.num * 10n ** BigInt(places)) / this.den
    const negative = scaled < 0n
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0')
    const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`
    return negative ? `-${text}` : text
  }

  toJSON(): string {
    return this.toString()
  }
}

function toBigInt(x: bigint | number): bigint {
  if (typeof x === 'bigint') return x
  if (!Number.isSafeInteger(x)) throw new RangeError(`Rational: not a safe integer: ${x}`)
  return BigInt(x)
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

interface DecimalParts {
  /** The digits as an integer, with the sign. */
  mantissa: bigint
  /** The value is mantissa × 10^exponent. */
  exponent: number
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/

function parseDecimalParts(text: string): DecimalParts | null {
  const m = DECIMAL.exec(text)
  if (m === null) return null
  const sign = m[1] ?? m[5] ?? ''
  const intPart = m[2] ?? ''
  const fracPart = m[3] ?? m[6] ?? ''
  const exp = Number(m[4] ?? m[7] ?? '0')
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 10_000) return null
  const digits = BigInt(`${intPart}${fracPart}` || '0')
  return { mantissa: sign === '-' ? -digits : digits, exponent: exp - fracPart.length }
}

/**
 * How many decimal places the shortest round-trip representation of a finite number has
 * (0.0825 → 4, 14137.5 → 1, 3 → 0, 1e-7 → 7). Used to enforce "at most 4 decimals".
 */
export function decimalPlaces(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`decimalPlaces: not a finite number: ${x}`)
  const parts = parseDecimalParts(String(x))
  if (parts === null) throw new RangeError(`decimalPlaces: unexpected form ${String(x)}`)
  let { mantissa, exponent } = parts
  // Trailing zeros of the mantissa do not count as decimals.
  while (exponent < 0 && mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  return mantissa === 0n ? 0 : Math.max(0, -exponent)
}
