import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import fp from 'fastify-plugin'
import type { FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { sendProblem } from '../lib/problem.ts'

/** Hashed build output (`assets/<name>-<hash>.js`) never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Cache rules: hashed assets for a year, everything else (index.html) revalidated each time. */
function setCacheHeaders(reply: FastifyReply, path: string): void {
  reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache')
}

/**
 * Serves the two SPAs from their build folders: pre-delivery at `/`, delivery at `/delivery/`.
 * Unknown paths under a SPA get its index.html (client-side routing); unknown API paths get a
 * problem document. JS, CSS and HTML go out Brotli- or gzip-compressed from the `.br` / `.gz`
 * files `pnpm build` writes beside them (scripts/precompress.mjs); hashed assets are cached
 * immutable, index.html is `no-cache`.
 */
export const webPlugin = fp<{ distDir: string | undefined }>(async (app, { distDir }) => {
  const preDelivery = distDir && join(distDir, 'pre-delivery')
  const delivery = distDir && join(distDir, 'delivery')
  const haveWeb = Boolean(preDelivery && delivery && existsSync(join(preDelivery, 'index.html')))
  if (haveWeb && preDelivery && delivery) {
    await app.register(fastifyStatic, {
      root: preDelivery,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: setCacheHeaders,
    })
    await app.register(fastifyStatic, {
      root: delivery,
      prefix: '/delivery/',
      decorateReply: false,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: setCacheHeaders,
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    if (haveWeb && request.method === 'GET' && !path.startsWith('/api/')) {
      reply.header('cache-control', 'no-cache')
      if (path === '/delivery' || path.startsWith('/delivery/')) {
        return reply.sendFile('index.html', delivery as string)
      }
      return reply.sendFile('index.html', preDelivery as string)
    }
    return sendProblem(request, reply, 404, 'E-COMMON-006')
  })
})
