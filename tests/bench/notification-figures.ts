/**
 * Email figure for `npm run bench`: the desk's sender delivering 10,000 queued "shipped" emails
 * to a loopback SMTP server (in another process) over its connection pool, rendering each with
 * the real templates and recording each outcome in SQLite. Beside it, the baseline: nodemailer's
 * pool alone sending the same number of pre-rendered messages to the same server. Memory: the
 * process's RSS is sampled throughout; peak and the RSS after 10 % and 100 % of the emails show
 * whether it stays flat.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '../../db/open.js';
import { seedMarketplace } from '../../db/seed/generate.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { MailSettings } from '../../electron/main/services/notifications/ports.js';
import { brandOf, createNotificationService } from '../../electron/main/services/notifications/service.js';
import { createMailer } from '../../electron/main/services/notifications/smtp.js';
import type { ContentOf } from '../../shared/domain/notifications.js';
import type { BenchFigure } from './run.js';

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
    close: () => child.stdin.end(),
  };
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
  const store = openStore(path.join(options.tmp, 'emails.sqlite'));
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
  } finally {
    store.close();
    sink.close();
  }
}
