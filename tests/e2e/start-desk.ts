import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../db/open.js';
import { seedMarketplace, type SeedSummary } from '../../db/seed/generate.js';
import type { OrderStore } from '../../db/store.js';
import { resolveActor, type Station } from '../../electron/main/app/actor.js';
import type { Actor } from '../../electron/main/app/context.js';
import { createApp, type App } from '../../electron/main/app/create-app.js';
import { deskNotificationSender } from '../../electron/main/desk-sender.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import type { RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { startWebHost, type WebHost } from '../../electron/web-host/server.js';

export interface RunningDesk {
  store: OrderStore;
  seed: SeedSummary;
  app: App;
  /** The first station's web host (the fixture's `desk.host`). */
  host: WebHost;
  actor: Actor;
  /** Another station on the same database: its own web host and actor, as a second bench would have. */
  openStation(station: Station, userId?: number): Promise<{ host: WebHost; actor: Actor }>;
  close(): Promise<void>;
}

export interface StartDeskOptions {
  orders: number;
  seed: number;
  userId: (seed: SeedSummary) => number;
  station: Station;
  /** Where the built renderer is (npm run build:renderer). */
  staticDir?: string;
  /** Notification settings (e.g. a loopback SMTP server); by default nothing is set up, so mail stays queued. */
  notifications?: NotificationSettingsStore;
}

/**
 * A real desk on a seeded SQLite file in a temp folder: the real handler table behind the web
 * host, serving the built renderer on loopback. Used by the Playwright fixture and by benchmarks.
 */
export async function startDesk(options: StartDeskOptions): Promise<RunningDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'order-desk-e2e-'));
  const store = openStore(join(dir, 'desk.sqlite'));
  const seed = seedMarketplace(store, { orders: options.orders, seed: options.seed });
  let sender: RunningNotificationService | null = null;
  const app = createApp(store, {
    selfCheck: true,
    slipsDir: join(dir, 'slips'),
    notifications: (ctx) => (sender = deskNotificationSender(ctx, options.notifications ?? memoryNotificationSettings(), () => {})),
  });
  sender!.start();
  const staticDir = options.staticDir ?? resolve('out/renderer');
  const cleanups: (() => Promise<void> | void)[] = [];

  const open = async (station: Station, userId: number) => {
    const actor = resolveActor(store, userId, station);
    if (!actor) throw new Error(`user ${userId} can't operate the desk`);
    const host = await startWebHost({ dispatch: app.dispatch, actor, staticDir, port: 0, slipsDir: app.ctx.slipsDir });
    const unsubscribe = app.subscribe((event, payload) => host.broadcast(event, payload));
    cleanups.push(async () => {
      unsubscribe();
      await host.close();
    });
    return { host, actor };
  };

  // The email templates load on the first email. Under Playwright's on-the-fly TypeScript
  // transform, with a cold cache on a loaded machine, that first load alone took several seconds
  // and ran into tests' waits for mail; load them before the test's clock starts.
  if (options.notifications) await import('../../electron/main/services/email/templates.js');
  const first = await open(options.station, options.userId(seed));
  return {
    store,
    seed,
    app,
    host: first.host,
    actor: first.actor,
    openStation: (station, userId) => open(station, userId ?? options.userId(seed)),
    async close() {
      for (const cleanup of cleanups.reverse()) await cleanup();
      await sender?.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
