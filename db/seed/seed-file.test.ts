import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declaredIndexNames } from '../declared-indexes.js';
import { openStore } from '../open.js';
import type { OrderStore } from '../store.js';
import { DEMO_SEED, openOrSeedDemoStore, seedingFileOf } from './seed-file.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let target: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'order-desk-seed-file-'));
  target = path.join(dir, 'order-desk.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const count = (store: OrderStore, table: string) => (store.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function expectWholeDemoStore(store: OrderStore): void {
  expect(count(store, 'orders')).toBe(DEMO_SEED.orders);
  expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  const indexes = new Set(store.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  for (const name of declaredIndexNames()) expect(indexes).toContain(name);
  expect(existsSync(seedingFileOf(target))).toBe(false);
}

/** Waits until one of `files` exists and has grown past `bytes` (a seed is well under way). */
async function grown(files: string[], bytes: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!files.some((file) => existsSync(file) && statSync(file).size > bytes)) {
    if (Date.now() > deadline) throw new Error(`none of ${files.join(', ')} grew past ${bytes} bytes in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('seeding a store file', () => {
  it('a seed killed mid-way leaves nothing at the target, and the next start seeds afresh', async () => {
    // One process (no tsx wrapper), so SIGKILL hits the seeding process itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/seed.ts', '--db', target, '--orders', '400000', '--seed', '3'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await grown([target, seedingFileOf(target)], 2 * 1024 * 1024, 20_000);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(existsSync(target)).toBe(false);

    const { store, seeded } = openOrSeedDemoStore(target);
    try {
      expect(seeded?.orders).toBe(DEMO_SEED.orders);
      expectWholeDemoStore(store);
    } finally {
      store.close();
    }
  });

  it('a seed that fails leaves nothing behind, and the blank store it would have replaced is untouched', () => {
    openStore(target).close();
    const before = hash(target);
    const failing = {
      ...DEMO_SEED,
      batchSize: 100,
      onProgress: (done: number) => {
        if (done >= 200) throw new Error('disk full');
      },
    };
    expect(() => openOrSeedDemoStore(target, {}, failing)).toThrow('disk full');
    expect(hash(target)).toBe(before);
    expect(existsSync(seedingFileOf(target))).toBe(false);
  });

  it('replaces a blank store with the demo, and opens a store with orders as it is', () => {
    openStore(target).close();
    const first = openOrSeedDemoStore(target);
    expect(first.seeded).not.toBeNull();
    expectWholeDemoStore(first.store);
    first.store.prepare("UPDATE users SET name = 'Kept' WHERE id = 1").run();
    first.store.close();

    const again = openOrSeedDemoStore(target);
    try {
      expect(again.seeded).toBeNull();
      expect(again.store.prepare('SELECT name FROM users WHERE id = 1').pluck().get()).toBe('Kept');
    } finally {
      again.store.close();
    }
  });

  it('two first starts at once: one seeds, the other waits and opens the same store', async () => {
    const script = `
      import { openOrSeedDemoStore } from './db/seed/seed-file.ts';
      const { store, seeded } = openOrSeedDemoStore(process.argv[1], {}, { ...${JSON.stringify(DEMO_SEED)}, orders: 20000 });
      const orders = store.prepare('SELECT count(*) FROM orders').pluck().get();
      store.close();
      console.log(JSON.stringify({ seeded: seeded !== null, orders }));
    `;
    const start = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, target], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.once('exit', (code) => resolve({ code, out, err }));
      });
    const runs = await Promise.all([start(), start()]);
    for (const run of runs) expect(run.code, run.err).toBe(0);
    const answers = runs.map((run) => JSON.parse(run.out.trim().split('\n').at(-1)!) as { seeded: boolean; orders: number });
    expect(answers.map((a) => a.seeded).sort()).toEqual([false, true]);
    expect(answers.map((a) => a.orders)).toEqual([20000, 20000]);
    expect(existsSync(`${target}.seed-lock`)).toBe(false);
    const store = openStore(target);
    try {
      expect(count(store, 'orders')).toBe(20000);
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  }, 120_000);

  it('a lock left by a killed start is taken over', () => {
    // A pid that can't be running: beyond the kernel's pid range.
    writeFileSync(`${target}.seed-lock`, '4194305');
    const { store, seeded } = openOrSeedDemoStore(target);
    try {
      expect(seeded).not.toBeNull();
      expectWholeDemoStore(store);
      expect(existsSync(`${target}.seed-lock`)).toBe(false);
    } finally {
      store.close();
    }
  });
});

