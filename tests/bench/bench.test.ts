import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchFigure, runBench } from './run.js';

// Smoke test only: the figures' presence and shape, never their values (timings vary by machine).
const NAMES = ['seed', 'open_store', 'open_store_fresh', 'queue_first_page', 'queue_deep_page', 'search', 'scan_open_order', 'ship_mutation', 'packing_slips_500', 'csv_import_10000', 'emails_10000', 'scan_to_paint'];
// Small packing figures: the shape is what's checked here, not 500 pages.
const packing = { slips: 20, csvRows: 100 };

let dir: string;
const figures: BenchFigure[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-bench-test-'));
  for await (const figure of runBench({ orders: 2000, db: path.join(dir, 'bench.sqlite'), iterations: 6, packing, emails: 50 })) figures.push(figure);
}, 300_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('runBench', () => {
  it('reports every figure once, in order', () => {
    expect(figures.map((f) => f.name)).toEqual(NAMES);
  });

  it('gives every figure finite, non-negative numbers and says what its baseline is', () => {
    for (const f of figures) {
      for (const key of ['n', 'p50_ms', 'p95_ms', 'baseline_p95_ms', 'ratio'] as const) {
        expect(Number.isFinite(f[key]), `${f.name}.${key} = ${String(f[key])}`).toBe(true);
        expect(f[key]).toBeGreaterThanOrEqual(0);
      }
      expect(f.p95_ms).toBeGreaterThanOrEqual(f.p50_ms);
      expect(typeof f.baseline).toBe('string');
      expect(typeof f.target).toBe('string');
      expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    }
    expect(figures.find((f) => f.name === 'seed')!.n).toBe(2000);
  });

  it('reuses a cached database instead of seeding again', async () => {
    const again: string[] = [];
    for await (const figure of runBench({ orders: 2000, db: path.join(dir, 'bench.sqlite'), iterations: 2, packing, emails: 20, browser: false })) again.push(figure.name);
    expect(again).toEqual(NAMES.filter((n) => n !== 'seed' && n !== 'scan_to_paint'));
  }, 120_000);
});
