import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, StoreOpenError } from '../../db/open.js';
import { resolveActor, defaultStaffUserId } from '../main/app/actor.js';
import { createApp } from '../main/app/create-app.js';
import { deskNotificationSender } from '../main/services/notifications/desk-sender.js';
import { memoryNotificationSettings } from '../main/services/notifications/memory-settings.js';
import type { RunningNotificationService } from '../main/services/notifications/service.js';
import { startWebHost } from './server.js';

const usage = 'Usage: npm run dev:web -- --db <file> [--port <n>] [--user <email>]';

function exit(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string', default: '5174' }, user: { type: 'string' } },
    strict: true,
  });
  if (!values.db) exit(`--db is required.\n${usage}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exit(`--port must be a port number (0-65535), got "${values.port}".`);
  const staticDir = resolve('out/renderer');
  if (!existsSync(resolve(staticDir, 'index.html'))) exit('The renderer is not built yet. Run `npm run build:renderer` first.');

  let store;
  try {
    store = openStore(resolve(values.db));
  } catch (error) {
    if (error instanceof StoreOpenError) exit(error.message);
    throw error;
  }
  const userId = values.user
    ? store.first(store.q.selectFrom('users').select('id').where('email', '=', values.user))?.id
    : defaultStaffUserId(store);
  if (userId === undefined || userId === null) {
    exit(values.user ? `No user with email ${values.user} in ${values.db}.` : `${values.db} has no staff users. Seed it first: npm run seed -- --db ${values.db} --orders 2000 --seed 1`);
  }
  const actor = resolveActor(store, userId, { id: `web-${hostname()}`, name: `${hostname()} (web)` });
  if (!actor) exit(`${values.user} is not a staff member (seller or admin).`);

  // No OS keystore here: notification settings (and the SMTP password) live in memory only,
  // set on the settings screen, and are gone when the host stops.
  let sender: RunningNotificationService | null = null;
  const app = createApp(store, {
    notifications: (ctx) => (sender = deskNotificationSender(ctx, memoryNotificationSettings(), (message, error) => console.error(message, error))),
  });
  sender!.start();
  const host = await startWebHost({ dispatch: app.dispatch, actor, staticDir, port, slipsDir: app.ctx.slipsDir });
  app.subscribe((event, payload) => host.broadcast(event, payload));
  console.log(`Order Desk web host (${actor.name}, ${actor.role}): ${host.url}`);

  const shutdown = () => {
    void host
      .close()
      .then(() => sender?.stop())
      .then(() => {
        store.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
