// How the API server process is started, by `pnpm start` and by the API benchmark (the
// arguments after `node`). TypeScript through the tsx loader: the loader costs start-up time
// only (module loading); the API benchmark's CPU profile shows no tsx frames under load.
import { join } from 'node:path'

/** `node ...apiServerCommand(root)` runs the API server. */
export function apiServerCommand(root) {
  return ['--import', 'tsx', join(root, 'apps/api/src/server.ts')]
}
