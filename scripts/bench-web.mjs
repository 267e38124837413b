#!/usr/bin/env node
// First-load weight of each built SPA (`pnpm build` first): the JavaScript index.html loads
// before anything else (its module script and modulepreloads), gzip-compressed as the API
// serves it, against the budget of issue 7 (200 KB per SPA). Also lists the CSS and the font
// files the CSS can reference. Exits 1 when a SPA is over budget. Run by `pnpm bench:web`.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 200
const dist = resolve(import.meta.dirname, '..', process.env.WEB_DIST_DIR ?? 'dist/web')
const apps = { 'pre-delivery': '/', delivery: '/delivery/' }

const kb = (n) => (n / 1024).toFixed(1)
let failed = false
for (const [app, base] of Object.entries(apps)) {
  const dir = join(dist, app)
  const indexFile = join(dir, 'index.html')
  if (!existsSync(indexFile)) {
    console.error(`${app}: ${indexFile} missing — run \`pnpm build\` first`)
    process.exit(2)
  }
  const html = readFileSync(indexFile, 'utf8')
  const refs = (pattern) =>
    [...html.matchAll(pattern)].map((m) => join(dir, m[1].slice(base.length)))
  const js = [
    ...new Set([
      ...refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ]),
  ]
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)
  const gz = (files) =>
    files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0)
  const jsGzip = gz(js)
  const cssGzip = gz(css)
  const fonts = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.woff2')).length
  const over = jsGzip > BUDGET_KB * 1024
  failed ||= over
  console.log(
    `${app.padEnd(13)} first-load JS ${kb(jsGzip).padStart(6)} KB gzip in ${js.length} files` +
      ` (budget ${BUDGET_KB} KB${over ? ', OVER' : ''}) · CSS ${kb(cssGzip)} KB gzip · ${fonts} font files built`,
  )
}
process.exit(failed ? 1 : 0)
