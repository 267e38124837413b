// How the API server process is started, by `pnpm start` and by the API benchmarks (the
// arguments after `node`). TypeScript through the tsx loader: the loader costs start-up time
// only (module loading); the API benchmark's CPU profile shows no tsx frames under load.
import { join } from 'node:path'

/**
 * The V8 heap limit of the API process in MB (`API_HEAP_MB`, default 256). Without one V8 lets
 * garbage pile up to a limit from the machine's memory: a 100,000-row bulk import grew the
 * process by 370 MB of uncollected garbage; with this limit it stays within 200 MB at the same
 * speed (apps/api/bench/README.md "Memory"). The embedded database's memory (WebAssembly) is
 * outside this limit. `API_HEAP_MB=0`: no limit of ours (V8's default).
 */
export function apiHeapMb(env = process.env) {
  const mb = Number(env.API_HEAP_MB ?? 256)
  if (!Number.isInteger(mb) || (mb !== 0 && mb < 64)) {
    throw new Error('API_HEAP_MB: 0 or a whole number ≥ 64')
  }
  return mb
}

/** `node ...apiServerCommand(root)` runs the API server. */
export function apiServerCommand(root, env = process.env) {
  const heapMb = apiHeapMb(env)
  return [
    ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
    '--import',
    'tsx',
    join(root, 'apps/api/src/server.ts'),
  ]
}
