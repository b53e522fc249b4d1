// Types for scripts/test-lib.mjs (plain JS so `npm test` needs no TypeScript loader).
export interface SkippedTest {
  title: string;
  file: string | null;
  reason: string | null;
}
export interface RunnerResult {
  name: string;
  passed: number;
  failed: number;
  skipped?: SkippedTest[];
}
export declare function countPlaywright(
  report: unknown,
  root?: string,
): { passed: number; failed: number; flaky: number; skipped: number; skippedTests: SkippedTest[] };
export declare function vitestSkipped(report: unknown, root?: string): SkippedTest[];
export declare function summaryLines(results: RunnerResult[]): string[];
