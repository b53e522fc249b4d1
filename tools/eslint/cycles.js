// The import-cycle check: eslint-plugin-import-x's `no-cycle`, with a resolver that follows
// this project's TypeScript imports. Kept apart from eslint.config.js so that its test
// (cycles.test.ts) runs the very settings `npm run lint` uses.
//
// eslint-import-resolver-typescript is not installed; none of its features is needed here
// (tsconfig has no `paths`), so import-x's own resolver (unrs-resolver) does the job once it
// maps the '.js' written in imports to the '.ts'/'.tsx' file on disk, as `moduleResolution:
// "Bundler"` does.
//
// import-x's no-cycle skips type-only imports (`import type`) and has no option to follow them;
// `cycles/no-type-cycle` (type-cycles.js) reports the cycles that only types close.

import { noTypeCycle } from './type-cycles.js';

const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * Every code file: both cycle rules together add about 40% to `npm run lint`'s CPU time
 * (measured 11.5-12.4 -> 16.6-16.9 s user), well short of a reason to leave tests unchecked.
 */
export const CYCLE_CHECKED_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/**
 * @param {{ importX: import('eslint').ESLint.Plugin, createNodeResolver: typeof import('eslint-plugin-import-x').createNodeResolver }} plugin
 * @param {{ files?: string[], typeCycleExceptions?: string[] }} [options] typeCycleExceptions:
 *   project-relative files whose type-only cycles are known and being removed
 * @returns {import('eslint').Linter.Config}
 */
export function cycleCheck({ importX, createNodeResolver }, { files = CYCLE_CHECKED_FILES, typeCycleExceptions = [] } = {}) {
  return {
    files,
    plugins: { 'import-x': importX, cycles: { meta: { name: 'order-desk-cycles' }, rules: { 'no-type-cycle': noTypeCycle } } },
    settings: {
      'import-x/extensions': [...TS_EXTENSIONS, '.js', '.jsx', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': TS_EXTENSIONS },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: [...TS_EXTENSIONS, '.js', '.jsx', '.mjs', '.cjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
        }),
      ],
    },
    // ignoreExternal: cycles inside node_modules are not ours, and not walking it keeps lint quick.
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'cycles/no-type-cycle': ['error', { allow: typeCycleExceptions }],
    },
  };
}
