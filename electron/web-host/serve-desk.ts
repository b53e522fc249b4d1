// The browser desk behind `npm run dev:web` and `npm start -- --web`: the store, the handler
// table and the notification sender, served by the web host until Ctrl-C.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/open.js';
import { openOrSeedDemoStore } from '../../db/seed/seed-file.js';
import type { OrderStore } from '../../db/store.js';
import { resolveActor, defaultStaffUserId } from '../main/app/actor.js';
import { memoryAccountVault } from '../main/app/session/account.js';
import { createDeskHost } from '../main/desk-host.js';
import { deskNotificationSender } from '../main/desk-sender.js';
import { defaultSlipsDir } from '../main/services/slips/printouts.js';
import { memoryNotificationSettings } from '../main/services/notifications/memory-settings.js';
import type { RunningNotificationService } from '../main/services/notifications/service.js';
import { CommandError } from './command-line.js';
import { desktopAppName, desktopStorePath, desktopUserDataDir, readTextIfPresent } from './desktop-store.js';
import { startWebHost } from './server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface DeskOptions {
  /** The store file; null for the desktop app's own (desktop-store.ts). */
  db: string | null;
  /** Seed the demo marketplace into a new or blank store first. */
  demo: boolean;
  port: number;
  /** Staff member's email; the default staff member when absent. */
  user: string | undefined;
}

/** The desktop app's store path, by the rule in desktop-store.ts. */
function desktopStoreFile(): string {
  const appName = desktopAppName(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const userData = desktopUserDataDir(appName, { platform: process.platform, env: process.env, homedir: homedir() });
  return desktopStorePath(userData, readTextIfPresent);
}

function openDeskStore(file: string, demo: boolean): OrderStore {
  if (!demo) return openStore(file);
  mkdirSync(path.dirname(file), { recursive: true });
  const { store, seeded } = openOrSeedDemoStore(file);
  if (seeded) console.log(`New store: seeded ${seeded.orders} demo orders into ${file}.`);
  return store;
}

/** Serves the desk; resolves once it is up (Ctrl-C or SIGTERM stops it and closes the store). */
export async function serveDesk(options: DeskOptions): Promise<number> {
  const staticDir = path.join(ROOT, 'out', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new CommandError('The renderer is not built yet. Run `npm run build:renderer` first.');
  const file = path.resolve(options.db ?? desktopStoreFile());
  if (!options.demo && !existsSync(path.dirname(file))) throw new CommandError(`The folder ${path.dirname(file)} does not exist.`);

  const store = openDeskStore(file, options.demo);
  const userId = options.user
    ? store.first(store.q.selectFrom('users').select('id').where('email', '=', options.user))?.id
    : defaultStaffUserId(store);
  if (userId === undefined || userId === null) {
    store.close();
    throw new CommandError(
      options.user ? `No user with email ${options.user} in ${file}.` : `${file} has no staff users. Seed it first (add --demo), or: npm run seed -- --db ${file} --orders 2000`,
    );
  }
  const actor = resolveActor(store, userId, { id: `web-${hostname()}`, name: `${hostname()} (web)` });
  if (!actor) {
    store.close();
    throw new CommandError(`${options.user} is not a staff member (seller or admin).`);
  }

  // No OS keystore here: notification settings (and the SMTP password) and a backend sign-in
  // live in memory only, and are gone when the host stops.
  const logError = (message: string, error: unknown) => console.error(message, error);
  const notificationSettings = memoryNotificationSettings();
  const slipsDir = defaultSlipsDir(store);
  const senders = new Map<OrderStore, RunningNotificationService>();
  let firstDemo: OrderStore | null = store;
  const desk = createDeskHost({
    station: { id: actor.stationId, name: actor.stationName },
    syncDir: path.join(path.dirname(file), 'sync'),
    vault: memoryAccountVault(),
    deviceName: actor.stationName,
    logError,
    // The store checked above first; reopened if someone goes back to it after signing in.
    openDemo: async () => {
      const demoStore = firstDemo ?? openStore(file);
      firstDemo = null;
      return { store: demoStore, actor: resolveActor(demoStore, userId, { id: actor.stationId, name: actor.stationName }) };
    },
    openSyncStore: (syncFile) => openStore(syncFile),
    appOptions: (opened) => ({
      slipsDir,
      notifications: (ctx) => {
        const sender = deskNotificationSender(ctx, notificationSettings, logError);
        senders.set(opened, sender);
        return sender;
      },
    }),
    startServices: (app) => {
      const sender = senders.get(app.ctx.store);
      sender?.start();
      return async () => {
        // Messages in flight get their outcome recorded; a dead mail server can't hold the stop for long.
        await Promise.race([sender?.stop(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
        senders.delete(app.ctx.store);
      };
    },
  });
  await desk.start();
  let host;
  try {
    host = await startWebHost({ dispatch: desk.dispatchAs, actor: desk.actor, staticDir, port: options.port, slipsDir });
  } catch (error) {
    await desk.stop();
    const busy = (error as { code?: unknown }).code === 'EADDRINUSE';
    throw new CommandError(busy ? `Port ${options.port} is in use; pick another with --port <n> (0 picks a free one).` : String(error));
  }
  desk.subscribe((event, payload) => host.broadcast(event, payload));
  console.log(`Store: ${file}`);
  console.log(`Order Desk web host (${actor.name}, ${actor.role}; sign in to a shop backend from the desk): ${host.url}`);

  // Ctrl-C reaches this process directly and through `npm start` too: stop once.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => desk.stop())
      .then(() => {
        console.log('Stopped; the store is closed.');
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return 0;
}

