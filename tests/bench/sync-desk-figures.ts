/**
 * The desk-side sync figures of `npm run bench`, each a desk built by the composition root
 * against the shop backend in its own process, over loopback HTTP:
 *
 * - initial_pull: an empty desk signs in to a shop of N orders and downloads all of it. Orders/s
 *   end to end, and the desk process's memory (peak RSS; RSS and live heap at 10 % and at the
 *   end). Baseline: the same rows, read raw from the shop's file, INSERTed straight into an empty
 *   desk schema (sync-direct.ts).
 * - push_10000 / offline_10000: a desk offline ships 10,000 parcels, comes back and syncs. The
 *   push is the time until the last push answer is recorded; the sync is the whole round (push,
 *   then pulling and applying the 10,000 changed orders). Baselines: the writes a push can't
 *   avoid, raw on a copy of the shop's file (per mutation one transaction: read the doc, take a
 *   version, write the doc and its store rows, record the mutation); for the sync, that plus the
 *   10,000 changed orders INSERTed straight into an empty desk schema.
 * - station_to_station: two desks online; one adds a note, and the other shows it: from the
 *   commit at A to orders.changed at B (A's push after commit, the server's poke, B's pull and
 *   apply). Baseline: a bare client's push of the same kind of mutation and its pull of it
 *   (two loopback requests, no engine, poke or apply).
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Sqlite from 'better-sqlite3';
import { createHttpBackend } from '../../electron/main/services/sync/client.js';
import type { PushedMutation } from '../../shared/contract/sync-protocol.js';
import { withCheckDigit } from '../../shared/domain/tracking.js';
import type { BenchFigure } from './figure.js';
import { mb, prng, round, stats } from './stats.js';
import { openBenchDesk, startShopProcess, type BenchDesk } from './sync-desk.js';
import { insertDirect } from './sync-direct.js';
import { ADMIN_EMAIL, SHOP_PASSWORD, sqliteShop } from './sync-shop.js';
import { DESK_PAGE } from './sync-server-figures.js';

/** A full collection on demand, so the live heap can be read at checkpoints (RSS alone lags). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => {};
}

const deskOrders = (desk: BenchDesk) => desk.host.current().app.ctx.store.prepare('SELECT count(*) FROM orders').pluck().get() as number;

export async function* initialPullFigure(options: { shopFile: string; tmp: string; log: (m: string) => void }): AsyncGenerator<BenchFigure> {
  const { shopFile, tmp, log } = options;
  const shop = await startShopProcess(shopFile);
  const gc = collector();
  try {
    const expected = (() => {
      const db = new Sqlite(shopFile, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
      } finally {
        db.close();
      }
    })();
    log(`initial_pull of ${expected.toLocaleString('en-US')} orders ...`);
    gc();
    const rssBefore = process.memoryUsage().rss;
    const desk = await openBenchDesk(path.join(tmp, 'initial-desk'), 'initial');
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const checkpoints: Array<{ at: string; rss: number; heap: number }> = [];
    let tenth = false;
    const unsubscribe = desk.host.subscribe((event, payload) => {
      if (event !== 'sync.changed' || tenth) return;
      const progress = (payload as { firstPull: { received: number } | null }).firstPull;
      if (progress && progress.received >= expected / 10) {
        tenth = true;
        gc();
        checkpoints.push({ at: '10%', rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
      }
    });
    let ms: number;
    let pulledRows: number;
    let httpMs: number;
    try {
      const started = performance.now();
      await desk.signIn(shop.url, ADMIN_EMAIL);
      ms = performance.now() - started;
      clearInterval(sampler);
      gc();
      checkpoints.push({ at: 'end', rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
      const pulls = desk.meter.calls.filter((call) => call.kind === 'pull');
      pulledRows = pulls.reduce((sum, call) => sum + call.rows, 0);
      httpMs = pulls.reduce((sum, call) => sum + (call.end - call.start), 0);
      const got = deskOrders(desk);
      if (got !== expected) throw new Error(`initial_pull: the desk holds ${got} orders, the shop ${expected}`);
      if (desk.errors.length > 0) throw desk.errors[0] instanceof Error ? desk.errors[0] : new Error(String(desk.errors[0]));
    } finally {
      clearInterval(sampler);
      unsubscribe();
      await desk.close();
    }

    log('initial_pull baseline (direct INSERTs) ...');
    const direct = insertDirect(shopFile, path.join(tmp, 'initial-direct.sqlite'), { pageSize: DESK_PAGE });
    const perSecond = (n: number, t: number) => Math.round((n / t) * 1000);
    yield {
      name: 'initial_pull',
      n: expected,
      p50_ms: round(ms),
      p95_ms: round(ms),
      baseline_p95_ms: round(direct.ms),
      ratio: round(ms / direct.ms),
      baseline: `the same ${direct.orders.toLocaleString('en-US')} orders read raw from the shop's file and INSERTed straight into an empty desk schema, ${DESK_PAGE} a transaction (tests/bench/sync-direct.ts)`,
      target: '>= 30,000 orders/s end to end, memory flat',
      orders_per_s: perSecond(expected, ms),
      baseline_orders_per_s: perSecond(direct.orders, direct.ms),
      note: `an empty desk (createDeskHost, production settings) signs in as an admin and downloads every order over loopback HTTP from the shop backend in its own process (npm run server), ${DESK_PAGE} rows a page`,
      rows_pulled: pulledRows,
      pages: Math.ceil(pulledRows / DESK_PAGE),
      http_ms: round(httpMs),
      apply_and_rest_ms: round(ms - httpMs),
      peak_rss_mb: mb(peak),
      rss_before_mb: mb(rssBefore),
      rss_at_10pct_mb: mb(checkpoints.find((c) => c.at === '10%')?.rss ?? Number.NaN),
      rss_at_end_mb: mb(checkpoints.find((c) => c.at === 'end')?.rss ?? Number.NaN),
      live_heap_at_10pct_mb: mb(checkpoints.find((c) => c.at === '10%')?.heap ?? Number.NaN),
      live_heap_at_end_mb: mb(checkpoints.find((c) => c.at === 'end')?.heap ?? Number.NaN),
    };
  } finally {
    await shop.close();
  }
}

/** A valid UPS number, different for each i. */
const tracking = (i: number) => withCheckDigit('ups', `1ZBENCH2${String(10 + (Math.floor(i / 10_000_000) % 90))}${String(i % 10_000_000).padStart(7, '0')}`)!;

interface Parcel {
  orderId: number;
  items: Array<{ itemId: number; quantity: number }>;
}

/** Orders waiting to be packed at the desk, each with one store's physical items left to ship. */
function shippable(desk: BenchDesk, count: number): Parcel[] {
  const store = desk.host.current().app.ctx.store;
  const orders = store.prepare("SELECT id FROM orders WHERE queue = 'to_pack' ORDER BY id").pluck().all() as number[];
  const itemsOf = store.prepare('SELECT id, store_id, quantity, fulfilled_quantity FROM order_items WHERE order_id = ? AND is_digital = 0 AND fulfilled_quantity < quantity ORDER BY id');
  const parcels: Parcel[] = [];
  for (const orderId of orders) {
    if (parcels.length === count) break;
    const items = itemsOf.all(orderId) as Array<{ id: number; store_id: number; quantity: number; fulfilled_quantity: number }>;
    if (items.length === 0) continue;
    const storeId = items[0]!.store_id;
    parcels.push({ orderId, items: items.filter((i) => i.store_id === storeId).map((i) => ({ itemId: i.id, quantity: i.quantity - i.fulfilled_quantity })) });
  }
  if (parcels.length < count) throw new Error(`only ${parcels.length} shippable orders at the desk; ${count} needed`);
  return parcels;
}

/** Per mutation, the writes a push can't avoid, raw, each in its own synced transaction. */
function rawServerWrites(shopCopy: string, orderIds: readonly number[], clientId: string): number {
  const db = new Sqlite(shopCopy);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const read = db.prepare('SELECT doc FROM orders WHERE id = ?').pluck();
    const version = db.prepare('UPDATE meta SET version = version + 1 WHERE id = 1 RETURNING version').pluck();
    const writeDoc = db.prepare('UPDATE orders SET doc = ?, version = ? WHERE id = ?');
    const writeStores = db.prepare('UPDATE order_stores SET version = ? WHERE order_id = ?');
    const record = db.prepare(
      'INSERT INTO client_mutations (client_id, mutation_id, name, author_id, pushed_by, outcome, version, created_at) VALUES (?, ?, ?, 1, 1, ?, ?, ?)',
    );
    const one = db.transaction((orderId: number) => {
      const doc = read.get(orderId) as string;
      const v = version.get() as number;
      writeDoc.run(doc, v, orderId);
      writeStores.run(v, orderId);
      const id = randomUUID();
      record.run(clientId, id, 'order.ship@1', JSON.stringify({ id, status: 'applied', version: v }), v, Date.now());
    });
    const started = performance.now();
    for (const orderId of orderIds) one.immediate(orderId);
    return performance.now() - started;
  } finally {
    db.close();
  }
}

export interface DeskSyncOptions {
  tmp: string;
  /** Changes queued offline (push_10000, offline_10000). */
  mutations: number;
  /** Changes timed from one station to the other. */
  stationIterations: number;
  log: (m: string) => void;
}

export async function* deskSyncFigures(options: DeskSyncOptions): AsyncGenerator<BenchFigure> {
  const { tmp, mutations, log } = options;
  // Two in three seeded orders wait to be packed; a few have only digital items.
  const orders = Math.ceil(mutations * 1.7) + 200;
  const { location } = await sqliteShop(path.join(tmp, 'shop-small.sqlite'), orders, log);
  const shopFile = 'sqlitePath' in location ? location.sqlitePath : '';
  const shop = await startShopProcess(shopFile);
  const desks: BenchDesk[] = [];
  try {
    const a = await openBenchDesk(path.join(tmp, 'desk-a'), 'A', { listen: true });
    desks.push(a);
    log(`desk A downloads the small shop (${orders.toLocaleString('en-US')} orders) ...`);
    await a.signIn(shop.url, ADMIN_EMAIL);

    log(`push_${mutations} / offline_${mutations}: desk A ships ${mutations.toLocaleString('en-US')} parcels offline ...`);
    const parcels = shippable(a, mutations);
    a.meter.offline = true;
    for (const [i, parcel] of parcels.entries()) {
      await a.ok('orders.ship', {
        orderId: parcel.orderId,
        shipmentId: randomUUID(),
        carrier: 'ups',
        trackingNumber: tracking(i),
        items: parcel.items,
        notifyCustomer: false,
        verificationOverride: 'Checked by hand at the bench',
      });
    }
    const queued = (await a.status()).pending;
    if (queued !== mutations) throw new Error(`desk A has ${queued} pending changes, ${mutations} expected`);
    a.meter.offline = false;
    a.meter.calls = [];
    const started = performance.now();
    const after = await a.ok<{ pending: number; connection: string }>('sync.now', {});
    const syncMs = performance.now() - started;
    const firstPull = a.meter.calls.find((call) => call.kind === 'pull');
    const pushes = a.meter.calls.filter((call) => call.kind === 'push' && (!firstPull || call.start < firstPull.start));
    const pushMs = (firstPull?.start ?? performance.now()) - started;
    const pulledRows = a.meter.calls.filter((call) => call.kind === 'pull').reduce((sum, call) => sum + call.rows, 0);
    if (after.pending !== 0) throw new Error(`desk A still has ${after.pending} pending changes after syncing`);
    const applied = (() => {
      const db = new Sqlite(shopFile, { readonly: true });
      try {
        return db.prepare("SELECT count(*) FROM client_mutations WHERE name = 'order.ship@1' AND outcome LIKE '%\"applied\"%'").pluck().get() as number;
      } finally {
        db.close();
      }
    })();
    if (applied !== mutations) throw new Error(`the shop applied ${applied} parcels, ${mutations} pushed`);

    const copy = path.join(tmp, 'shop-small-copy.sqlite');
    copyFileSync(shopFile, copy);
    for (const suffix of ['-wal']) {
      try {
        copyFileSync(shopFile + suffix, copy + suffix);
      } catch {
        // No WAL beside the file: everything is in it.
      }
    }
    const orderIds = parcels.map((p) => p.orderId);
    const rawPushMs = rawServerWrites(copy, orderIds, randomUUID());
    const rawApply = insertDirect(shopFile, path.join(tmp, 'offline-direct.sqlite'), { pageSize: DESK_PAGE, orderIds });
    const perSecond = (n: number, t: number) => Math.round((n / t) * 1000);
    yield {
      name: 'push_10000',
      n: mutations,
      p50_ms: round(pushMs),
      p95_ms: round(pushMs),
      baseline_p95_ms: round(rawPushMs),
      ratio: round(pushMs / rawPushMs),
      baseline: "the writes a push can't avoid, raw with better-sqlite3 on a copy of the shop's file: per mutation one synced IMMEDIATE transaction reading the doc, taking a version, writing the doc and its store rows, recording the mutation",
      target: '>= 3,000 mutations/s',
      mutations_per_s: perSecond(mutations, pushMs),
      baseline_mutations_per_s: perSecond(mutations, rawPushMs),
      requests: pushes.length,
      in_push_requests_ms: round(pushes.reduce((sum, call) => sum + (call.end - call.start), 0)),
      note: `desk A (createDeskHost) shipped ${mutations} parcels offline (orders.ship, one order each); back online, sync.now: the time until the last push answer is recorded at the desk`,
    };
    yield {
      name: 'offline_10000',
      n: mutations,
      p50_ms: round(syncMs),
      p95_ms: round(syncMs),
      baseline_p95_ms: round(rawPushMs + rawApply.ms),
      ratio: round(syncMs / (rawPushMs + rawApply.ms)),
      baseline: `push_10000's raw server writes + the ${rawApply.orders} changed orders INSERTed straight into an empty desk schema`,
      target: '<= 10,000 ms',
      rows_pulled: pulledRows,
      push_ms: round(pushMs),
      pull_and_apply_ms: round(syncMs - pushMs),
      note: 'the whole sync.now round after coming back online: push every queued change, then pull and apply the changed orders (rebase included)',
    };

    log('station_to_station ...');
    const b = await openBenchDesk(path.join(tmp, 'desk-b'), 'B', { listen: true });
    desks.push(b);
    await b.signIn(shop.url, ADMIN_EMAIL);
    const changedAt = new Map<number, number>();
    const unsubscribe = b.host.subscribe((event, payload) => {
      if (event !== 'orders.changed') return;
      const now = performance.now();
      for (const id of (payload as { orderIds: number[] }).orderIds) if (!changedAt.has(id)) changedAt.set(id, now);
    });
    const random = prng(21);
    const candidates = a.host.current().app.ctx.store.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as number[];
    const samples: number[] = [];
    try {
      const warmup = 3;
      for (let i = 0; i < options.stationIterations + warmup; i++) {
        const orderId = candidates[Math.floor(random() * candidates.length)]!;
        changedAt.delete(orderId);
        await a.ok('orders.addNote', { orderId, body: `Bench note ${i}` });
        const committed = performance.now();
        const deadline = committed + 10_000;
        while (!changedAt.has(orderId) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
        const seen = changedAt.get(orderId);
        if (seen === undefined) throw new Error(`station_to_station: desk B did not show order ${orderId}'s note within 10 s`);
        if (i >= warmup) samples.push(seen - committed);
        await new Promise((resolve) => setTimeout(resolve, 20 + random() * 30));
      }
    } finally {
      unsubscribe();
    }
    const note = b.host.current().app.ctx.store.prepare("SELECT count(*) FROM order_events WHERE kind = 'note' AND data LIKE '%Bench note%'").pluck().get() as number;

    // The bare minimum: one push and one pull by a client with no engine, poke or apply.
    const bare = createHttpBackend(shop.url, { timeoutMs: 120_000 });
    const signedIn = await bare.signIn({ email: ADMIN_EMAIL, password: SHOP_PASSWORD });
    if (!signedIn.ok) throw new Error(`bare sign-in failed: ${signedIn.failure.message}`);
    const token = signedIn.value.token;
    const clientId = randomUUID();
    let cursor: string | null = null;
    for (;;) {
      const page = await bare.pull(token, { protocol: 1, clientId, cursor, limit: 5000 });
      if (!page.ok || page.value.status !== 'ok') throw new Error('bare pull failed');
      cursor = page.value.cursor;
      if (!page.value.more) break;
    }
    const baseline: number[] = [];
    for (let i = 0; i < options.stationIterations + 3; i++) {
      const orderId = candidates[Math.floor(random() * candidates.length)]!;
      const mutation: PushedMutation = { id: randomUUID(), name: 'order.addNote@1', args: { orderId, body: `Bare note ${i}` }, at: Date.now() };
      const t0 = performance.now();
      const pushed = await bare.push(token, { protocol: 1, clientId, mutations: [mutation] });
      const pulled = await bare.pull(token, { protocol: 1, clientId, cursor, limit: DESK_PAGE });
      const t1 = performance.now();
      if (!pushed.ok || !pulled.ok || pulled.value.status !== 'ok' || pulled.value.rows.length === 0) throw new Error('bare push and pull failed');
      cursor = pulled.value.cursor;
      if (i >= 3) baseline.push(t1 - t0);
    }
    const s = stats(samples);
    const base = stats(baseline);
    yield {
      name: 'station_to_station',
      n: samples.length,
      p50_ms: round(s.p50),
      p95_ms: round(s.p95),
      baseline_p95_ms: round(base.p95),
      ratio: round(s.p95 / base.p95),
      baseline_p50_ms: round(base.p50),
      baseline: 'a bare client (the desk HTTP client, no engine): push one order.addNote@1, then pull it (two loopback requests)',
      target: 'p95 <= 1,000 ms',
      max_ms: round(s.max),
      notes_at_b: note,
      note: 'desks A and B online (createDeskHost, listening to pokes); A adds a note to a random order: from its commit to orders.changed at B (push after commit, poke, pull, apply)',
    };
    for (const desk of desks) if (desk.errors.length > 0) throw desk.errors[0] instanceof Error ? desk.errors[0] : new Error(String(desk.errors[0]));
  } finally {
    for (const desk of desks.reverse()) await desk.close();
    await shop.close();
  }
}
