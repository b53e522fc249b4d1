import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BenchFigure, benchCli, runBench } from './run.js';
import { measureScanToPaint } from './scan-paint.js';

// What the figures rely on (the store seeded to size, every slip printed, every CSV row shipped,
// every email delivered, a failed figure failing the run), never timings: those vary by machine.
// Small sizes keep this cheap next to the rest of `npm test`.
const SYNC_NAMES = [
  'shop_seed_sqlite',
  'server_pull_page_admin_sqlite',
  'server_pull_page_seller_sqlite',
  'initial_pull',
  'push_10000',
  'offline_10000',
  'station_to_station',
  'shop_seed_postgres',
  'server_pull_page_admin_postgres',
  'server_pull_page_seller_postgres',
];
const NAMES = [
  'seed',
  'open_store',
  'open_store_fresh',
  'queue_first_page',
  'queue_deep_page',
  'search',
  'scan_open_order',
  'ship_mutation',
  'packing_slips_500',
  'csv_import_10000',
  'emails_10000',
  'email_outcome_window',
  ...SYNC_NAMES,
  'scan_to_paint',
];
/** Seeded figures: printed only by the run that seeds (the later CLI run reuses what it cached). */
const SEEDS = ['seed', 'shop_seed_sqlite', 'shop_seed_postgres'];
const ORDERS = 2000;
const ITERATIONS = 6;
const SLIPS = 20;
const CSV_ROWS = 100;
const EMAILS = 50;
const SYNC_ORDERS = 1500;
const SYNC_CHANGES = 40;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const RUN = path.join(ROOT, 'tests/bench/run.ts');

let dir: string;
let db: string;
const figures: BenchFigure[] = [];
const byName = (name: string) => figures.find((f) => f.name === name)!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-bench-test-'));
  db = path.join(dir, 'bench.sqlite');
  const options = {
    orders: ORDERS,
    db,
    iterations: ITERATIONS,
    packing: { slips: SLIPS, csvRows: CSV_ROWS },
    emails: EMAILS,
    sync: { orders: SYNC_ORDERS, changes: SYNC_CHANGES },
  };
  for await (const figure of runBench(options)) figures.push(figure);
}, 420_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the bench CLI in its own process, as `npm run bench` would; kills it after `limitMs` (then code is null). */
function bench(args: string[], env: NodeJS.ProcessEnv = {}, limitMs = 60_000): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, [TSX, RUN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

describe('runBench', () => {
  it('reports every figure once, in order, with finite numbers and a stated baseline and target', () => {
    expect(figures.map((f) => f.name)).toEqual(NAMES);
    for (const f of figures) {
      for (const key of ['n', 'p50_ms', 'p95_ms', 'baseline_p95_ms', 'ratio'] as const) {
        expect(Number.isFinite(f[key]), `${f.name}.${key} = ${String(f[key])}`).toBe(true);
        expect(f[key]).toBeGreaterThanOrEqual(0);
      }
      expect(f.p95_ms).toBeGreaterThanOrEqual(f.p50_ms);
      expect(typeof f.baseline).toBe('string');
      expect(typeof f.target).toBe('string');
    }
  });

  it('seeds a store of exactly the asked-for size', () => {
    expect(byName('seed').n).toBe(ORDERS);
    const store = new Database(db, { readonly: true });
    try {
      expect(store.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(ORDERS);
    } finally {
      store.close();
    }
  });

  it('prints one slip page per order, ships one parcel per CSV row and delivers every email once', () => {
    expect(byName('packing_slips_500')).toMatchObject({ n: SLIPS, pages: SLIPS });
    expect(byName('csv_import_10000')).toMatchObject({ n: CSV_ROWS, shipments_added: CSV_ROWS });
    expect(byName('emails_10000')).toMatchObject({ n: EMAILS, sender_emails_received_by_server: EMAILS });
    expect(byName('scan_to_paint').n).toBe(ITERATIONS);
  });

  it('pulls pages of the seeded shops on both dialects, downloads every order, and syncs every queued change', () => {
    for (const dialect of ['sqlite', 'postgres']) {
      expect(byName(`shop_seed_${dialect}`).n).toBe(SYNC_ORDERS);
      expect(byName(`server_pull_page_admin_${dialect}`)).toMatchObject({ n: ITERATIONS, orders: SYNC_ORDERS, rows_per_page: 1000 });
      expect(byName(`server_pull_page_seller_${dialect}`).rows_per_page).toBeGreaterThan(0);
    }
    expect(byName('initial_pull')).toMatchObject({ n: SYNC_ORDERS });
    expect(byName('initial_pull').peak_rss_mb).toBeGreaterThan(0);
    expect(byName('push_10000')).toMatchObject({ n: SYNC_CHANGES });
    expect(byName('offline_10000')).toMatchObject({ n: SYNC_CHANGES, rows_pulled: SYNC_CHANGES });
    expect(byName('station_to_station')).toMatchObject({ n: ITERATIONS });
  });
});

/** The CLI in this process, its output captured. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await benchCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('npm run bench', () => {
  it('answers --help with its usage', async () => {
    const run = await cli(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: npm run bench -- \[options\]/);
    expect(run.stdout).toContain('--csv-rows N');
  });

  it('refuses an unknown option, a missing value, a stray argument and a bad number with one line and the usage, exit 2', async () => {
    for (const [args, error] of [
      [['--bogus'], "bench: Unknown option '--bogus'"],
      [['--orders'], "bench: Option '--orders <value>' argument missing"],
      [['extra'], "bench: Unexpected argument 'extra'. This command does not take positional arguments"],
      [['--emails', '1e3'], 'bench: --emails must be a whole number from 1 to 1,000,000, got "1e3".'],
      [['--orders', '0'], 'bench: --orders must be a whole number from 1 to 5,000,000, got "0".'],
    ] as const) {
      const run = await cli([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      const [first, blank, usage] = run.stderr.split('\n');
      expect([first, blank, usage]).toEqual([error, '', 'Usage: npm run bench -- [options]']);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    }
  });

  it('ends with exit 1 and the error, by itself, when Chromium cannot start', async () => {
    // /bin/false exists but is no browser: the launch itself fails, after every other figure ran
    // on the cached store.
    const run = await bench(
      ['--orders', String(ORDERS), '--db', db, '--iterations', '2', '--slips', '2', '--csv-rows', '2', '--emails', '2', '--sync-orders', String(SYNC_ORDERS), '--sync-changes', '5'],
      { CHROMIUM_PATH: '/bin/false' },
      150_000,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('using cached');
    expect(run.stderr).toContain('Browser: /bin/false');
    expect(run.stderr).toMatch(/bench failed: Error: Chromium at \/bin\/false \(set by CHROMIUM_PATH\) did not start/);
    // Ended because nothing was left open, not because the wind-down timer gave up on it.
    expect(run.stderr).not.toContain('still running');
    const printed = run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as BenchFigure).name);
    expect(printed).toEqual(NAMES.filter((name) => !SEEDS.includes(name) && name !== 'scan_to_paint'));
  }, 180_000);
});

describe('measureScanToPaint', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('closes the desk it started when the browser fails to launch', async () => {
    const servers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
    const before = servers();
    process.env.CHROMIUM_PATH = '/bin/false';
    await expect(measureScanToPaint({ iterations: 1, orders: 50 })).rejects.toThrow(/did not start/);
    // A closed server leaves the handle list a moment after its close callback; an open one never does.
    await vi.waitFor(() => expect(servers()).toBe(before), { timeout: 2000 });
  }, 60_000);
});
