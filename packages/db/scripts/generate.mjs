// Runs `prisma generate` without downloading the native schema engine:
// generation needs no engine, but the CLI insists on one being present, so we point it at a stub.
import { spawnSync } from 'node:child_process'
import { writeFileSync, chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const stub = join(mkdtempSync(join(tmpdir(), 'yoryo-prisma-')), 'schema-engine-stub')
writeFileSync(
  stub,
  '#!/bin/sh\necho "schema engine not available offline: use pnpm --filter @yoryo/db migrate" >&2\nexit 1\n',
)
chmodSync(stub, 0o755)
const result = spawnSync(
  'pnpm',
  ['exec', 'prisma', 'generate', '--config', join(root, 'prisma.config.ts')],
  {
    cwd: join(root, 'packages', 'db'),
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: stub,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
)
process.exit(result.status ?? 1)
