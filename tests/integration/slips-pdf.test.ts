import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/app/context.js';
import { createApp } from '../../electron/main/app/create-app.js';
import { decodeBarcode, pageCount, pdfText as text } from '../pdf-inspect.js';
import type { SlipJob } from '../../shared/contract/index.js';
import { Fixture } from './fixtures.js';

let f: Fixture;
let a1: number;
let b1: number;
let multi: number;

const slipsDir = () => f.app.ctx.slipsDir!;
const pdfOf = (jobId: string) => path.join(slipsDir(), `${jobId}.pdf`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settled(jobId: string, actor: Actor = f.admin): Promise<SlipJob> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = f.ok(actor, 'slips.status', { jobId });
    if (job.state !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still running`);
    await sleep(10);
  }
}

/** Waits until nothing of the job is left being written: no temporary file in the folder. */
async function noTempFile(jobId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (existsSync(`${pdfOf(jobId)}.tmp`)) {
    if (Date.now() > deadline) throw new Error('temporary file left behind');
    await sleep(10);
  }
}

const progressOf = (jobId: string) =>
  f.events.filter((e) => e.event === 'slips.progress' && (e.payload as SlipJob).jobId === jobId).map((e) => e.payload as SlipJob);

function addOrders(count: number, from = 500): number[] {
  return Array.from({ length: count }, (_, i) =>
    f.addOrder({ number: `SH-000${from + i}`, status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeA, sku: `BULK-${i}`, quantity: 1 }] }),
  );
}

beforeEach(() => {
  f = new Fixture();
  a1 = f.addOrder({
    number: 'SH-0000301',
    status: 'processing',
    paid: true,
    ageDays: 2,
    items: [
      { storeId: f.storeA, sku: 'ALD-MUG-BLUE', quantity: 3 },
      { storeId: f.storeA, sku: 'ALD-EBOOK', quantity: 1, digital: true },
    ],
  });
  f.store.sqlite
    .prepare('UPDATE orders SET customer_note = ?, shipping_address = ? WHERE id = ?')
    .run(
      'Please leave it with the neighbour at no. 14',
      JSON.stringify({ name: 'Robin Ramírez', street: '88 Harbor Way', street2: 'Suite 5', city: 'Seattle', state: 'WA', zip: '98101-1234', country: 'US', phone: null }),
      a1,
    );
  b1 = f.addOrder({ number: 'SH-0000302', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeB, sku: 'BIR-SPOON', quantity: 1 }] });
  multi = f.addOrder({
    number: 'SH-0000303',
    status: 'processing',
    paid: true,
    ageDays: 1,
    items: [
      { storeId: f.storeA, sku: 'ALD-BOWL', quantity: 2 },
      { storeId: f.storeB, sku: 'BIR-FORK', quantity: 4 },
    ],
  });
});

afterEach(() => {
  rmSync(slipsDir(), { recursive: true, force: true });
  f.close();
});

describe('packing slip PDF', () => {
  it("renders an order's slip whose barcode decodes back to the order number, with store, items, address and note", async () => {
    const started = f.ok(f.admin, 'slips.start', { orderIds: [a1] });
    expect(started).toMatchObject({ state: 'running', done: 0, total: 1, error: null });
    const job = await settled(started.jobId);
    expect(job).toEqual({ jobId: started.jobId, state: 'done', done: 1, total: 1, error: null });

    const pdf = pdfOf(job.jobId);
    expect(await decodeBarcode(pdf)).toBe('SH-0000301');
    const content = await text(pdf);
    expect(content).toContain('Alder Goods');
    expect(content).toContain('SH-0000301');
    expect(content).toMatch(/ALD-MUG-BLUE\s+Item ALD-MUG-BLUE\s+3/);
    expect(content).toContain('Robin Ramírez');
    expect(content).toContain('88 Harbor Way');
    expect(content).toContain('Seattle, WA 98101-1234');
    expect(content).toContain('Please leave it with the neighbour at no. 14');
    expect(content).toContain('Shipping: Ground');
    expect(content).toContain('Plus 1 digital item');
    expect(content).not.toMatch(/ALD-EBOOK\s/);
    expect(pageCount(pdf)).toBe(1);
  });

  it("shows a seller only their own store's items and name on a shared order", async () => {
    const job = await settled(f.ok(f.sellerB, 'slips.start', { orderIds: [multi] }).jobId, f.sellerB);
    const content = await text(pdfOf(job.jobId));
    expect(content).toContain('Birch & Co');
    expect(content).toMatch(/BIR-FORK\s+Item BIR-FORK\s+4/);
    expect(content).not.toContain('Alder Goods');
    expect(content).not.toContain('ALD-BOWL');
    expect(await decodeBarcode(pdfOf(job.jobId))).toBe('SH-0000303');

    const admin = await settled(f.ok(f.admin, 'slips.start', { orderIds: [multi] }).jobId);
    const both = await text(pdfOf(admin.jobId));
    expect(both).toContain('ALD-BOWL');
    expect(both).toContain('BIR-FORK');
  });

  it('continues a long item list on a second page', async () => {
    const many = f.addOrder({
      number: 'SH-0000399',
      status: 'processing',
      paid: true,
      ageDays: 1,
      items: Array.from({ length: 45 }, (_, i) => ({ storeId: f.storeA, sku: `LONG-${i}`, quantity: 1 })),
    });
    const job = await settled(f.ok(f.admin, 'slips.start', { orderIds: [many] }).jobId);
    const pdf = pdfOf(job.jobId);
    expect(pageCount(pdf)).toBe(2);
    expect(await text(pdf, 2)).toContain('Order SH-0000399 (continued)');
    expect(await text(pdf)).toContain('LONG-44');
  });
});

describe('packing slip batches', () => {
  it('renders one PDF for many orders, a page each, reporting throttled progress and the final state', async () => {
    const ids = addOrders(25);
    const started = f.ok(f.admin, 'slips.start', { orderIds: [...ids, ids[0]!] });
    expect(started.total).toBe(25); // a repeated id prints once
    const job = await settled(started.jobId);
    expect(job).toMatchObject({ state: 'done', done: 25, total: 25 });

    const progress = progressOf(job.jobId);
    expect(progress.at(-1)).toEqual(job);
    expect(progress.length).toBeGreaterThanOrEqual(3); // 10, 20 and the final state
    expect(progress.length).toBeLessThanOrEqual(26);
    const counts = progress.map((p) => p.done);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(progress.slice(0, -1).every((p) => p.state === 'running')).toBe(true);

    const pdf = pdfOf(job.jobId);
    expect(pageCount(pdf)).toBe(25);
    expect(await decodeBarcode(pdf, 1)).toBe('SH-000500');
    expect(await decodeBarcode(pdf, 25)).toBe('SH-000524');
    expect(readdirSync(slipsDir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps serving other calls while a batch renders', async () => {
    const ids = addOrders(60);
    const { jobId } = f.ok(f.admin, 'slips.start', { orderIds: ids });
    let servedWhileRunning = 0;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const job = f.ok(f.admin, 'slips.status', { jobId });
      if (job.state !== 'running') break;
      expect(f.ok(f.admin, 'orders.get', { orderId: a1 }).number).toBe('SH-0000301');
      servedWhileRunning++;
    }
    expect(servedWhileRunning).toBeGreaterThan(10);
    expect((await settled(jobId)).state).toBe('done');
  });

  it('cancels mid-batch: the job says cancelled and no file is left behind', async () => {
    const ids = addOrders(150);
    const { jobId } = f.ok(f.admin, 'slips.start', { orderIds: ids });
    while (!progressOf(jobId).some((p) => p.done >= 10)) await sleep(5);
    const cancelled = f.ok(f.admin, 'slips.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(150);
    await noTempFile(jobId);
    await sleep(50);
    expect(existsSync(pdfOf(jobId))).toBe(false);
    expect(f.ok(f.admin, 'slips.status', { jobId }).state).toBe('cancelled');
    expect(progressOf(jobId).at(-1)!.state).toBe('cancelled');
    expect(f.ok(f.admin, 'slips.cancel', { jobId }).state).toBe('cancelled');
    expect(f.call(f.admin, 'slips.open', { jobId })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('refuses a finished batch a cancel, and opens it as a URL on the web host', async () => {
    const job = await settled(f.ok(f.admin, 'slips.start', { orderIds: [a1] }).jobId);
    expect(f.call(f.admin, 'slips.cancel', { jobId: job.jobId })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(f.ok(f.admin, 'slips.open', { jobId: job.jobId })).toEqual({ url: `/api/files/slips/${job.jobId}.pdf` });
  });
});

describe('packing slip scope', () => {
  it('refuses the whole batch when any order is not the seller’s, naming it, and starts nothing', () => {
    const result = f.call(f.sellerA, 'slips.start', { orderIds: [a1, b1, multi] });
    expect(result).toEqual({ ok: false, code: 'FORBIDDEN', message: `No slips were printed: order ${b1} isn't in your stores.` });
    expect(f.count('slip_jobs')).toBe(0);
    const missing = f.call(f.admin, 'slips.start', { orderIds: [a1, 99_998, 99_999] });
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'No slips were printed: there are no orders with ids 99998, 99999.' });
    expect(f.count('slip_jobs')).toBe(0);
  });

  it("keeps a person's batches their own", async () => {
    const job = await settled(f.ok(f.sellerA, 'slips.start', { orderIds: [a1] }).jobId, f.sellerA);
    for (const name of ['slips.status', 'slips.cancel', 'slips.open'] as const) {
      expect(f.call(f.sellerB, name, { jobId: job.jobId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(f.call(f.sellerA, 'slips.status', { jobId: '4b0c9a52-6b8e-4f5e-9d6c-0a1b2c3d4e5f' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('packing slip jobs after a crash', () => {
  it('marks jobs left running failed, and removes their partial files, when the service starts', () => {
    const jobId = '7d7d7d7d-1111-4222-8333-444444444444';
    f.store.sqlite
      .prepare("INSERT INTO slip_jobs (id, user_id, state, total, done, created_at) VALUES (?, ?, 'running', 40, 12, 0)")
      .run(jobId, f.admin.userId);
    mkdirSync(slipsDir(), { recursive: true });
    writeFileSync(`${pdfOf(jobId)}.tmp`, '%PDF-1.3 partial');

    createApp(f.store, { slipsDir: slipsDir(), logError: () => {} });

    const job = f.ok(f.admin, 'slips.status', { jobId });
    expect(job).toMatchObject({ state: 'failed', done: 12, total: 40 });
    expect(job.error).toContain('stopped while this batch was printing');
    expect(existsSync(`${pdfOf(jobId)}.tmp`)).toBe(false);
  });

  it('clears out slip files older than a week, keeping recent ones', () => {
    mkdirSync(slipsDir(), { recursive: true });
    const old = path.join(slipsDir(), '11111111-1111-4111-8111-111111111111.pdf');
    const recent = path.join(slipsDir(), '22222222-2222-4222-8222-222222222222.pdf');
    const unrelated = path.join(slipsDir(), 'notes.txt');
    for (const file of [old, recent, unrelated]) writeFileSync(file, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    utimesSync(unrelated, eightDaysAgo, eightDaysAgo);

    createApp(f.store, { slipsDir: slipsDir(), logError: () => {} });

    expect([old, recent, unrelated].map((file) => existsSync(file))).toEqual([false, true, true]);
  });
});
