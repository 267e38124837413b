import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Rational, decimalPlaces } from './rational.ts'

const r = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d)

describe('Rational', () => {
  it('normalises sign and lowest terms', () => {
    expect(r(2, 4)).toEqual(r(1, 2))
    expect(r(3, -6).num).toBe(-1n)
    expect(r(3, -6).den).toBe(2n)
    expect(r(0, -5)).toEqual(Rational.ZERO)
    expect(() => r(1, 0)).toThrow(RangeError)
    expect(() => Rational.of(0.5)).toThrow(RangeError)
  })

  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(r(1, 3).add(r(1, 6))).toEqual(r(1, 2))
    expect(r(5).add(r(7))).toEqual(r(12))
    expect(r(1, 3).sub(r(1, 2))).toEqual(r(-1, 6))
    expect(r(5).sub(r(7))).toEqual(r(-2))
    expect(r(2, 3).mul(r(9, 4))).toEqual(r(3, 2))
    expect(r(2, 3).div(r(4, 9))).toEqual(r(3, 2))
    expect(() => r(1).div(Rational.ZERO)).toThrow(RangeError)
    expect(r(1, 2).neg()).toEqual(r(-1, 2))
  })

  it('compares', () => {
    expect(r(1, 3).cmp(r(1, 2))).toBe(-1)
    expect(r(1, 2).cmp(r(2, 4))).toBe(0)
    expect(r(2, 3).cmp(r(1, 2))).toBe(1)
    expect(r(1, 2).eq(r(2, 4))).toBe(true)
    expect(r(1, 3).lt(r(1, 2)) && r(1, 3).lte(r(1, 3)) && r(1, 2).gt(r(1, 3))).toBe(true)
    expect(r(1, 2).gte(r(1, 2))).toBe(true)
    expect([r(-3, 2).sign(), Rational.ZERO.sign(), r(1, 9).sign()]).toEqual([-1, 0, 1])
    expect(r(4, 2).isInteger()).toBe(true)
  })

  it('floors and ceils toward the right integer, also for negatives', () => {
    expect(r(28275, 2).floor()).toBe(14137n)
    expect(r(28275, 2).ceil()).toBe(14138n)
    expect(r(-7, 2).floor()).toBe(-4n)
    expect(r(-7, 2).ceil()).toBe(-3n)
    expect(r(6, 3).floor()).toBe(2n)
    expect(r(6, 3).ceil()).toBe(2n)
  })

  it('parses decimal literals exactly', () => {
    expect(Rational.parseDecimal('14137.5')).toEqual(r(28275, 2))
    expect(Rational.parseDecimal('-0.0825')).toEqual(r(-33, 400))
    expect(Rational.parseDecimal('1e-7')).toEqual(r(1, 10_000_000))
    expect(Rational.parseDecimal('1.5E+3')).toEqual(r(1500))
    expect(Rational.parseDecimal('.25')).toEqual(r(1, 4))
    expect(() => Rational.parseDecimal('1/2')).toThrow(RangeError)
    expect(() => Rational.parseDecimal('')).toThrow(RangeError)
  })

  it('reads a JSON number as the decimal it was written as', () => {
    // 0.42 as a double is 0.419999999999999984456877655248…; the engine means 42/100.
    expect(Rational.fromNumber(0.42)).toEqual(r(21, 50))
    expect(Rational.fromNumber(0.1 + 0.2)).toEqual(Rational.parseDecimal('0.30000000000000004'))
    expect(Rational.fromNumber(7)).toEqual(r(7))
    expect(Rational.fromNumber(1e21)).toEqual(r(10n ** 21n))
    expect(() => Rational.fromNumber(Number.NaN)).toThrow(RangeError)
  })

  it('prints terminating decimals as decimals and others as fractions', () => {
    expect(r(28275, 2).toString()).toBe('14137.5')
    expect(r(-33, 400).toString()).toBe('-0.0825')
    expect(r(1, 3).toString()).toBe('1/3')
    expect(r(12).toString()).toBe('12')
    expect(r(1, 20).toString()).toBe('0.05')
    expect(JSON.stringify({ x: r(1, 4) })).toBe('{"x":"0.25"}')
  })

  it('is a field: properties on random values', () => {
    const rational = fc
      .tuple(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
      )
      .map(([n, d]) => Rational.of(n, d))
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => {
        expect(a.add(b).sub(b)).toEqual(a)
        expect(a.mul(b.add(c))).toEqual(a.mul(b).add(a.mul(c)))
        if (b.sign() !== 0) expect(a.div(b).mul(b)).toEqual(a)
        expect(Rational.of(a.floor()).lte(a) && a.lt(Rational.of(a.floor() + 1n))).toBe(true)
        expect(Rational.of(a.ceil()).gte(a) && a.gt(Rational.of(a.ceil() - 1n))).toBe(true)
        const text = a.toString()
        if (!text.includes('/')) expect(Rational.parseDecimal(text)).toEqual(a)
      }),
      { numRuns: 200 },
    )
  })
})

describe('decimalPlaces', () => {
  it('counts the decimals of the shortest representation', () => {
    expect(decimalPlaces(0.0825)).toBe(4)
    expect(decimalPlaces(0.42)).toBe(2)
    expect(decimalPlaces(14137.5)).toBe(1)
    expect(decimalPlaces(3)).toBe(0)
    expect(decimalPlaces(0)).toBe(0)
    expect(decimalPlaces(1e-7)).toBe(7)
    expect(decimalPlaces(0.00001)).toBe(5)
    expect(decimalPlaces(1.5e21)).toBe(0)
    expect(decimalPlaces(0.1 + 0.2)).toBe(17)
    expect(() => decimalPlaces(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})
