import { identityWrites } from '@yoryo/db'

/**
 * Short-lived, per-process cache of identity rows (sessions, API tokens with their user, the
 * maintenance setting), shared by concurrent requests (one load in flight per key).
 *
 * An entry is used only while
 * - it is younger than `SHORT_LIVED_MS` (the staleness another API instance's write can cause:
 *   a session ended, a token revoked, a user cancelled or locked, rights or maintenance mode
 *   changed on another instance or directly in the database take effect within that time), and
 * - no identity write went through this process's database client since its load began
 *   (`identityWrites` in @yoryo/db: a logout, password change, token revocation, user or rights
 *   change, maintenance switch … here is seen by the very next request).
 *
 * A database client that does not count identity writes is never cached for.
 */
export const SHORT_LIVED_MS = 2_000
const MAX_ENTRIES = 10_000

interface Entry {
  at: number
  generation: number
  value: Promise<unknown>
}

const caches = new WeakMap<object, Map<string, Entry>>()

export function shortLived<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
  const writes = identityWrites(db)
  if (!writes) return load()
  let entries = caches.get(db)
  if (!entries) caches.set(db, (entries = new Map()))
  const now = Date.now()
  const hit = entries.get(key)
  if (hit && hit.generation === writes.generation && now - hit.at < SHORT_LIVED_MS) {
    return hit.value as Promise<T>
  }
  if (entries.size >= MAX_ENTRIES) prune(entries, now)
  const entry: Entry = { at: now, generation: writes.generation, value: load() }
  entries.set(key, entry)
  entry.value.then(
    () => {
      // Written while it loaded: the row may predate the write, do not keep it.
      if (writes.generation !== entry.generation && entries.get(key) === entry) entries.delete(key)
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key)
    },
  )
  return entry.value as Promise<T>
}

function prune(entries: Map<string, Entry>, now: number) {
  for (const [key, entry] of entries) if (now - entry.at >= SHORT_LIVED_MS) entries.delete(key)
  if (entries.size >= MAX_ENTRIES) entries.clear()
}
