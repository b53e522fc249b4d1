import { describe, expect, it } from 'vitest';
import { countPlaywright, summaryLines, vitestSkipped } from '../../scripts/test-lib.mjs';

const skippedElectron = {
  suites: [
    {
      title: 'desktop-smoke.spec.ts',
      file: 'desktop-smoke.spec.ts',
      specs: [
        {
          title: 'the desktop app ships an order',
          file: 'desktop-smoke.spec.ts',
          tests: [
            {
              status: 'skipped',
              annotations: [{ type: 'serial' }, { type: 'skip', description: 'Electron binary not available: never downloaded' }],
              results: [],
            },
          ],
        },
      ],
      suites: [
        {
          title: 'queue',
          specs: [
            { title: 'passes', tests: [{ status: 'expected' }] },
            { title: 'retried', tests: [{ status: 'flaky' }] },
            { title: 'breaks', tests: [{ status: 'unexpected' }] },
          ],
        },
      ],
    },
  ],
};

describe('countPlaywright', () => {
  it('counts outcomes and lists each skipped test with its reason', () => {
    const c = countPlaywright(skippedElectron);
    expect(c).toMatchObject({ passed: 2, failed: 1, flaky: 1, skipped: 1 });
    expect(c.skippedTests).toEqual([
      { title: 'the desktop app ships an order', file: 'desktop-smoke.spec.ts', reason: 'Electron binary not available: never downloaded' },
    ]);
  });

  it('finds a reason recorded on the result only, and says when there is none', () => {
    const report = {
      suites: [
        {
          title: 'a.spec.ts',
          file: 'a.spec.ts',
          specs: [
            { title: 'one', tests: [{ status: 'skipped', annotations: [], results: [{ annotations: [{ type: 'skip', description: 'later' }] }] }] },
            { title: 'two', tests: [{ status: 'skipped' }] },
          ],
        },
      ],
    };
    expect(countPlaywright(report).skippedTests.map((t) => t.reason)).toEqual(['later', null]);
  });
});

describe('vitestSkipped', () => {
  it('lists skipped and todo tests with their files', () => {
    const report = {
      testResults: [
        {
          name: '/proj/tests/unit/a.test.ts',
          assertionResults: [
            { fullName: 'a works', status: 'passed' },
            { fullName: 'a later', status: 'skipped' },
            { fullName: 'a someday', status: 'todo' },
          ],
        },
      ],
    };
    expect(vitestSkipped(report, '/proj')).toEqual([
      { title: 'a later', file: 'tests/unit/a.test.ts', reason: null },
      { title: 'a someday', file: 'tests/unit/a.test.ts', reason: 'marked todo' },
    ]);
  });
});

describe('summaryLines', () => {
  it('shows skips with reasons and ends with the passed/failed total, skips in neither', () => {
    const lines = summaryLines([
      { name: 'vitest', passed: 10, failed: 0, skipped: [] },
      { name: 'electron smoke', passed: 0, failed: 0, skipped: [{ title: 'smoke', file: 'x.spec.ts', reason: 'no binary' }] },
      { name: 'checks', passed: 2, failed: 1 },
    ]);
    expect(lines).toContain('  electron smoke             0 passed, 0 failed, 1 skipped');
    expect(lines).toContain('    - electron smoke: smoke (x.spec.ts): no binary');
    expect(lines.at(-1)).toBe('12 passed, 1 failed');
  });
});
