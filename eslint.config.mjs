import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'

// The layers. import/no-restricted-paths resolves each import (alias, relative or dynamic) to its
// file, so `@/lib/server/db` and `../../lib/server/db` are refused alike.
const layerZones = [
  {
    target: './lib/domain',
    from: ['./lib/server', './lib/generated'],
    message: 'lib/domain holds pure rules shared with the browser: no data access, no Prisma client.',
  },
  {
    // Pages and components get data through lib/server functions; the generated enums are not used
    // there either (the domain's own types and words are), so the whole generated client is refused.
    target: ['./app', './components'],
    from: ['./lib/server/db.ts', './lib/generated'],
    message: 'Pages and components never reach the database: call a lib/server/<area> function.',
  },
  {
    target: './prisma',
    from: './scripts',
    message: 'prisma/ is schema, migrations and seed data; tooling that uses them lives in scripts/.',
  },
]
// What only the application's own code must respect: test code may read the seed and the fixtures.
const applicationZones = [
  {
    target: './lib',
    from: ['./prisma', './scripts'],
    message: 'lib/ is the application: it does not depend on prisma/ (seed) or scripts/ (tooling).',
  },
  {
    target: ['./app', './components', './lib', './prisma', './scripts', './proxy.ts'],
    from: './tests',
    message: 'Only tests import from tests/ (move shared test data to tests/fixtures or tests/support).',
  },
]
// Test code: unit tests beside the code, tests/, the test tooling and the benchmarks (which drive the
// portal with the tests' own clients).
const testFiles = ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'scripts/test/**', 'bench/**']

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through lib/env.ts only.',
        },
      ],
    },
  },
  {
    rules: { 'import/no-restricted-paths': ['error', { zones: [...layerZones, ...applicationZones] }] },
  },
  {
    files: testFiles,
    rules: { 'import/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // Packages the pure layer must not use (import/no-restricted-paths only sees our own files).
    files: ['lib/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*'], message: 'lib/domain is pure: no Next.js here.' },
            {
              group: ['@prisma/*', 'server-only'],
              message: 'lib/domain is pure: no Prisma, no server-only code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@prisma/*'], message: 'Pages and components never reach the database.' }] },
      ],
    },
  },
  {
    // Tooling reads its own environment (it runs before lib/env.ts applies, or configures it).
    // (lib/cache/portal-cache-handler.mjs is loaded by Next's server itself, outside the app's bundle.)
    files: [
      'scripts/**',
      'lib/env.ts',
      '*.config.*',
      'tests/**',
      'bench/**',
      'prisma/**',
      'lib/cache/portal-cache-handler.mjs',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'lib/generated/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
  ]),
])
