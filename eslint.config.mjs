import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'

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
