import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

/**
 * Snapshots of in-memory PGlite databases, kept as tar files in the system temp folder.
 *
 * A new PGlite database runs initdb, about 2 s; loading a snapshot takes about 0.4 s. Snapshots
 * are named by a hash of what they contain (PGlite's version plus the caller's key), written
 * under a temporary name and renamed, so parallel processes never read half a file; a missing or
 * unreadable cache only costs time.
 */

/** Bump when the way snapshots are made changes, to ignore older files. */
const FORMAT = 1
const cacheDir = join(tmpdir(), 'yoryo-db-templates')
const inProcess = new Map<string, Promise<Blob>>()

/** The snapshot `name` + `key`, from memory, the disk cache, or made by `build` (then closed). */
export function snapshot(name: string, key: unknown, build: () => Promise<PGlite>): Promise<Blob> {
  const hash = createHash('sha256')
    .update(JSON.stringify([FORMAT, pgliteVersion(), key]))
    .digest('hex')
    .slice(0, 20)
  const id = `${name}-${hash}`
  let promise = inProcess.get(id)
  if (!promise) {
    promise = loadOrBuild(name, id, build)
    promise.catch(() => inProcess.delete(id))
    inProcess.set(id, promise)
  }
  return promise
}

/** A new, empty in-memory PGlite database (from the blank snapshot). */
export async function blankPGlite(): Promise<PGlite> {
  const blank = await snapshot('blank', null, () => PGlite.create())
  return PGlite.create({ loadDataDir: blank })
}

async function loadOrBuild(name: string, id: string, build: () => Promise<PGlite>): Promise<Blob> {
  const file = join(cacheDir, `${id}.tar`)
  if (existsSync(file)) {
    try {
      return new Blob([readFileSync(file)])
    } catch {
      // Unreadable: build it again below.
    }
  }
  const pglite = await build()
  let dump: Blob
  try {
    dump = await pglite.dumpDataDir('none')
  } finally {
    await pglite.close()
  }
  try {
    mkdirSync(cacheDir, { recursive: true })
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith(`${name}-`) && old.endsWith('.tar') && old !== `${id}.tar`) {
        rmSync(join(cacheDir, old), { force: true })
      }
    }
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()))
    renameSync(partial, file)
  } catch {
    // The cache is an optimisation only (e.g. a read-only temp folder).
  }
  return dump
}

let version: string | undefined

function pgliteVersion(): string {
  if (version) return version
  const require = createRequire(import.meta.url)
  let dir = dirname(require.resolve('@electric-sql/pglite'))
  for (let i = 0; i < 4 && !version; i++) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      const parsed = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string }
      if (parsed.name === '@electric-sql/pglite') version = parsed.version
    }
    dir = dirname(dir)
  }
  version ??= 'unknown'
  return version
}
