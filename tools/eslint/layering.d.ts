// Types for the plain-JS local ESLint plugin (tools/eslint/layering.js), so
// TypeScript callers (its tests) can import it without allowJs.
import type { ESLint } from 'eslint';

export declare function layerOf(rel: string): { name: string; group: string } | null;
export declare function packageName(specifier: string): string;

declare const plugin: ESLint.Plugin & {
  rules: { layering: NonNullable<ESLint.Plugin['rules']>[string] };
};
export default plugin;
