import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

/**
 * Runs against the local server by default (started here on a fresh embedded database), or
 * against any deployed environment given E2E_BASE_URL. Chromium comes from Debian.
 */
const external = process.env.E2E_BASE_URL
const port = Number(process.env.E2E_PORT ?? 3100)
const tlsPort = Number(process.env.E2E_TLS_PORT ?? 3443)
export const baseURL = external ?? `http://127.0.0.1:${port}`
const root = join(import.meta.dirname, '..')
/** Wiped by each server command at start; the TLS server keeps its certificates there too. */
export const e2eDataDir = process.env.E2E_DATA_DIR ?? join(root, '.data', 'e2e')
export const tlsBaseURL = `https://127.0.0.1:${tlsPort}`

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
}

const serverEnv = {
  LOG_LEVEL: 'warn',
  ENABLE_TEST_SUPPORT: 'true',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: join(root, 'playwright-report') }]],
  outputDir: join(root, 'test-results'),
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: chromium }],
  webServer: external
    ? undefined
    : [
        {
          command: `rm -rf '${join(e2eDataDir, 'plain')}' && node scripts/start.mjs --skip-build`,
          cwd: root,
          url: `${baseURL}/api/health`,
          reuseExistingServer: false,
          timeout: 120_000,
          env: { ...serverEnv, PORT: String(port), DATA_DIR: join(e2eDataDir, 'plain') },
        },
        {
          // The same system behind mutual TLS, for the client-certificate login test.
          command: 'bash e2e/support/start-tls-server.sh',
          cwd: root,
          url: `https://127.0.0.1:${tlsPort}/api/health`,
          ignoreHTTPSErrors: true,
          reuseExistingServer: false,
          timeout: 120_000,
          env: {
            ...serverEnv,
            E2E_TLS_PORT: String(tlsPort),
            DATA_DIR: join(e2eDataDir, 'tls'),
          },
        },
      ],
})
