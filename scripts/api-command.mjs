// How the API server process is started (`pnpm start` and the API benchmark): the arguments
// after `node`.
import { join } from 'node:path'

/** `node <these> ` runs the API server. */
export function apiServerCommand(root) {
  return ['--import', 'tsx', join(root, 'apps/api/src/server.ts')]
}
