import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestContext } from '../test/harness.ts'

// A built web folder as `pnpm build` leaves it: index.html, a hashed asset and its .br / .gz.
const dist = mkdtempSync(join(tmpdir(), 'yoryo-web-'))
const script = 'console.log("yoryo");'.repeat(100)
for (const app of ['pre-delivery', 'delivery']) {
  mkdirSync(join(dist, app, 'assets'), { recursive: true })
  writeFileSync(join(dist, app, 'index.html'), `<!doctype html><title>${app}</title>`)
  writeFileSync(join(dist, app, 'assets', 'index-Abc123.js'), script)
  writeFileSync(join(dist, app, 'assets', 'index-Abc123.js.br'), brotliCompressSync(script))
  writeFileSync(join(dist, app, 'assets', 'index-Abc123.js.gz'), gzipSync(script))
}

describe('static files of the SPAs', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestApp({ webDistDir: dist })
  })
  afterAll(async () => {
    await t.close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('serves hashed assets compressed and cached immutable', async () => {
    for (const [url, encoding] of [
      ['/assets/index-Abc123.js', 'br'],
      ['/delivery/assets/index-Abc123.js', 'gzip'],
    ] as const) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': encoding } })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-encoding']).toBe(encoding)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.rawPayload.length).toBeLessThan(script.length / 5)
    }
    const plain = await t.app.inject({ url: '/assets/index-Abc123.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
  })

  it('serves index.html for SPA routes with no-cache', async () => {
    for (const [url, title] of [
      ['/', 'pre-delivery'],
      ['/users', 'pre-delivery'],
      ['/delivery/permissions', 'delivery'],
    ] as const) {
      const res = await t.app.inject({ url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.body).toContain(title)
    }
  })
})
