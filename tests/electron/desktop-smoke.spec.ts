// Smoke test of the desktop app as `npm start` runs it: the real main process, preload and IPC,
// on a temporary user data folder (so a fresh demo store), not the web host.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectron, prepareDesktop } from '../../scripts/start.mjs';
import { shipFromOrderPage } from '../e2e/ship-from-order-page.js';

const UPS_TRACKING = '1Z999AA10123456784';
const electron = findElectron();

test.describe.configure({ mode: 'serial' });
test.skip(!electron.ok, `Electron binary not available: ${electron.ok ? '' : electron.reason}`);

let userData: string;
let app: ElectronApplication;
let page: Page;
let storeFile: string;
let closed = false;

test.beforeAll(async () => {
  test.setTimeout(600_000); // builds better-sqlite3 for Electron once, then the app
  if (!electron.ok) return;
  userData = mkdtempSync(path.join(tmpdir(), 'order-desk-electron-'));
  const launch = await prepareDesktop(electron);
  // --user-data-dir moves userData (settings, secrets, the store); the XDG/APPDATA variables keep
  // anything derived from appData inside the temporary folder as well.
  app = await _electron.launch({
    executablePath: launch.command,
    args: [...launch.args, `--user-data-dir=${userData}`],
    env: Object.fromEntries(
      Object.entries({ ...launch.env, XDG_CONFIG_HOME: userData, APPDATA: userData }).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    timeout: 60_000,
  });
  page = await app.firstWindow();
  const appUserData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  expect(appUserData.startsWith(userData)).toBe(true);
  storeFile = path.join(appUserData, 'order-desk.sqlite');
});

test.afterAll(async () => {
  if (!closed) await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

/** Reads the app's store from outside while it runs (WAL lets a reader in beside it). */
function readStore<T>(read: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(storeFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

test('the desktop app shows the queue, ships an order through IPC, keeps Node out of the page, and quits', async () => {
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  // The renderer reaches main only through the preload's two named functions.
  const reach = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    module: typeof (globalThis as { module?: unknown }).module,
    api: typeof (globalThis as { api?: unknown }).api,
    bridge: Object.keys((globalThis as unknown as { orderDesk: object }).orderDesk).sort(),
    bridgeTypes: Object.values((globalThis as unknown as { orderDesk: object }).orderDesk).map((value) => typeof value),
  }));
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', api: 'undefined', bridge: ['call', 'on'], bridgeTypes: ['function', 'function'] });

  const number = readStore(
    (db) =>
      db
        .prepare(
          `SELECT o.number FROM orders o
           WHERE o.queue = 'to_pack'
             AND (SELECT count(*) FROM order_stores s WHERE s.order_id = o.id) = 1
             AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.is_digital = 0 AND i.fulfilled_quantity < i.quantity)
           ORDER BY o.placed_at LIMIT 1`,
        )
        .pluck()
        .get() as string,
  );
  expect(number).toBeTruthy();

  await shipFromOrderPage(page, number, { upsTracking: UPS_TRACKING, reason: 'Electron smoke test' });

  const shipped = readStore((db) => ({
    order: db.prepare('SELECT status FROM orders WHERE number = ?').pluck().get(number),
    shipments: db.prepare('SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.number = ? AND s.tracking_number = ?').pluck().get(number, UPS_TRACKING),
  }));
  expect(shipped).toEqual({ order: 'shipped', shipments: 1 });

  await app.close();
  closed = true;
  // A clean quit closes the store: the last connection checkpoints the WAL and removes it.
  expect(existsSync(`${storeFile}-wal`)).toBe(false);
});
