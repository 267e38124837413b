/**
 * Monthly settlement benchmark (issue 13, E10 / F00) on a throwaway PostgreSQL server: P
 * participants and C contracts (default 1,000 and 20,000; a quarter of the resources carry a
 * second contract, so penalties are shared), one month with a succeeded assessment run whose
 * results give a penalty to one resource in five (some beyond the monthly amount, so invoices
 * are issued too). Measures the settlement run (the real job: read, compute, write the lines),
 * the issue of every participant's documents (one transaction), rendering N and 2N of the
 * issued PDFs (the time per document must stay flat), and the peak resident memory.
 *
 *   pnpm --filter @yoryo/api bench:settlement                 # 1,000 participants, 20,000 contracts
 *   pnpm --filter @yoryo/api bench:settlement --smoke         # CI: 100 participants, 2,000 contracts
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrateDatabase, openDatabase } from '@yoryo/db'
import { createAuction } from '@yoryo/db/factories'
import { renderDocument } from '../src/lib/documents.ts'
import { JobRunner } from '../src/lib/jobs.ts'
import { issueSettlementDocuments } from '../src/modules/settlement/documents.ts'
import { SETTLEMENT_JOB, settlementJob, startSettlementRun } from '../src/modules/settlement/job.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const smoke = process.argv.includes('--smoke')
const participants = Number(arg('participants') ?? (smoke ? 100 : 1_000))
const contracts = Number(arg('contracts') ?? (smoke ? 2_000 : 20_000))
const render = Number(arg('render') ?? (smoke ? 10 : 100))
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55504)
const MONTH = '2025-06'
const YEAR = 2025

const pgDir = mkdtempSync(join(tmpdir(), 'yoryo-bench-stl-pg-'))
let pgStarted = false
function cleanup() {
  if (pgStarted) spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir], { cwd: root })
  rmSync(pgDir, { recursive: true, force: true })
}
process.on('exit', cleanup)
process.on('SIGINT', () => process.exit(130))

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const seconds = (ms: number) => (ms / 1000).toFixed(2)

/** Runs `work` and reports its time and the peak RSS while it ran. */
async function measured<T>(work: () => Promise<T>): Promise<{ out: T; ms: number; peak: number }> {
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const t0 = performance.now()
  const out = await work()
  const ms = performance.now() - t0
  clearInterval(sampler)
  return { out, ms, peak: Math.max(peak, process.memoryUsage().rss) }
}

async function main() {
  const started = spawnSync('bash', ['scripts/pg-test-server.sh', 'start', pgDir, String(pgPort)], {
    cwd: root,
  })
  if (started.status !== 0) throw new Error(`PostgreSQL: ${started.stderr.toString()}`)
  pgStarted = true
  const database = await openDatabase({ databaseUrl: started.stdout.toString().trim() })
  await migrateDatabase(database)
  const db = database.prisma
  const resources = Math.round(contracts * 0.8)
  console.log(
    `\nMonthly settlement bench: ${participants.toLocaleString()} participants, ` +
      `${contracts.toLocaleString()} contracts on ${resources.toLocaleString()} resources, ${MONTH}\n`,
  )
  const t0 = performance.now()
  await db.$executeRawUnsafe(`
    INSERT INTO participant (id, code, kind, name, name_kana, name_en, updated_at)
    SELECT gen_random_uuid(), 'P8' || lpad(g::text, 4, '0'), 'participant', 'ベンチ電力 ' || g,
      'ベンチデンリョク', 'Bench Power ' || g, now()
    FROM generate_series(1, ${participants}) g`)
  await db.$executeRawUnsafe(`
    INSERT INTO resource (id, code, participant_id, kind, name, name_kana, area, generation_type,
      grid_code, location, commissioned_on, support_scheme, installed_kw, updated_at)
    SELECT gen_random_uuid(), 'BS' || lpad(g::text, 6, '0'), p.id, 'stable', 'ベンチ電源 ' || g,
      'ベンチデンゲン', 'tokyo', 'lng', 'GB' || g, '東京都千代田区', '2005-04-01', 'none',
      1000 * (1 + (g * 7919) % 50), now()
    FROM generate_series(1, ${resources}) g
    JOIN participant p ON p.code = 'P8' || lpad((1 + g % ${participants})::text, 4, '0')`)
  const auction = await createAuction(db, { deliveryYear: YEAR, state: 'published' })
  // Contract n on resource n, and contracts beyond the resources on resources 1, 2, …
  await db.$executeRawUnsafe(`
    INSERT INTO contract (id, contract_no, participant_id, resource_id, auction_id, delivery_year,
      contract_kw, awarded_kw, area_price, deduction_rate, annual_amount, monthly_amounts, state,
      updated_at)
    SELECT gen_random_uuid(), 'C${YEAR}-' || lpad(g::text, 6, '0'), r.participant_id, r.id,
      '${auction.id}'::uuid, ${YEAR}, kw, kw, 8760, 0, kw::bigint * 8760,
      to_jsonb(array_fill(kw * 730, ARRAY[12])), 'active', now()
    FROM generate_series(1, ${contracts}) g
    JOIN resource r ON r.code = 'BS' || lpad((1 + (g - 1) % ${resources})::text, 6, '0')
    CROSS JOIN LATERAL (SELECT r.installed_kw / (CASE WHEN g > ${resources} OR g <= ${contracts - resources} THEN 2 ELSE 1 END) AS kw) k`)
  const run = await db.assessmentRun.create({
    data: { month: MONTH, deliveryYear: YEAR, version: 1, state: 'succeeded' },
  })
  // A penalty for one resource in five: 5–25 % of A (capped at 18.3 %; a monthly amount is 8.3 %);
  // every resource of one participant in twenty at the cap (their nets are negative: invoices).
  await db.$executeRawUnsafe(`
    INSERT INTO assessment_result (id, run_id, month, resource_id, participant_id, contract_kw,
      annual_amount, outage_days_before, penalties_before, outage_days_in_month, subtotal,
      waived_monthly, waived_annual, total, lines, basis, exempt_slots)
    SELECT gen_random_uuid(), '${run.id}'::uuid, '${MONTH}', r.id, r.participant_id, s.kw, s.a,
      0, 0, 0, p, 0, 0, p, '[]'::jsonb, '{}'::jsonb, '[]'::jsonb
    FROM resource r
    JOIN participant pa ON pa.id = r.participant_id
    JOIN LATERAL (SELECT sum(c.contract_kw)::int AS kw, sum(c.annual_amount) AS a
      FROM contract c WHERE c.resource_id = r.id) s ON true
    CROSS JOIN LATERAL (SELECT CASE
      WHEN right(pa.code, 4)::int % 20 = 0 THEN s.a * 183 / 1000
      WHEN (hashtext(r.code) & 2147483647) % 5 = 0
      THEN least(s.a * 183 / 1000, s.a * (5 + (hashtext(r.code) & 2147483647) % 21) / 100)
      ELSE 0 END AS p) x
    WHERE r.code LIKE 'BS%'`)
  await db.$executeRawUnsafe('VACUUM ANALYZE')
  console.log(`  data generated in ${seconds(performance.now() - t0)} s`)

  const jobs = new JobRunner(db)
  jobs.register(SETTLEMENT_JOB, settlementJob(db))
  const system = { userId: null, label: 'bench', requestId: 'bench' }
  const idle = process.memoryUsage().rss
  const settled = await measured(async () => {
    const r = await startSettlementRun(db, jobs, system, MONTH)
    await jobs.drain()
    return db.settlementRun.findUniqueOrThrow({ where: { id: r.id } })
  })
  if (settled.out.state !== 'succeeded') throw new Error(`run failed: ${settled.out.error}`)
  const issued = await measured(() => issueSettlementDocuments(db, system, settled.out.id))
  const docs = await db.document.findMany({
    where: { ownerType: 'settlementRun' },
    orderBy: { documentNo: 'asc' },
    take: render * 2,
  })
  const renderRuns: { n: number; ms: number; peak: number; bytes: number }[] = []
  for (const n of [render, render * 2]) {
    const r = await measured(async () => {
      let bytes = 0
      for (const d of docs.slice(0, n)) bytes += (await renderDocument(d)).length
      return bytes
    })
    renderRuns.push({ n, ms: r.ms, peak: r.peak, bytes: r.out })
  }
  const sums = await db.settlementDocument.groupBy({
    by: ['kind'],
    _sum: { total: true, tax: true },
  })
  console.log(
    `  settlement run: ${settled.out.lineCount.toLocaleString()} lines in ${seconds(settled.ms)} s ` +
      `(${seconds(settled.ms / (settled.out.lineCount / 1000))} s per 1,000), peak RSS ${mb(settled.peak)} MB (idle ${mb(idle)} MB)`,
  )
  console.log(
    `  documents issued: ${issued.out.paymentNotices.toLocaleString()} payment notices + ` +
      `${issued.out.invoices.toLocaleString()} invoices in ${seconds(issued.ms)} s, peak RSS ${mb(issued.peak)} MB`,
  )
  for (const r of renderRuns) {
    console.log(
      `  rendered ${String(r.n).padStart(5)} PDFs: ${seconds(r.ms).padStart(6)} s, ` +
        `${(r.ms / r.n).toFixed(1)} ms per document, ${Math.round(r.bytes / r.n / 1024)} KB each, peak RSS ${mb(r.peak)} MB`,
    )
  }
  const [a, b] = renderRuns as [(typeof renderRuns)[number], (typeof renderRuns)[number]]
  console.log(
    `  time per document, ${b.n} vs ${a.n}: × ${(b.ms / b.n / (a.ms / a.n)).toFixed(2)} (1.00 = linear)` +
      `\n  sums: ${sums.map((s) => `${s.kind} ${Number(s._sum.total).toLocaleString()} yen (tax ${Number(s._sum.tax).toLocaleString()})`).join(', ')}` +
      `\n  total bench time ${seconds(performance.now() - t0)} s\n`,
  )
  await database.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
