// ESLint flat config: ESLint's and typescript-eslint's non-type-aware recommended
// rules, the local layering rule that enforces the architecture's import
// direction (see tools/eslint/layering.js), and import-x's cycle check.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import layering from './tools/eslint/layering.js';
import { cycleCheck } from './tools/eslint/cycles.js';

/** Node globals for the plain-JS scripts (TypeScript checks globals in .ts files itself). */
const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'globalThis', 'structuredClone',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
    'queueMicrotask', 'fetch', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    'out/', 'dist/', 'node_modules/', '.tmp/', 'build/native/',
    'test-results/', 'playwright-report/', '.bench/',
  ]),
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { local: layering },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  cycleCheck(
    { importX, createNodeResolver },
    {
      typeCycleExceptions: [],
    },
  ),
  {
    // The demo seeder is a chunk of its own in the desktop build, loaded only when a fresh store
    // is seeded: a static import would put it back into every start.
    files: ['electron/main/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/db/seed/(?!store-in-use\\.js$)',
              allowTypeImports: true,
              message:
                "Load the demo seeder with import() where a store is seeded, so it stays out of the main bundle; db/seed/store-in-use.js is the part every start needs.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Tests may use `any` for fakes and deliberately malformed inputs.
    files: ['tests/**', '**/*.test.{ts,tsx,mts,js,mjs}', '**/*.spec.{ts,tsx,mts,js,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
