import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { baseURL, e2eDataDir, external, port, root, tlsBaseURL, tlsPort } from './support/env.ts'

/**
 * Runs against the local server by default (started here on a fresh embedded database), or
 * against any deployed environment given E2E_BASE_URL. Chromium comes from Debian.
 */
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
  LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '1000',
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
  projects: [
    { name: 'chromium', use: chromium, testIgnore: /(exclusive|mobile)\// },
    // Phones: both SPAs at 390 px wide (portal, a list, the 700 form).
    {
      name: 'mobile',
      use: { ...chromium, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      testMatch: /mobile\/.*\.spec\.ts/,
    },
    // Tests that change system-wide state (maintenance mode) run alone, after the others.
    {
      name: 'exclusive',
      use: chromium,
      testMatch: /exclusive\/.*\.spec\.ts/,
      dependencies: ['chromium'],
      fullyParallel: false,
    },
  ],
  webServer: external
    ? undefined
    : [
        {
          command: `rm -rf '${join(e2eDataDir, 'plain')}' && node scripts/start.mjs --skip-build`,
          cwd: root,
          url: `${baseURL}/api/health`,
          reuseExistingServer: false,
          timeout: 300_000,
          env: { ...serverEnv, PORT: String(port), DATA_DIR: join(e2eDataDir, 'plain') },
        },
        {
          // The same system behind mutual TLS, for the client-certificate login test.
          command: 'bash e2e/support/start-tls-server.sh',
          cwd: root,
          url: `${tlsBaseURL}/api/health`,
          ignoreHTTPSErrors: true,
          reuseExistingServer: false,
          timeout: 300_000,
          env: {
            ...serverEnv,
            E2E_TLS_PORT: String(tlsPort),
            DATA_DIR: join(e2eDataDir, 'tls'),
          },
        },
      ],
})
