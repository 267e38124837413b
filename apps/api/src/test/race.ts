/**
 * A reusable race harness: runs `n` attempts as nearly at once as one process allows. Every
 * attempt is created first and held at one barrier; releasing it starts them together, so
 * their database transactions overlap (truly on PostgreSQL; PGlite serialises them, which
 * still interleaves the checks and writes of the handlers).
 */
export async function race<T>(n: number, attempt: (i: number) => Promise<T>): Promise<T[]> {
  let release!: () => void
  const barrier = new Promise<void>((resolve) => (release = resolve))
  const runs = Array.from({ length: n }, (_, i) => barrier.then(() => attempt(i)))
  release()
  return Promise.all(runs)
}

/** Counts the outcomes of a race by a key (e.g. the status code). */
export function tally<T>(results: T[], key: (r: T) => string | number): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of results) out[String(key(r))] = (out[String(key(r))] ?? 0) + 1
  return out
}
