/** The command line as users run it: a real process, stdout and the exit code. */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(packageDir, 'src', 'cli.ts')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function runCli(args: string[], stdin?: string): Promise<Run> {
  const env = { ...process.env }
  delete env.npm_lifecycle_event
  delete env.INIT_CWD
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: packageDir,
      env,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin ?? '')
  })
}

describe.concurrent('rules CLI', { timeout: 30_000 }, () => {
  it('clear examples/clear.json', async () => {
    const run = await runCli(['clear', 'examples/clear.json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.nationalPrice).toBe(6000)
    expect(result.blocks).toEqual([
      { blockId: 'hokkaido', areas: ['hokkaido'], addedKw: 35_000, price: 13_000, adequate: true },
    ])
    expect(Object.keys(result)).toEqual([
      'nationalPrice',
      'nationalAwardedKw',
      'totalAwardedKw',
      'areas',
      'blocks',
      'bids',
    ])
  })

  it('clear --explain from standard input', async () => {
    const input = readFileSync(join(packageDir, 'examples', 'clear.json'), 'utf8')
    const run = await runCli(['clear', '-', '--explain'], input)
    expect(run.code).toBe(0)
    const explanation = JSON.parse(run.stdout)
    expect(explanation.intersection).toMatchObject({ case: 'step', nationalPrice: 6000 })
    expect(explanation.blockAdditions.map((s: { bidId: string }) => s.bidId)).toEqual([
      'B002',
      'B003',
    ])
  })

  it('expected-capacity examples/expected-capacity.json', async () => {
    const run = await runCli([
      'expected-capacity',
      join(packageDir, 'examples', 'expected-capacity.json'),
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ expectedKw: 11_010, eligible: true, messageId: null })
  })

  it('contract-amount examples/contract-amount.json', async () => {
    const run = await runCli(['contract-amount', 'examples/contract-amount.json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      annualAmount: 8_199_460_000,
      monthly: [...Array.from({ length: 11 }, () => 683_288_333), 683_288_337],
      annualTax: 819_946_000,
    })
  })

  it('assess-month examples/assess-month.json', async () => {
    const run = await runCli(['assess-month', 'examples/assess-month.json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ subtotal: 488_250, total: 488_250 })
  })

  it('assess-month: a slot outside the month exits 2 with its message ID', async () => {
    const input = {
      month: '2030-07',
      resource: { kind: 'stable', contractKw: 1000, annualAmount: 0 },
      parameters: {
        outageAllowanceDays: 58,
        multipliers: { unplannedOutage: 3, supplyInstruction: 3, reserveNotice: 1.5 },
        expectedOrdersPerYear: 12,
        monthlyCapShare: 0.183,
        annualCapShare: 1.1,
      },
      outageDaysBefore: 0,
      penaltiesBefore: 0,
      outagePlans: [],
      slots: [{ date: '2030-08-01', slot: 1, availableKw: 0 }],
      dispatchOrders: [],
    }
    const run = await runCli(['assess-month', '-', '--lang', 'en'], JSON.stringify(input))
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toEqual({
      messageId: 'E-RULES-084',
      message: '$.slots[0].date: the date 2030-08-01 is outside the assessed month 2030-07.',
      path: ['slots', 0, 'date'],
    })
  })

  it('invalid input: the problem as JSON, exit 2', async () => {
    const run = await runCli(
      ['contract-amount', '-', '--lang', 'en'],
      '{"areaPrice":1,"contractKw":1,"deductionRate":0.123456}',
    )
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toEqual({
      messageId: 'E-RULES-041',
      message: '$.deductionRate may have at most 4 decimals (got 0.123456).',
      path: ['deductionRate'],
    })
  })

  it('unreadable JSON, missing file and unknown command exit 2', async () => {
    const [badJson, missing, unknown, noFile] = await Promise.all([
      runCli(['clear', '-'], '{ "demandCurve": '),
      runCli(['clear', 'no-such-file.json']),
      runCli(['settle', 'examples/clear.json']),
      runCli(['clear']),
    ])
    for (const [run, messageId] of [
      [badJson, 'E-RULES-001'],
      [missing, 'E-RULES-003'],
      [unknown, 'E-RULES-002'],
      [noFile, 'E-RULES-008'],
    ] as const) {
      expect(run.code).toBe(2)
      const problem = JSON.parse(run.stdout)
      expect(problem).toMatchObject({ messageId, path: [] })
      expect(typeof problem.message).toBe('string')
    }
    expect(JSON.parse(unknown.stdout).message).toContain('コマンド「settle」はありません')
  })
})
