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
