/**
 * Clearing benchmark (not a test): `pnpm bench` from the repository root, `pnpm bench:smoke`
 * (or BENCH_SMOKE=1 / --smoke) for the quick CI run.
 *
 * Each size runs in its own child process, so the peak memory reported (maxRSS) belongs to that
 * size alone. Inputs are deterministic (seeded PRNG, bench/generate.ts) and go through
 * JSON.stringify/parse first, so they look like what the CLI or the API hands to clearAuction.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { GCProfiler } from 'node:v8'
import { clearAuction } from '../src/index.ts'
import { generateClearingInput } from './generate.ts'

const FULL = [
  { bids: 5_000, runs: 21 },
  { bids: 20_000, runs: 11 },
  { bids: 80_000, runs: 7 },
  { bids: 320_000, runs: 5 },
]
const SMOKE = [
  { bids: 1_000, runs: 1 },
  { bids: 5_000, runs: 1 },
]
/** The goal of issue 3: 20k bids well under 0.5 s. */
const GOAL_BIDS = 20_000
const GOAL_MS = 500

interface Measurement {
  bids: number
  runs: number
  medianMs: number
  minMs: number
  maxMs: number
  blocks: string[]
  /** Heap in use before clearing (the input, after a full GC). */
  inputHeapMb: number
  /** Highest heap use during a clearing above inputHeapMb (from the GC profiler). */
  peakHeapMb: number
  /** Peak resident memory of the whole process (input generation included). */
  peakRssMb: number
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

function child(bids: number, runs: number, warmUp: boolean): void {
  const input = JSON.parse(JSON.stringify(generateClearingInput(bids)))
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const inputHeap = process.memoryUsage().heapUsed
  if (warmUp) clearAuction(input)
  const times: number[] = []
  let blocks: string[] = []
  let peakHeap = 0
  for (let r = 0; r < runs; r++) {
    gc?.()
    const profiler = new GCProfiler()
    profiler.start()
    const start = performance.now()
    const result = clearAuction(input)
    times.push(performance.now() - start)
    const afterRun = process.memoryUsage().heapUsed
    const stats = profiler.stop()?.statistics ?? []
    for (const gcRun of stats)
      peakHeap = Math.max(peakHeap, gcRun.beforeGC.heapStatistics.usedHeapSize)
    peakHeap = Math.max(peakHeap, afterRun)
    blocks = result.blocks.map((b) => b.blockId)
  }
  times.sort((a, b) => a - b)
  const measurement: Measurement = {
    bids,
    runs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    minMs: times[0] ?? 0,
    maxMs: times[times.length - 1] ?? 0,
    blocks,
    inputHeapMb: mb(inputHeap),
    peakHeapMb: mb(peakHeap - inputHeap),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  }
  process.stdout.write(`${JSON.stringify(measurement)}\n`)
}

function parent(smoke: boolean): number {
  const sizes = smoke ? SMOKE : FULL
  const self = fileURLToPath(import.meta.url)
  console.log(`Clearing benchmark (${smoke ? 'smoke' : 'full'}), node ${process.version}`)
  console.log('9 areas, 10 interconnections (20 directed links), seeded random bids\n')
  const rows: Measurement[] = []
  for (const { bids, runs } of sizes) {
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        self,
        '--child',
        String(bids),
        String(runs),
        smoke ? '0' : '1',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    )
    if (run.status !== 0) {
      console.error(run.stderr)
      console.error(`size ${bids}: child exited with ${run.status}`)
      return 1
    }
    rows.push(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Measurement)
  }

  const pad = (s: string | number, n: number) => String(s).padStart(n)
  console.log(
    `${pad('bids', 8)} ${pad('runs', 5)} ${pad('median ms', 10)} ${pad('min ms', 8)} ${pad('max ms', 8)}` +
      ` ${pad('µs/bid', 7)} ${pad('vs n log n', 11)} ${pad('input MB', 9)} ${pad('clearing MB', 12)}` +
      ` ${pad('peak RSS MB', 12)}  blocks`,
  )
  let failed = false
  rows.forEach((row, i) => {
    const prev = rows[i - 1]
    const growth =
      prev === undefined
        ? '-'
        : (
            row.medianMs /
            prev.medianMs /
            ((row.bids * Math.log2(row.bids)) / (prev.bids * Math.log2(prev.bids)))
          ).toFixed(2)
    console.log(
      `${pad(row.bids, 8)} ${pad(row.runs, 5)} ${pad(row.medianMs.toFixed(1), 10)} ${pad(row.minMs.toFixed(1), 8)}` +
        ` ${pad(row.maxMs.toFixed(1), 8)} ${pad(((row.medianMs * 1000) / row.bids).toFixed(2), 7)}` +
        ` ${pad(growth, 11)} ${pad(row.inputHeapMb, 9)} ${pad(row.peakHeapMb, 12)}` +
        ` ${pad(row.peakRssMb, 12)}  ${row.blocks.join(', ')}`,
    )
    if (row.blocks.length < 2) {
      console.error(`size ${row.bids}: expected at least two shortage blocks`)
      failed = true
    }
    if (row.bids === GOAL_BIDS && row.medianMs >= GOAL_MS) {
      console.error(`${GOAL_BIDS} bids took ${row.medianMs.toFixed(0)} ms (goal < ${GOAL_MS} ms)`)
      failed = true
    }
  })
  console.log(
    [
      '',
      'vs n log n:  growth of the median from the previous size ÷ growth of n log n (1.00 = n log n)',
      'input MB:    heap holding the parsed input, before clearing',
      'clearing MB: peak heap above that during one clearing (GC profiler)',
      'peak RSS MB: peak resident memory of the process, input generation included',
    ].join('\n'),
  )
  return failed ? 1 : 0
}

const args = process.argv.slice(2)
if (args[0] === '--child') {
  child(Number(args[1]), Number(args[2]), args[3] === '1')
} else {
  process.exitCode = parent(args.includes('--smoke') || process.env.BENCH_SMOKE === '1')
}
