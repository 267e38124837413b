// `pnpm start`: builds both SPAs (unless --skip-build or they are up to date) and starts the API,
// which serves the pre-delivery SPA at /, the delivery SPA at /delivery/ and the API at /api/,
// on the embedded database with demo data (or DATABASE_URL).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { apiServerCommand } from './api-command.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const skipBuild = process.argv.includes('--skip-build')
const built =
  existsSync(join(root, 'dist/web/pre-delivery/index.html')) &&
  existsSync(join(root, 'dist/web/delivery/index.html'))

if (!skipBuild || !built) {
  console.log('Building the two SPAs…')
  const result = spawnSync('pnpm', ['--silent', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const child = spawn(process.execPath, apiServerCommand(root), {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
