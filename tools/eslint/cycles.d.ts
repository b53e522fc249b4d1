// Types for the plain-JS cycle-check config (tools/eslint/cycles.js), so its TypeScript
// test can import it without allowJs.
import type { ESLint, Linter } from 'eslint';
import type { createNodeResolver } from 'eslint-plugin-import-x';

export declare const CYCLE_CHECKED_FILES: string[];
export declare function cycleCheck(
  plugin: { importX: ESLint.Plugin; createNodeResolver: typeof createNodeResolver },
  options?: { files?: string[]; typeCycleExceptions?: string[] },
): Linter.Config;
