// ESLint flat config: typescript-eslint's non-type-aware recommended rules plus
// the local layering rule that enforces the architecture's import direction.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import layering from './tools/eslint/layering.js';

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', '.tmp/', 'build/native/', 'test-results/', 'playwright-report/', '.bench/']),
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [tseslint.configs.recommended],
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
  {
    // Tests may use `any` for fakes and deliberately malformed inputs.
    files: ['tests/**', '**/*.test.{ts,tsx,mts,js,mjs}', '**/*.spec.{ts,tsx,mts,js,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
