import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/**
 * Dependency direction (shared/spec/architecture.md):
 *   contracts ← domain ← api;  contracts ← db ← api;  contracts ← ui ← SPAs.
 * Each rule below lists what a layer must not import.
 */
const forbid = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map((group) => ({ group: [group, `${group}/*`], message })) },
    ],
  },
})

const root = path.dirname(fileURLToPath(import.meta.url))
const subdirectories = (dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)

/**
 * Lint zones (issue 7 §5), one zone per folder:
 * - An API module (`apps/api/src/modules/<m>/`) imports another module only through the other's
 *   `public.ts`, which re-exports what it offers. Helpers several modules need go to
 *   `apps/api/src/lib/`. (Plugins and app.ts compose the modules and are outside the zones.)
 * - A SPA feature (`apps/<spa>/src/features/<f>/`) imports no other feature: shared parts move
 *   to `packages/ui`.
 */
const apiModulesDir = 'apps/api/src/modules'
const apiModuleZones = subdirectories(apiModulesDir).map((m) => ({
  target: path.join(root, apiModulesDir, m, '**'),
  from: path.join(root, apiModulesDir, `!(${m})`, '**'),
  except: [path.join(root, apiModulesDir, '*', 'public.ts')],
  message: `Import another API module through its public.ts only (or move the helper to apps/api/src/lib/).`,
}))
const featureZones = ['apps/pre-delivery/src/features', 'apps/delivery/src/features'].flatMap(
  (dir) =>
    subdirectories(dir).map((f) => ({
      target: path.join(root, dir, f, '**'),
      from: path.join(root, dir, `!(${f})`, '**'),
      message: 'A SPA feature imports no other feature: move the shared part to packages/ui.',
    })),
)

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tsbuild/**',
      '**/generated/**',
      '**/.data/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import cycles, inside a package or across packages.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs'],
          conditionNames: ['import', 'module', 'default'],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: [
      'apps/pre-delivery/**/*.{ts,tsx}',
      'apps/delivery/**/*.{ts,tsx}',
      'packages/ui/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: [`${apiModulesDir}/**/*.ts`, 'apps/*/src/features/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...apiModuleZones, ...featureZones] }],
    },
  },
  forbid(['packages/contracts/**'], ['@yoryo/*'], 'contracts depends on zod only.'),
  forbid(
    ['packages/domain/**'],
    [
      '@yoryo/db',
      '@yoryo/ui',
      '@yoryo/api',
      '@yoryo/pre-delivery',
      '@yoryo/delivery',
      'fastify',
      '@prisma/*',
      'react',
    ],
    'domain is pure: contracts only, no I/O.',
  ),
  forbid(
    ['packages/db/**'],
    [
      '@yoryo/domain',
      '@yoryo/ui',
      '@yoryo/api',
      '@yoryo/pre-delivery',
      '@yoryo/delivery',
      'fastify',
      'react',
    ],
    'db depends on contracts only.',
  ),
  forbid(
    ['packages/ui/**'],
    [
      '@yoryo/db',
      '@yoryo/domain',
      '@yoryo/api',
      '@yoryo/pre-delivery',
      '@yoryo/delivery',
      'fastify',
      '@prisma/*',
    ],
    'ui depends on contracts only.',
  ),
  forbid(
    ['apps/pre-delivery/**', 'apps/delivery/**'],
    ['@yoryo/db', '@yoryo/api', '@prisma/*', 'fastify', '@yoryo/pre-delivery', '@yoryo/delivery'],
    'SPAs use contracts and ui only; they never touch the database or the other SPA.',
  ),
  forbid(
    ['apps/api/**'],
    ['@yoryo/ui', '@yoryo/pre-delivery', '@yoryo/delivery', 'react'],
    'The API never imports UI code.',
  ),
  prettier,
)
