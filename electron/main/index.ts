// Composition root of the desktop app: settings, the order store, the handler table, IPC and
// the window. It never imports 'electron'; everything Electron does goes through platform/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, StoreOpenError } from '../../db/open.js';
import { openStoreInUse } from '../../db/seed/store-in-use.js';
import type { OrderStore } from '../../db/store.js';
import { defaultStaffUserId, resolveActor } from './app/actor.js';
import { createDeskHost } from './desk-host.js';
import { showStartupError } from './platform/dialogs.js';
import { createEventSender, registerDeskIpc } from './platform/ipc.js';
import { finishBeforeQuit, isPackaged, quit, quitWhenWindowsClosed, userDataDir, whenReady } from './platform/lifecycle.js';
import { hostname } from 'node:os';
import { openNotificationSettings } from './platform/notification-settings.js';
import { openSecretStore } from './platform/secrets.js';
import { openAccountVault } from './platform/account-vault.js';
import { deskNotificationSender } from './desk-sender.js';
import type { RunningNotificationService } from './services/notifications/service.js';
import { systemViewerPrintouts } from './platform/printouts.js';
import { sqliteBindingOverride } from './sqlite-binding.js';
import { registerAppScheme, serveAppFiles } from './platform/protocol.js';
import { loadSettings, SettingsFileError, type Settings } from './platform/settings.js';
import { claimSingleInstance } from './platform/single-instance.js';
import {
  createMainWindow,
  deskSession,
  enforceSandbox,
  focusWindow,
  guardAllWebContents,
  lockDownSession,
} from './platform/window.js';

/** out/main at run time; the preload and the renderer are built beside it. */
const outMain = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(outMain, '..', 'preload', 'index.cjs');
const RENDERER_ROOT = path.join(outMain, '..', 'renderer');

// React renders the customer emails in this process: use its production build (2-3x faster)
// unless a dev run says otherwise. The templates load lazily, after this line has run.
process.env.NODE_ENV ??= 'production';

type MainWindow = ReturnType<typeof createMainWindow>;

/** Never given payloads or inputs: customer data and secrets stay out of logs. */
function logError(message: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : error === null ? '' : String(error);
  console.error(`[order-desk] ${message}${detail ? ` (${detail})` : ''}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A fresh install gets the demo marketplace, seeded aside and renamed into place, so there is something to work. */
async function openOrderStore(dbPath: string): Promise<OrderStore | null> {
  const nativeBinding = sqliteBindingOverride(process.env, isPackaged());
  try {
    mkdirSync(path.dirname(dbPath), { recursive: true });
    const inUse = openStoreInUse(dbPath, { nativeBinding });
    if (inUse) return inUse;
    // The seeder (generator and demo data) is a chunk of its own, loaded only for a fresh store.
    const { openOrSeedDemoStore } = await import('../../db/seed/seed-file.js');
    const { store, seeded } = openOrSeedDemoStore(dbPath, { nativeBinding });
    if (seeded) console.info(`[order-desk] fresh store: seeded ${seeded.orders} demo orders (admin user ${seeded.adminUserId}).`);
    return store;
  } catch (error) {
    // StoreOpenError means the file was inspected and refused as it is; openStore has not
    // written to it, and nothing here does either. Quit and let the person decide.
    if (error instanceof StoreOpenError) {
      showStartupError("Order Desk can't open its database", error.message);
    } else {
      showStartupError(
        "Order Desk can't open its database",
        `${dbPath} could not be opened: ${describe(error)}. The file was not changed.`,
      );
    }
    return null;
  }
}

function main(): void {
  // Before ready: the app: scheme's privileges and renderer sandboxing are fixed at startup.
  registerAppScheme();
  enforceSandbox();

  let mainWindow: MainWindow | null = null;
  if (!claimSingleInstance(() => mainWindow && focusWindow(mainWindow))) return;
  guardAllWebContents();
  quitWhenWindowsClosed();

  whenReady()
    .then(async () => {
      const dataDir = userDataDir();
      let settings: Settings;
      try {
        settings = loadSettings(dataDir).get();
      } catch (error) {
        showStartupError("Order Desk can't read its settings", error instanceof SettingsFileError ? error.message : describe(error));
        quit();
        return;
      }

      const station = { id: settings.stationId, name: settings.stationName };
      const secrets = openSecretStore(dataDir);
      const slipsDir = path.join(dataDir, 'slips');
      const notificationSettings = openNotificationSettings(dataDir, secrets);
      const senders = new Map<OrderStore, RunningNotificationService>();
      // The demo store (no backend) acts as its first admin, as before sign-in existed; a signed-in
      // desk opens <userData>/sync/<server>-<scope>.sqlite instead and acts as the person signed in.
      const desk = createDeskHost({
        station,
        syncDir: path.join(dataDir, 'sync'),
        vault: openAccountVault(dataDir, secrets),
        deviceName: `${settings.stationName} (${hostname()})`,
        logError,
        openDemo: async () => {
          const store = await openOrderStore(settings.dbPath);
          if (!store) return null;
          const staffUserId = settings.staffUserId ?? defaultStaffUserId(store);
          const actor = staffUserId === null ? null : resolveActor(store, staffUserId, station);
          if (!actor) logError(`no staff member to act as (user ${staffUserId ?? 'none'}); calls will be refused`, null);
          return { store, actor };
        },
        openSyncStore: (file) => openStore(file, { nativeBinding: sqliteBindingOverride(process.env, isPackaged()) }),
        appOptions: (store) => ({
          logError,
          slipsDir,
          printouts: systemViewerPrintouts(slipsDir, logError),
          notifications: (app) => {
            const sender = deskNotificationSender(app, notificationSettings, logError);
            senders.set(store, sender);
            return sender;
          },
        }),
        startServices: (app) => {
          const sender = senders.get(app.ctx.store);
          sender?.start();
          return async () => {
            // Messages in flight get their outcome recorded; a dead mail server can't hold this for long.
            await Promise.race([sender?.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
            senders.delete(app.ctx.store);
          };
        },
      });
      // Messages in flight get their outcome recorded before the store closes (else they would
      // show as interrupted at the next start), and the sync engine stops between pages.
      finishBeforeQuit(() => desk.stop());
      try {
        if (!(await desk.start())) {
          quit();
          return;
        }
      } catch (error) {
        showStartupError("Order Desk can't open its database", describe(error));
        quit();
        return;
      }
      desk.subscribe(createEventSender(() => mainWindow));
      registerDeskIpc({ dispatch: desk.dispatchAs, actor: desk.actor, mainWindow: () => mainWindow, logError });

      const ses = deskSession();
      lockDownSession(ses);
      serveAppFiles(ses, RENDERER_ROOT);
      mainWindow = createMainWindow({
        preloadPath: PRELOAD_PATH,
        session: ses,
        onClosed: () => {
          mainWindow = null;
        },
      });
    })
    .catch((error: unknown) => {
      logError('startup failed', error);
      showStartupError('Order Desk could not start', describe(error));
      quit();
    });
}

main();
