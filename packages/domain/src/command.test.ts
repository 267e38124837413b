import { describe, expect, it } from 'vitest'
import { parseCommandLine, runRulesCommand, unreadableFile } from './command.ts'
import { RulesValidationError } from './errors.ts'

describe('parseCommandLine', () => {
  it('reads the command, the file and the options', () => {
    expect(parseCommandLine(['clear', 'in.json'])).toEqual({
      command: 'clear',
      file: 'in.json',
      explain: false,
      lang: 'ja',
    })
    expect(parseCommandLine(['--lang', 'en', 'clear', '-', '--explain'])).toEqual({
      command: 'clear',
      file: '-',
      explain: true,
      lang: 'en',
    })
    expect(parseCommandLine(['contract-amount', 'x.json', '--lang=en']).lang).toBe('en')
  })

  it.each([
    [['nope', 'x.json'], 'E-RULES-002'],
    [[], 'E-RULES-002'],
    [['clear'], 'E-RULES-008'],
    [['clear', 'a.json', 'b.json'], 'E-RULES-008'],
    [['clear', 'a.json', '--verbose'], 'E-RULES-009'],
    [['clear', 'a.json', '--lang', 'fr'], 'E-RULES-009'],
    [['clear', 'a.json', '--lang'], 'E-RULES-009'],
  ])('rejects %j with %s', (args, messageId) => {
    expect(() => parseCommandLine(args)).toThrow(RulesValidationError)
    try {
      parseCommandLine(args)
    } catch (error) {
      expect(error).toMatchObject({ messageId, path: [] })
    }
  })
})

describe('runRulesCommand', () => {
  it('runs the three commands', () => {
    expect(
      runRulesCommand('contract-amount', '{"areaPrice":100,"contractKw":1200,"deductionRate":0}'),
    ).toEqual({
      exitCode: 0,
      output: {
        annualAmount: 120_000,
        monthly: Array.from({ length: 12 }, () => 10_000),
        annualTax: 12_000,
      },
    })
    expect(
      runRulesCommand(
        'expected-capacity',
        '\uFEFF{"kind":"dispatchOrder","offerableKw":2000,"adjustmentFactor":0.5}',
      ),
    ).toEqual({ exitCode: 0, output: { expectedKw: 1000, eligible: true, messageId: null } })
    const clear = JSON.stringify({
      demandCurve: {
        priceCap: 15,
        quantityAtCap: 1000,
        netCone: 10,
        targetQuantity: 2000,
        quantityAtZero: 3000,
      },
      areas: [{ area: 'tokyo', requiredKw: 0 }],
      interconnections: [],
      adders: [],
      dispatchOrderCapKw: null,
      bids: [],
    })
    expect(runRulesCommand('clear', clear)).toMatchObject({
      exitCode: 0,
      output: { nationalPrice: 15 },
    })
    expect(runRulesCommand('clear', clear, { explain: true })).toMatchObject({
      exitCode: 0,
      output: { intersection: { case: 'noBids' } },
    })
  })

  it('turns problems into { messageId, message, path } with exit code 2', () => {
    expect(runRulesCommand('clear', '{oops')).toMatchObject({
      exitCode: 2,
      output: { messageId: 'E-RULES-001', path: [] },
    })
    expect(runRulesCommand('bill', '{}', { lang: 'en' })).toEqual({
      exitCode: 2,
      output: {
        messageId: 'E-RULES-002',
        message:
          'Unknown command "bill". Use clear, expected-capacity, contract-amount or assess-month.',
        path: [],
      },
    })
    expect(runRulesCommand('contract-amount', '{"areaPrice":1,"contractKw":1}')).toEqual({
      exitCode: 2,
      output: {
        messageId: 'E-RULES-006',
        message: '必須項目 $.deductionRate がありません。',
        path: ['deductionRate'],
      },
    })
    expect(unreadableFile('missing.json', 'en')).toEqual({
      exitCode: 2,
      output: {
        messageId: 'E-RULES-003',
        message: 'Cannot read the input file "missing.json".',
        path: [],
      },
    })
  })
})
