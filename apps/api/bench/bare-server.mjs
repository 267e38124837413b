// The reference point of the API benchmark: a bare Fastify 5 route answering {status:'ok'}.
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/api/health', async () => ({ status: 'ok' }))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0))
