import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts'],
    // PGlite starts in about a second; the schema engine (drift check) takes several.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
