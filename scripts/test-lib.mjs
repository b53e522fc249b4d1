// Pure parts of scripts/test.mjs: reading the runners' JSON reports and writing the summary.
// Tested in tests/unit/test-lib.test.ts.
import path from 'node:path';

/** The reason Playwright recorded for a skip (test.skip(condition, reason)), if any. */
function skipReason(test) {
  const annotations = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((r) => r.annotations ?? [])];
  return annotations.find((a) => (a.type === 'skip' || a.type === 'fixme') && a.description)?.description ?? null;
}

/**
 * Walks a Playwright JSON report: suites -> (suites | specs) -> tests. Skipped tests are listed
 * with their reasons, so a skip is always seen in the summary.
 */
export function countPlaywright(report, root = '') {
  const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0, skippedTests: [] };
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected') counts.passed += 1;
        else if (test.status === 'flaky') {
          counts.passed += 1;
          counts.flaky += 1;
        } else if (test.status === 'skipped') {
          counts.skipped += 1;
          counts.skippedTests.push({
            title: [...titles, spec.title].join(' › '),
            file: spec.file ? relative(root, spec.file) : null,
            reason: skipReason(test),
          });
        } else counts.failed += 1; // 'unexpected' or anything unknown
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.file ? [...titles, suite.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return counts;
}

const relative = (root, file) => (root && path.isAbsolute(file) ? path.relative(root, file) : file);

/** Vitest's skipped and todo tests (its JSON report keeps no reason). */
export function vitestSkipped(report, root = '') {
  const skipped = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
        skipped.push({
          title: test.fullName ?? test.title,
          file: file.name ? relative(root, file.name) : null,
          reason: test.status === 'todo' ? 'marked todo' : null,
        });
      }
    }
  }
  return skipped;
}

/**
 * The summary's lines: one per runner, the skipped tests with their reasons, and last
 * `N passed, N failed` (skipped tests are in neither count).
 */
export function summaryLines(results) {
  const lines = [];
  for (const r of results) {
    const skipped = r.skipped?.length ? `, ${r.skipped.length} skipped` : '';
    lines.push(`  ${r.name.padEnd(26)} ${r.passed} passed, ${r.failed} failed${skipped}`);
  }
  const skipped = results.flatMap((r) => (r.skipped ?? []).map((s) => ({ ...s, runner: r.name })));
  if (skipped.length > 0) {
    lines.push(`  skipped (${skipped.length}):`);
    for (const s of skipped) {
      const where = s.file ? ` (${s.file})` : '';
      lines.push(`    - ${s.runner}: ${s.title}${where}: ${s.reason ?? 'no reason given'}`);
    }
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  lines.push(`${passed} passed, ${failed} failed`);
  return lines;
}
