// The command-line tools answer --help with their usage, and a wrong command line with one line
// of error, the usage and exit code 2, never a stack trace. Each is run as a person would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Each case starts Node with the TypeScript loader, a few seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'order-desk-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    // No Electron binary lookups or browser openings from start.mjs here: --help and errors only.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TOOLS = [
  { name: 'dev:web', script: 'electron/web-host/cli.ts', usage: /^Usage: npm run dev:web -- /m },
  { name: 'seed', script: 'tools/seed.ts', usage: /^Usage: npm run seed -- /m },
  { name: 'start', script: 'scripts/start.mjs', usage: /^Usage: npm start/m },
  { name: 'server', script: 'server/cli.ts', usage: /^Usage: npm run server -- /m },
  { name: 'test:contract', script: 'scripts/test-contract.mjs', usage: /^Usage: npm run test:contract -- /m },
];

function expectUsageError(result: Run, usage: RegExp, message: RegExp): void {
  expect(result.status).toBe(2);
  const [first, blank] = result.stderr.split('\n');
  expect(first).toMatch(message);
  expect(blank).toBe('');
  expect(result.stderr).toMatch(usage);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack frames
  expect(result.stdout).toBe('');
}

describe.each(TOOLS)('npm run $name', ({ script, usage }) => {
  it('answers --help and -h with its usage on stdout, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run(script, [flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(usage);
      expect(result.stderr).toBe('');
    }
  });

  it('refuses an unknown option with one line and the usage, exit 2', () => {
    expectUsageError(run(script, ['--no-such-option']), usage, /^Unknown option '--no-such-option'/);
  });

  it('refuses a stray argument', () => {
    expectUsageError(run(script, ['extra']), usage, /^Unexpected argument 'extra'/);
  });
});

describe('bad values', () => {
  it('dev:web: a missing store, a value-less option, a bad port', () => {
    const usage = TOOLS[0]!.usage;
    expectUsageError(run('electron/web-host/cli.ts', []), usage, /^--db <file> or --desktop is required\.$/);
    expectUsageError(run('electron/web-host/cli.ts', ['--db']), usage, /^Option '--db <value>' argument missing/);
    expectUsageError(run('electron/web-host/cli.ts', ['--db', 'x.sqlite', '--port', 'http']), usage, /^--port must be a port number/);
    expectUsageError(run('electron/web-host/cli.ts', ['--db', 'x.sqlite', '--desktop']), usage, /^Give either --db <file> or --desktop/);
  });

  it('seed: missing options, out-of-range numbers, a folder that does not exist; nothing is written', () => {
    const usage = TOOLS[1]!.usage;
    const db = path.join(dir, 'seeded.sqlite');
    expectUsageError(run('tools/seed.ts', ['--orders', '10']), usage, /^--db <file> is required\.$/);
    expectUsageError(run('tools/seed.ts', ['--db', db]), usage, /^--orders <N> is required\.$/);
    expectUsageError(run('tools/seed.ts', ['--db', db, '--orders', '0']), usage, /^--orders must be a whole number/);
    expectUsageError(run('tools/seed.ts', ['--db', db, '--orders', '5', '--seed=-1']), usage, /^--seed must be a whole number/);
    expectUsageError(run('tools/seed.ts', ['--db', path.join(dir, 'nope', 'x.sqlite'), '--orders', '5']), usage, /does not exist/);
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });
});
