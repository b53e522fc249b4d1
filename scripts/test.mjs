#!/usr/bin/env node
// The project's test command (`npm test`). Runs every step even when an earlier
// one fails, then prints `N passed, N failed` as the very last line and exits
// non-zero if anything failed.
//
//   1. checks: `npm run typecheck` and `npm run lint`, one check each
//   2. `npm run build:renderer` (e2e drives the built renderer; if the build
//      fails, the e2e tests count as failed)
//   3. vitest (JSON report in .tmp/vitest.json, default reporter on the console)
//   4. playwright (JSON report in .tmp/playwright.json, `list` on the console)
//   5. the Electron smoke test (playwright.electron.config.ts, its own runner): skipped with the
//      reason where the Electron binary is missing
// The summary lists every skipped test with its reason; skipped tests count as neither passed
// nor failed.
//
// Usage: node scripts/test.mjs [--only checks|unit|e2e|electron]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countPlaywright, summaryLines, vitestSkipped } from './test-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(ROOT, '.tmp');
const VITEST_JSON = path.join(TMP, 'vitest.json');
const PLAYWRIGHT_JSON = path.join(TMP, 'playwright.json');
const PLAYWRIGHT_LIST_JSON = path.join(TMP, 'playwright-list.json');
const ELECTRON_JSON = path.join(TMP, 'playwright-electron.json');
const ELECTRON_CONFIG = path.join(ROOT, 'playwright.electron.config.ts');
const VITEST_BIN = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
const PLAYWRIGHT_BIN = path.join(ROOT, 'node_modules/@playwright/test/cli.js');
const E2E_DIR = path.join(ROOT, 'tests/e2e');
const STEPS = ['checks', 'unit', 'e2e', 'electron'];

function parseArgs(argv) {
  const i = argv.indexOf('--only');
  if (i === -1) return { only: null };
  const only = argv[i + 1];
  if (!STEPS.includes(only)) {
    console.error(`Usage: node scripts/test.mjs [--only ${STEPS.join('|')}]`);
    process.exit(2);
  }
  return { only };
}

function banner(text) {
  console.log(`\n==> ${text}`);
}

/** Runs a command with inherited stdio; resolves to its exit code (crashes/spawn errors -> non-zero). */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      console.error(`Could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A runner that exits non-zero without reporting a failed test still counts as one failure. */
function atLeastOneIf(condition, failed) {
  return condition && failed === 0 ? 1 : failed;
}

async function runChecks() {
  let passed = 0;
  let failed = 0;
  for (const script of ['typecheck', 'lint']) {
    banner(`npm run ${script}`);
    const code = await run('npm', ['run', '--silent', script]);
    if (code === 0) passed += 1;
    else {
      failed += 1;
      console.log(`${script}: FAILED (exit ${code})`);
    }
  }
  return { name: 'checks (typecheck, lint)', passed, failed };
}

async function runVitest() {
  banner('vitest');
  rmSync(VITEST_JSON, { force: true });
  const code = await run(process.execPath, [
    VITEST_BIN,
    'run',
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${VITEST_JSON}`,
  ]);
  const report = readJson(VITEST_JSON);
  if (!report) {
    console.log(`vitest wrote no JSON report (exit ${code}); counting as 1 failure.`);
    return { name: 'vitest', passed: 0, failed: 1 };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const suiteErrors = (report.numFailedTestSuites ?? 0) > 0 || report.success === false;
  failed = atLeastOneIf(code !== 0 || suiteErrors, failed);
  return { name: 'vitest', passed, failed, skipped: vitestSkipped(report, ROOT) };
}

function e2eSpecFiles(dir = E2E_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(spec|test)\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

async function buildRenderer() {
  banner('npm run build:renderer');
  const code = await run('npm', ['run', '--silent', 'build:renderer']);
  if (code !== 0) console.log(`build:renderer: FAILED (exit ${code})`);
  return code === 0;
}

/** Counts the e2e tests without running them (used when they cannot run). */
async function listPlaywrightTests() {
  rmSync(PLAYWRIGHT_LIST_JSON, { force: true });
  await run(process.execPath, [PLAYWRIGHT_BIN, 'test', '--list', '--reporter=json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_LIST_JSON,
  });
  const report = readJson(PLAYWRIGHT_LIST_JSON);
  if (!report) return 0;
  const c = countPlaywright(report, ROOT);
  return c.passed + c.failed + c.skipped;
}

async function runPlaywright(rendererBuilt) {
  const specs = e2eSpecFiles();
  if (specs.length === 0) {
    banner('playwright');
    console.log('No e2e spec files in tests/e2e yet; nothing to run.');
    return { name: 'playwright', passed: 0, failed: 0 };
  }
  if (!rendererBuilt) {
    banner('playwright (skipped: the renderer build failed)');
    const n = await listPlaywrightTests();
    console.log(`Counting ${Math.max(n, 1)} e2e test(s) as failed because the renderer did not build.`);
    return { name: 'playwright', passed: 0, failed: Math.max(n, 1) };
  }
  banner('playwright');
  rmSync(PLAYWRIGHT_JSON, { force: true });
  const code = await run(
    process.execPath,
    [PLAYWRIGHT_BIN, 'test', '--pass-with-no-tests', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON },
  );
  const report = readJson(PLAYWRIGHT_JSON);
  if (!report) {
    console.log(`playwright wrote no JSON report (exit ${code}); counting as 1 failure.`);
    return { name: 'playwright', passed: 0, failed: 1 };
  }
  const c = countPlaywright(report, ROOT);
  const globalErrors = (report.errors ?? []).length > 0;
  if (c.flaky) console.log(`playwright: ${c.flaky} flaky test(s) passed on retry.`);
  return { name: 'playwright', passed: c.passed, failed: atLeastOneIf(code !== 0 || globalErrors, c.failed), skipped: c.skippedTests };
}

/** The desktop app under Playwright's _electron; it skips itself, with the reason, without a binary. */
async function runElectronSmoke() {
  banner('electron smoke test');
  rmSync(ELECTRON_JSON, { force: true });
  const code = await run(process.execPath, [PLAYWRIGHT_BIN, 'test', '--config', ELECTRON_CONFIG, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: ELECTRON_JSON,
  });
  const report = readJson(ELECTRON_JSON);
  if (!report) {
    console.log(`the electron smoke test wrote no JSON report (exit ${code}); counting as 1 failure.`);
    return { name: 'electron smoke', passed: 0, failed: 1 };
  }
  const c = countPlaywright(report, ROOT);
  const globalErrors = (report.errors ?? []).length > 0;
  return { name: 'electron smoke', passed: c.passed, failed: atLeastOneIf(code !== 0 || globalErrors, c.failed), skipped: c.skippedTests };
}

async function main() {
  const { only } = parseArgs(process.argv.slice(2));
  const wants = (step) => only === null || only === step;
  mkdirSync(TMP, { recursive: true });

  const results = [];
  if (wants('checks')) results.push(await runChecks());
  let rendererBuilt = false;
  if (wants('e2e')) rendererBuilt = await buildRenderer();
  if (wants('unit')) results.push(await runVitest());
  if (wants('e2e')) results.push(await runPlaywright(rendererBuilt));
  if (wants('electron')) results.push(await runElectronSmoke());

  const failed = results.reduce((n, r) => n + r.failed, 0);
  banner('summary');
  const lines = summaryLines(results);
  if (wants('e2e') && !rendererBuilt) lines.splice(lines.length - 1, 0, '  (renderer build failed)');
  for (const line of lines) console.log(line);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  });
}
