// The reference point of the bid deadline benchmark: a bare authenticated insert route —
// Fastify 5 and `pg`, no framework of ours. It authenticates the bearer token the same way in
// spirit (SHA-256 of the token looked up with its user, not revoked, not expired) and inserts
// one row per request. What the real bid route does beyond this is the cost of the rules
// (row lock, window, limits, receipt signature, version, audit).
import { createHash } from 'node:crypto'
import Fastify from 'fastify'
import pg from 'pg'

const url = new URL(process.env.DATABASE_URL)
const pool = new pg.Pool({
  host: url.hostname,
  port: Number(url.port),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  max: 10,
})
await pool.query(
  'CREATE TABLE IF NOT EXISTS bench_bare_insert (id bigserial PRIMARY KEY, user_id uuid, kw int, price int, at timestamptz DEFAULT clock_timestamp())',
)
const app = Fastify({ logger: false })
app.get('/api/health', async () => ({ status: 'ok' }))
app.put('/bare/bids', async (request, reply) => {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '')
  const hash = createHash('sha256').update(token).digest('hex')
  const { rows } = await pool.query(
    `SELECT t.user_id FROM api_token t WHERE t.token_hash = $1 AND t.revoked_at IS NULL
       AND t.expires_at > now()`,
    [hash],
  )
  if (!rows[0]) return reply.code(401).send({ error: 'unauthorised' })
  const { kw, price } = request.body ?? {}
  const inserted = await pool.query(
    'INSERT INTO bench_bare_insert (user_id, kw, price) VALUES ($1, $2, $3) RETURNING id, at',
    [rows[0].user_id, kw, price],
  )
  return reply.code(201).send(inserted.rows[0])
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void pool.end().finally(() => process.exit(0))
  })
}
