import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Db } from '@yoryo/db'
import { buildApp } from '../app.ts'
import { repoRoot, testConfig } from '../config.ts'

/**
 * `write`: regenerates openapi/openapi.json from the route schemas.
 * `check`: fails when the committed document differs from a fresh generation (CI drift check).
 */
export async function generateOpenApi(): Promise<string> {
  // The document needs no database: routes are only registered, never called.
  const app = await buildApp(testConfig({ webDistDir: undefined }), { db: {} as Db })
  await app.ready()
  const document = JSON.stringify(app.swagger(), null, 2) + '\n'
  await app.close()
  return document
}

async function main() {
  const mode = process.argv[2]
  const file = resolve(repoRoot, 'openapi', 'openapi.json')
  const fresh = await generateOpenApi()
  if (mode === 'write') {
    writeFileSync(file, fresh)
    console.log(`wrote ${file}`)
    return
  }
  if (mode === 'check') {
    let committed = ''
    try {
      committed = readFileSync(file, 'utf8')
    } catch {
      // missing file: reported below
    }
    if (committed !== fresh) {
      console.error(
        'openapi/openapi.json is out of date with the route schemas. Run `pnpm openapi` and commit the result.',
      )
      process.exit(1)
    }
    console.log('openapi/openapi.json is up to date')
    return
  }
  console.error('usage: openapi.ts write|check')
  process.exit(2)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  await main()
}
