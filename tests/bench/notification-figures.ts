/**
 * Email figure for `npm run bench`: the desk's sender delivering 10,000 queued "shipped" emails
 * to a loopback SMTP server (in another process) over its connection pool, rendering each with
 * the real templates and recording each outcome in SQLite. Beside it, the baseline: nodemailer's
 * pool alone sending the same number of pre-rendered messages to the same server. Memory: the
 * process's RSS is sampled throughout; peak and the RSS after 10 % and 100 % of the emails show
 * whether it stays flat.
 *
 * From the same run, the "may have arrived" window: from the server's 250 (timed in the sink
 * process) to the commit that records the email sent (timed in this one). A crash inside it
 * leaves a delivered email looking undelivered. Its baseline is one bare better-sqlite3 UPDATE
 * and commit on the same file, synced (synchronous=FULL) as a per-reply synced commit would be.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Sqlite from 'better-sqlite3';
import { openStore } from '../../db/open.js';
import { seedMarketplace } from '../../db/seed/generate.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { MailSettings } from '../../electron/main/services/notifications/ports.js';
import { brandOf } from '../../electron/main/services/notifications/message-headers.js';
import { createNotificationService } from '../../electron/main/services/notifications/service.js';
import { createMailer } from '../../electron/main/services/notifications/smtp.js';
import type { ContentOf } from '../../shared/domain/notifications.js';
import type { BenchFigure } from './figure.js';

const round = (value: number) => Math.round(value * 1000) / 1000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const CONNECTIONS = 5;

/**
 * A full garbage collection on demand, so the live heap can be read at checkpoints: RSS alone
 * swings with when V8 happens to collect, and would hide or fake a leak.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => {};
}

interface Sink {
  port: number;
  count(): Promise<number>;
  /** When the sink answered 250 to each recipient (epoch ms, comparable across processes). */
  repliedAt(): Promise<Record<string, number>>;
  close(): void;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/fakes/smtp-sink.ts')], { stdio: 'pipe' });
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const first = await next();
  const port = Number(/^port (\d+)$/.exec(first)?.[1]);
  if (!port) throw new Error(`the SMTP sink did not start: ${first}`);
  return {
    port,
    async count() {
      const answer = next();
      child.stdin.write('count\n');
      return Number(/^count (\d+)$/.exec(await answer)?.[1] ?? Number.NaN);
    },
    async repliedAt() {
      const answer = next();
      child.stdin.write('replies\n');
      const json = /^replies (.*)$/.exec(await answer)?.[1];
      if (json === undefined) throw new Error('the SMTP sink did not report its reply times');
      return JSON.parse(json) as Record<string, number>;
    },
    close: () => child.stdin.end(),
  };
}

const epochNow = () => performance.timeOrigin + performance.now();

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
}

/** One UPDATE + commit on a bare connection to `file`, timed `iterations` times at `synchronous`. */
function bareCommits(file: string, synchronous: 'FULL' | 'NORMAL', iterations: number): number[] {
  const db = new Sqlite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    const id = (db.prepare('SELECT min(id) FROM notifications').pluck().get() as number | null) ?? 0;
    const touch = db.prepare('UPDATE notifications SET updated_at = ? WHERE id = ?');
    const commit = db.transaction((at: number) => touch.run(at, id));
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      commit(Date.now());
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b);
  } finally {
    db.close();
  }
}

function shippedContent(i: number): ContentOf<'shipped'> {
  return {
    kind: 'shipped',
    orderNumber: `SH-${1_000_000 + i}`,
    customerName: `Customer ${i}`,
    storeNames: ['Alder Goods'],
    carrierName: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    items: [
      { title: 'Stoneware mug, speckled', sku: 'ALD-MUG', quantity: 2 },
      { title: 'Linen tea towel', sku: 'ALD-TOWEL', quantity: 1 },
    ],
    partial: false,
    estimatedDelivery: null,
  };
}

export async function* notificationFigures(options: { tmp: string; emails: number; log: (message: string) => void }): AsyncGenerator<BenchFigure> {
  const sink = await startSink();
  const mail: MailSettings = { host: '127.0.0.1', port: sink.port, security: 'none', user: null, fromName: 'Shomp Orders', fromAddress: 'orders@shomp.example.com', replyTo: null };
  const file = path.join(options.tmp, 'emails.sqlite');
  const store = openStore(file);
  try {
    seedMarketplace(store, { orders: 50, seed: 3 });
    const orderId = store.selectOne<{ id: number }>('SELECT id FROM orders LIMIT 1')!.id;
    const now = Date.now();
    const insert = store.prepare(
      `INSERT INTO notifications (dedupe_key, order_id, kind, channel, recipient, status, payload, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, 'shipped', 'email', ?, 'queued', ?, ?, ?, ?)`,
    );
    store.transaction(() => {
      for (let i = 0; i < options.emails; i++) insert.run(`shipped:bench:${i}`, orderId, `customer${i}@example.com`, JSON.stringify(shippedContent(i)), now, now, now);
    });

    // Baseline first: nodemailer's pool alone, the same messages pre-rendered once.
    options.log(`emails: baseline, ${options.emails} pre-rendered messages through nodemailer's pool ...`);
    const rendered = await renderEmail(shippedContent(0), brandOf(mail));
    const mailer = createMailer(mail, null, { maxConnections: CONNECTIONS });
    const baselineStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS * 2 }, async () => {
        while (next < options.emails) {
          const i = next++;
          const outcome = await mailer.send({ to: `customer${i}@example.com`, messageId: `<baseline-${i}@shomp.example.com>`, rendered });
          if (!outcome.ok) throw new Error(`baseline send failed: ${outcome.message}`);
        }
      }),
    );
    const baselineMs = performance.now() - baselineStart;
    mailer.close();

    options.log(`emails: the desk's sender, ${options.emails} queued rows ...`);
    globalThis.gc?.();
    const rssStart = process.memoryUsage.rss();
    let peak = rssStart;
    const checkpoints = new Map<number, number>();
    const heapAt = new Map<number, number>();
    const gc = collector();
    gc();
    const heapStart = process.memoryUsage().heapUsed;
    const sentSoFar = store.prepare("SELECT count(*) FROM notifications WHERE status = 'sent'").pluck();
    const committedAt = new Map<number, number>();
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      const sent = sentSoFar.get() as number;
      for (const share of [0.1, 0.5, 1]) {
        const at = Math.ceil(options.emails * share);
        if (sent >= at && !checkpoints.has(at)) {
          checkpoints.set(at, rss);
          gc();
          heapAt.set(at, process.memoryUsage().heapUsed);
        }
      }
    }, 100);
    const service = createNotificationService({
      store,
      settings: memoryNotificationSettings({ mail }),
      renderEmail,
      logError: (message, error) => options.log(`${message}: ${String(error)}`),
      concurrency: CONNECTIONS,
      // Called right after each commit; the last one for a row is its outcome's.
      onChanged: (ids) => {
        const at = epochNow();
        for (const id of ids) committedAt.set(id, at);
      },
    });
    const start = performance.now();
    service.start();
    await service.settled();
    const ms = performance.now() - start;
    await service.stop();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (!checkpoints.has(options.emails)) checkpoints.set(options.emails, process.memoryUsage.rss());
    if (!heapAt.has(options.emails)) {
      gc();
      heapAt.set(options.emails, process.memoryUsage().heapUsed);
    }

    const sent = sentSoFar.get() as number;
    const received = await sink.count();
    const repliedAt = await sink.repliedAt();
    if (sent !== options.emails) throw new Error(`only ${sent} of ${options.emails} emails were recorded sent`);
    const perSecond = options.emails / (ms / 1000);
    const baselinePerSecond = options.emails / (baselineMs / 1000);
    // Null when the run was too short for the sampler to catch that point (the smoke test's few emails).
    const rssAfter = (share: number) => {
      const rss = checkpoints.get(Math.ceil(options.emails * share));
      return rss === undefined ? null : mb(rss);
    };
    const heapAfter = (share: number) => {
      const heap = heapAt.get(Math.ceil(options.emails * share));
      return heap === undefined ? null : mb(heap);
    };
    yield {
      name: 'emails_10000',
      n: options.emails,
      // One run: the figure is the whole queue, so p50 = p95 = its duration.
      p50_ms: round(ms),
      p95_ms: round(ms),
      baseline_p95_ms: round(baselineMs),
      ratio: round(ms / baselineMs),
      emails_per_s: round(perSecond),
      baseline_emails_per_s: round(baselinePerSecond),
      target: '≥ 100 emails/s sustained; memory flat',
      baseline: `nodemailer's pool alone (${CONNECTIONS} connections) sending the same number of pre-rendered messages to the same loopback server`,
      sender_emails_received_by_server: received - options.emails,
      peak_rss_mb: mb(peak),
      rss_start_mb: mb(rssStart),
      rss_after_10pct_mb: rssAfter(0.1),
      rss_after_50pct_mb: rssAfter(0.5),
      rss_after_100pct_mb: rssAfter(1),
      // Live JavaScript heap after a full collection: flat here means nothing accumulates per email.
      heap_start_mb: mb(heapStart),
      heap_after_10pct_mb: heapAfter(0.1),
      heap_after_50pct_mb: heapAfter(0.5),
      heap_after_100pct_mb: heapAfter(1),
      connections: CONNECTIONS,
    };

    options.log('emails: the "may have arrived" window, server reply -> outcome commit ...');
    const windows: number[] = [];
    for (const row of store.select<{ id: number; recipient: string }>("SELECT id, recipient FROM notifications WHERE status = 'sent'")) {
      const replied = repliedAt[row.recipient];
      const committed = committedAt.get(row.id);
      if (replied !== undefined && committed !== undefined) windows.push(committed - replied);
    }
    if (windows.length !== options.emails) throw new Error(`the window was measured for ${windows.length} of ${options.emails} emails`);
    windows.sort((a, b) => a - b);
    const synced = bareCommits(file, 'FULL', 200);
    const unsynced = bareCommits(file, 'NORMAL', 200);
    yield {
      name: 'email_outcome_window',
      n: windows.length,
      p50_ms: round(percentile(windows, 0.5)),
      p95_ms: round(percentile(windows, 0.95)),
      baseline_p95_ms: round(percentile(synced, 0.95)),
      ratio: round(percentile(windows, 0.95) / percentile(synced, 0.95)),
      max_ms: round(windows.at(-1)!),
      target: 'p95 well under the 44–72 ms seen when replies shared a synced commit every 10 ms; throughput (emails_10000) kept',
      baseline: 'one bare better-sqlite3 UPDATE + commit on the same file with synchronous=FULL: what a synced commit per reply would add at the least',
      baseline_p50_ms: round(percentile(synced, 0.5)),
      unsynced_commit_p50_ms: round(percentile(unsynced, 0.5)),
      unsynced_commit_p95_ms: round(percentile(unsynced, 0.95)),
      clocks: 'reply timed in the SMTP sink process, commit in this one: performance.timeOrigin + performance.now() on one machine',
    };
  } finally {
    store.close();
    sink.close();
  }
}
