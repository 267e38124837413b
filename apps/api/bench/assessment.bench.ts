/**
 * Monthly assessment benchmark (issue 12, B40): a month of delivery data for N contracted
 * resources on a throwaway PostgreSQL server, assessed end to end by the real job (queued as the
 * operator's `POST /assessments/runs` does, run by a job runner) at N/4, N/2 and N contracted
 * resources (more contracts, the same month: versions 1, 2, 3). Each run is made in a fresh
 * process of its own with the API server's heap limit (`assessment-run.ts`), so its memory is
 * its own. Prints the time per run and per 1,000 resources (growth must be linear), the peak
 * resident memory of each run (must stay flat) and the load average.
 *
 *   pnpm --filter @yoryo/api bench:assessment                    # 20,000 resources (5k/10k/20k)
 *   pnpm --filter @yoryo/api bench:assessment --resources 4000   # a quicker look
 *   pnpm --filter @yoryo/api bench:assessment --smoke            # CI: 2,000 resources
 *   pnpm --filter @yoryo/api bench:assessment --resources 4000 --slow-log  # + statements ≥ 100 ms
 *   pnpm --filter @yoryo/api bench:assessment --heap-prof /tmp/prof  # V8 heap profile of each run
 *   pnpm --filter @yoryo/api bench:assessment --trace-memory     # heap in use after each batch
 *
 * The data (inserted with set-based SQL, `generate_series`): 20 participants; resources of every
 * kind (60 % stable, 20 % variable single, 10 % variable aggregate, 10 % dispatch order) spread
 * over the nine areas, contract kW 1,000–50,000; for June 2025 (30 days) one `delivery_day` row
 * per resource and day with its metered generation (0.5 % of the resource-days at half output),
 * supply instructions on 1 % of the resource-days (17:00–20:00, a third of them delivered at
 * 80 %), operation restraint on 1.5 % of the variable resources' days (10:00–14:00), the
 * reserve-margin notices of each area on three days (17:00–20:00, with the offers of the area's
 * resources on those days), one dispatch order of six slots per dispatch-order resource (ratios
 * 0.70–1.00) and an outage plan of two days for 5 % of the stable resources.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrateDatabase, openDatabase, type Db } from '@yoryo/db'
import { createAuction } from '@yoryo/db/factories'
import { apiHeapMb } from '../../../scripts/api-command.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const smoke = process.argv.includes('--smoke')
/** After each batch: a full collection, then the heap still in use (the run is slower). */
const traceMemory = process.argv.includes('--trace-memory')
const total = Number(arg('resources') ?? (smoke ? 2_000 : 20_000))
const steps = [Math.round(total / 4), Math.round(total / 2), total]
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55503)
const MONTH = '2025-06'
const YEAR = 2025

const pgDir = mkdtempSync(join(tmpdir(), 'yoryo-bench-asmt-pg-'))
let pgStarted = false
function cleanup() {
  if (pgStarted) spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir], { cwd: root })
  rmSync(pgDir, { recursive: true, force: true })
}
process.on('exit', cleanup)
process.on('SIGINT', () => process.exit(130))

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const seconds = (ms: number) => (ms / 1000).toFixed(2)

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const out = await work()
  console.log(`  ${label.padEnd(44)} ${seconds(performance.now() - t0).padStart(7)} s`)
  return out
}

const code = (n: string) => `'BR' || lpad(${n}::text, 6, '0')`

/** Participants, resources and the month's delivery data (contracts come per step). */
async function generate(db: Db) {
  await timed('participants and resources', async () => {
    await db.$executeRawUnsafe(`
      INSERT INTO participant (id, code, kind, name, name_kana, name_en, updated_at)
      SELECT gen_random_uuid(), 'P9' || lpad(g::text, 4, '0'), 'participant', 'ベンチ電力 ' || g,
        'ベンチデンリョク', 'Bench Power ' || g, now()
      FROM generate_series(1, 20) g`)
    await db.$executeRawUnsafe(`
      INSERT INTO resource (id, code, participant_id, kind, name, name_kana, area,
        generation_type, grid_code, location, commissioned_on, support_scheme, installed_kw,
        updated_at)
      SELECT gen_random_uuid(), ${code('g')}, p.id,
        (CASE WHEN g % 10 < 6 THEN 'stable' WHEN g % 10 < 8 THEN 'variableSingle'
          WHEN g % 10 = 8 THEN 'variableAggregate' ELSE 'dispatchOrder' END)::resource_kind,
        'ベンチ電源 ' || g, 'ベンチデンゲン',
        (ARRAY['hokkaido','tohoku','tokyo','chubu','hokuriku','kansai','chugoku','shikoku','kyushu'])[1 + g % 9]::area,
        (CASE WHEN g % 10 < 6 THEN 'lng' WHEN g % 10 < 9 THEN 'solar' ELSE 'demandResponse' END)::generation_type,
        'GB' || g, '東京都千代田区', '2005-04-01', 'none', 1000 * (1 + (g * 7919) % 50), now()
      FROM generate_series(1, ${total}) g
      JOIN participant p ON p.code = 'P9' || lpad((1 + g % 20)::text, 4, '0')`)
  })
  await timed('reserve-margin notices (9 areas × 30 days)', () =>
    db.$executeRawUnsafe(`
      INSERT INTO reserve_notice_day (area, date, margin_bp, notice_kind, updated_at)
      SELECT a.area::area, d::date,
        CASE WHEN n THEN array_fill(1100, ARRAY[34]) || array_fill(690, ARRAY[6]) || array_fill(1100, ARRAY[8])
          ELSE array_fill(1300, ARRAY[48]) END,
        CASE WHEN n THEN array_fill(''::text, ARRAY[34]) || array_fill('dayAhead'::text, ARRAY[6]) || array_fill(''::text, ARRAY[8])
          ELSE array_fill(''::text, ARRAY[48]) END,
        now()
      FROM unnest(ARRAY['hokkaido','tohoku','tokyo','chubu','hokuriku','kansai','chugoku','shikoku','kyushu'])
        WITH ORDINALITY AS a(area, i)
      CROSS JOIN generate_series('${MONTH}-01'::date, '${MONTH}-30'::date, '1 day') d
      CROSS JOIN LATERAL (SELECT (extract(day FROM d)::int + a.i::int * 3) % 10 = 0 AS n) x`),
  )
  await timed(`delivery_day (${total.toLocaleString()} × 30 days)`, () =>
    db.$executeRawUnsafe(`
      INSERT INTO delivery_day (resource_id, date, metered_kwh, instructed_kw, delivered_kw,
        restrained_kw, offered_kw, updated_at)
      SELECT x.id, x.d,
        CASE WHEN x.kind = 'dispatchOrder' THEN '{}'::int[]
          ELSE array_fill(CASE WHEN x.h % 200 = 0 THEN x.kw / 4 ELSE x.kw / 2 END, ARRAY[48]) END,
        CASE WHEN x.h % 100 = 1 THEN array_fill(0, ARRAY[34]) || array_fill(x.kw / 2, ARRAY[6]) || array_fill(0, ARRAY[8])
          ELSE '{}'::int[] END,
        CASE WHEN x.h % 100 = 1 THEN array_fill(0, ARRAY[34])
            || array_fill(CASE WHEN x.h % 3 = 0 THEN x.kw * 2 / 5 ELSE x.kw / 2 END, ARRAY[6]) || array_fill(0, ARRAY[8])
          ELSE '{}'::int[] END,
        CASE WHEN x.kind IN ('variableSingle', 'variableAggregate') AND x.h % 67 = 2
          THEN array_fill(0, ARRAY[20]) || array_fill(x.kw / 3, ARRAY[8]) || array_fill(0, ARRAY[20])
          ELSE '{}'::int[] END,
        CASE WHEN x.noticed THEN array_fill(CASE WHEN x.h % 10 = 0 THEN x.kw * 9 / 10 ELSE x.kw END, ARRAY[48])
          ELSE '{}'::int[] END,
        now()
      FROM (
        SELECT r.id, r.kind::text AS kind, r.installed_kw AS kw, d::date AS d,
          (hashtext(r.code || d::text) & 2147483647) AS h,
          EXISTS (SELECT 1 FROM reserve_notice_day n WHERE n.area = r.area AND n.date = d::date
            AND n.notice_kind[35] <> '') AS noticed
        FROM resource r
        CROSS JOIN generate_series('${MONTH}-01'::date, '${MONTH}-30'::date, '1 day') d
        WHERE r.code LIKE 'BR%'
      ) x`),
  )
  await timed('dispatch orders (one per dispatch-order resource)', () =>
    db.$executeRawUnsafe(`
      INSERT INTO dispatch_order (id, order_id, resource_id, ordered_at, start_at, instructed_kw,
        baseline_kw, actual_kw, updated_at)
      SELECT gen_random_uuid(), 'BO-' || r.code, r.id, s - interval '4 hours', s, r.installed_kw,
        array_fill(r.installed_kw * 2, ARRAY[6]),
        array_fill(r.installed_kw * 2 - r.installed_kw * (70 + (hashtext(r.code) & 2147483647) % 31) / 100, ARRAY[6]),
        now()
      FROM resource r
      CROSS JOIN LATERAL (SELECT ('${MONTH}-01 08:00:00+00'::timestamptz
        + ((hashtext(r.code) & 2147483647) % 28) * interval '1 day') AS s) t
      WHERE r.code LIKE 'BR%' AND r.kind = 'dispatchOrder'`),
  )
  // As after a month of feeds: vacuumed (hint bits and visibility map set) and analysed.
  await timed('VACUUM ANALYZE', () => db.$executeRawUnsafe('VACUUM ANALYZE'))
}

/** Contracts (active, FY2025) and the outage plans of resources `from` < n ≤ `to`. */
async function contract(db: Db, auctionId: string, from: number, to: number) {
  await db.$executeRawUnsafe(`
    INSERT INTO contract (id, contract_no, participant_id, resource_id, auction_id, delivery_year,
      contract_kw, awarded_kw, area_price, deduction_rate, annual_amount, monthly_amounts, state,
      updated_at)
    SELECT gen_random_uuid(), 'C${YEAR}-' || substr(r.code, 3), r.participant_id, r.id,
      '${auctionId}'::uuid, ${YEAR}, r.installed_kw, r.installed_kw, 8760, 0,
      r.installed_kw::bigint * 8760, '[]'::jsonb, 'active', now()
    FROM resource r
    WHERE r.code > ${code(String(from))} AND r.code <= ${code(String(to))}`)
  await db.$executeRawUnsafe(`
    INSERT INTO outage_plan (id, plan_no, participant_id, resource_id, contract_id, delivery_year,
      start_at, end_at, reduced_kw, reason, updated_at)
    SELECT gen_random_uuid(), 'OP${YEAR}-' || substr(r.code, 3), r.participant_id, r.id, c.id,
      ${YEAR}, '${MONTH}-10 15:00:00+00', '${MONTH}-12 15:00:00+00', r.installed_kw / 2,
      'inspection', now()
    FROM resource r JOIN contract c ON c.resource_id = r.id AND c.delivery_year = ${YEAR}
    WHERE r.code > ${code(String(from))} AND r.code <= ${code(String(to))}
      AND r.kind = 'stable' AND (hashtext(r.code) & 2147483647) % 20 = 0`)
  await db.$executeRawUnsafe('ANALYZE contract')
}

interface RunFigures {
  runId: string
  ms: number
  idle: number
  peak: number
  heap: number
}

/**
 * Runs the month's assessment in a fresh process (`assessment-run.ts`) with the API server's heap
 * limit, as the API's job runner would; `--heap-prof DIR` writes its V8 heap profile there.
 */
function runInChild(databaseUrl: string): Promise<RunFigures> {
  const heapMb = apiHeapMb()
  const heapProf = arg('heap-prof')
  const args = [
    ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
    ...(heapProf ? ['--heap-prof', `--heap-prof-dir=${heapProf}`] : []),
    ...(traceMemory ? ['--expose-gc'] : []),
    '--import',
    'tsx',
    join(here, 'assessment-run.ts'),
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: join(here, '..'),
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        BENCH_MONTH: MONTH,
        BENCH_TRACE_MEMORY: traceMemory ? '1' : '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (status) => {
      const line = out.trim().split('\n').pop()
      if (status !== 0 || !line) reject(new Error(`assessment run exited with ${status}`))
      else resolve(JSON.parse(line) as RunFigures)
    })
  })
}

async function main() {
  const started = spawnSync('bash', ['scripts/pg-test-server.sh', 'start', pgDir, String(pgPort)], {
    cwd: root,
  })
  if (started.status !== 0) throw new Error(`PostgreSQL: ${started.stderr.toString()}`)
  pgStarted = true
  const databaseUrl = started.stdout.toString().trim()
  const database = await openDatabase({ databaseUrl })
  await migrateDatabase(database)
  const db = database.prisma
  if (process.argv.includes('--slow-log')) {
    await db.$executeRawUnsafe('ALTER SYSTEM SET log_min_duration_statement = 100')
    await db.$executeRawUnsafe('SELECT pg_reload_conf()')
  }

  console.log(`\nMonthly assessment bench: ${total.toLocaleString()} resources, ${MONTH}\n`)
  const t0 = performance.now()
  await generate(db)
  const auction = await createAuction(db, { deliveryYear: YEAR, state: 'published' })
  const rows = await db.$queryRawUnsafe<{ days: bigint; notices: bigint; orders: bigint }[]>(`
    SELECT (SELECT count(*) FROM delivery_day) AS days,
      (SELECT count(*) FROM reserve_notice_day WHERE notice_kind[35] <> '') AS notices,
      (SELECT count(*) FROM dispatch_order) AS orders`)
  const [counts] = rows
  console.log(
    `  data: ${Number(counts?.days).toLocaleString()} resource-days, ${Number(counts?.notices)} area-days with notices, ` +
      `${Number(counts?.orders).toLocaleString()} dispatch orders (${seconds(performance.now() - t0)} s)\n`,
  )

  const results: (RunFigures & { resources: number; amount: bigint })[] = []
  let done = 0
  for (const step of steps) {
    await contract(db, auction.id, done, step)
    done = step
    const figures = await runInChild(databaseUrl)
    const finished = await db.assessmentRun.findUniqueOrThrow({ where: { id: figures.runId } })
    if (finished.state !== 'succeeded') throw new Error(`run failed: ${finished.error}`)
    if (finished.resourceCount !== step) {
      throw new Error(`assessed ${finished.resourceCount}, expected ${step}`)
    }
    results.push({ ...figures, resources: step, amount: finished.totalAmount })
  }
  const flags = await db.outageOmission.count()
  const penalised = await db.assessmentResult.count({
    where: {
      runId: (await db.assessmentRun.findFirstOrThrow({ where: { version: 3 } })).id,
      total: { gt: 0 },
    },
  })
  console.log(
    `  each run in a process of its own (heap limit ${apiHeapMb() || 'V8 default'}${apiHeapMb() ? ' MB' : ''}); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  console.log(
    '  resources | run (s) | s per 1,000 | idle RSS (MB) | peak RSS (MB) | peak heap (MB) | total penalties (yen)',
  )
  for (const r of results) {
    console.log(
      `  ${r.resources.toLocaleString().padStart(9)} | ${seconds(r.ms).padStart(7)} | ` +
        `${seconds(r.ms / (r.resources / 1000)).padStart(11)} | ${String(mb(r.idle)).padStart(13)} | ${String(mb(r.peak)).padStart(13)} | ${String(mb(r.heap)).padStart(14)} | ` +
        `${r.amount.toLocaleString()}`,
    )
  }
  const peakGrowth = (last: RunFigures, first: RunFigures) =>
    `${(((last.peak - first.peak) / first.peak) * 100).toFixed(1)} %`
  const marginal = results
    .slice(1)
    .map((r, i) => {
      const prev = results[i] as (typeof results)[number]
      return `${seconds((r.ms - prev.ms) / ((r.resources - prev.resources) / 1000))} s`
    })
    .join(', ')
  const last = results[results.length - 1] as (typeof results)[number]
  const first = results[0] as (typeof results)[number]
  const growth = last.ms / last.resources / (first.ms / first.resources)
  console.log(
    `\n  last run: ${penalised.toLocaleString()} resources with a penalty, ${flags.toLocaleString()} omission flags` +
      `\n  time per resource, largest vs smallest run: × ${growth.toFixed(2)} (1.00 = linear)` +
      `\n  marginal time per 1,000 more resources between the runs: ${marginal}` +
      `\n  peak RSS, largest vs smallest run: ${peakGrowth(last, first)} (goal: flat, within +15 %)` +
      `\n  goal < 60 s for 20,000 resources: ${last.resources >= 20_000 ? (last.ms < 60_000 ? 'met' : 'NOT met') : 'n/a (smaller run)'}` +
      `\n  total bench time ${seconds(performance.now() - t0)} s\n`,
  )
  await database.close()
  if (process.argv.includes('--slow-log')) {
    console.log(readFileSync(join(pgDir, 'server.log'), 'utf8'))
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
