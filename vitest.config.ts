import { defineConfig } from 'vitest/config'

// One vitest run covers every package that has tests; each project has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
})
