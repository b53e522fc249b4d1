import type { OrderStore } from '../../db/store.js';
import { expect, test } from './desk.fixture.js';

const UPS_TRACKING = '1Z999AA10123456784';

/** "To pack" orders whose physical items all come from one store: one CSV line ships them. */
function shippableNumbers(store: OrderStore, count: number): string[] {
  const numbers = store.sqlite
    .prepare(
      `SELECT o.number FROM orders o
       WHERE o.queue = 'to_pack'
         AND (SELECT count(DISTINCT i.store_id) FROM order_items i
              WHERE i.order_id = o.id AND i.is_digital = 0 AND i.fulfilled_quantity < i.quantity) = 1
       ORDER BY o.placed_at LIMIT ?`,
    )
    .pluck()
    .all(count) as string[];
  if (numbers.length < count) throw new Error('the seed has too few shippable orders');
  return numbers;
}

const orderState = (store: OrderStore, number: string) =>
  store.sqlite
    .prepare(
      `SELECT o.status, o.queue, (SELECT count(*) FROM shipments s WHERE s.order_id = o.id) AS shipments,
              (SELECT group_concat(s.tracking_number) FROM shipments s WHERE s.order_id = o.id) AS tracking
       FROM orders o WHERE o.number = ?`,
    )
    .get(number) as { status: string; queue: string; shipments: number; tracking: string | null };

test('a CSV with one good line and bad ones ships the good order and reports every line', async ({ page, desk }) => {
  const [good, badTracking, badCarrier] = shippableNumbers(desk.store, 3) as [string, string, string];
  const before = { badTracking: orderState(desk.store, badTracking), badCarrier: orderState(desk.store, badCarrier) };
  const csv = [
    'order_number,carrier,tracking_number,carrier_name,tracking_url',
    `${good},ups,${UPS_TRACKING},,`,
    `SH-0000001,ups,${UPS_TRACKING},,`,
    `${badTracking},usps,9400111899223197428490,,`,
    `${badCarrier},pigeon,123,,`,
  ].join('\n');

  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Import shipments (CSV)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import shipments from a CSV file' });
  await expect(dialog.getByTestId('csv-format')).toContainText('tracking_number');
  await expect(dialog.getByRole('link', { name: 'Download an example file' })).toHaveAttribute('href', /^blob:/);
  await dialog.getByLabel('Email customers that their order shipped').uncheck();
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'shipments.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const report = dialog.getByTestId('import-report');
  await expect(report.getByTestId('import-applied')).toHaveText('1 shipped');
  await expect(report.getByTestId('import-refused')).toHaveText('3 refused');
  const lines = report.getByTestId('import-row');
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(0)).toContainText('2');
  await expect(lines.nth(0)).toContainText(good);
  await expect(lines.nth(0)).toHaveAttribute('data-status', 'applied');
  await expect(lines.nth(1)).toContainText(/no order SH-0000001/);
  await expect(lines.nth(2)).toContainText(badTracking);
  await expect(lines.nth(2)).toContainText(/check digit/);
  await expect(lines.nth(3)).toContainText(/"pigeon" isn't a carrier/);
  for (let i = 1; i < 4; i++) await expect(lines.nth(i)).toHaveAttribute('data-status', 'refused');

  await report.getByText(/^Refused only/).click();
  await expect(lines).toHaveCount(3);
  await expect(report.getByTestId('import-row').filter({ hasText: good })).toHaveCount(0);

  expect(orderState(desk.store, good)).toMatchObject({ status: 'shipped', queue: 'shipped', shipments: 1, tracking: UPS_TRACKING });
  expect(orderState(desk.store, badTracking)).toEqual(before.badTracking);
  expect(orderState(desk.store, badCarrier)).toEqual(before.badCarrier);
  // "Email customers" was unticked: the shipped email is recorded as suppressed, never sent.
  const emails = desk.store.sqlite
    .prepare("SELECT n.status FROM notifications n JOIN orders o ON o.id = n.order_id WHERE o.number = ? AND n.dedupe_key LIKE 'shipped:%'")
    .pluck()
    .all(good);
  expect(emails).toEqual(['suppressed']);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('queue-row').filter({ hasText: good })).toHaveCount(0);
});

test('a file that is not UTF-8 is refused whole with a sentence, and nothing ships', async ({ page, desk }) => {
  const [number] = shippableNumbers(desk.store, 1) as [string];
  const before = orderState(desk.store, number);
  const latin1 = Buffer.concat([
    Buffer.from('order_number,carrier,tracking_number\n'),
    Buffer.from(`${number},ups,${UPS_TRACKING}\n`),
    Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]),
  ]);
  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'Import shipments from a CSV file' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'windows.csv', mimeType: 'text/csv', buffer: latin1 });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-refusal')).toContainText(/isn't UTF-8/);
  await expect(dialog.getByTestId('import-refusal')).toContainText('Nothing was shipped.');
  expect(orderState(desk.store, number)).toEqual(before);
});

test('a long import shows its progress and stops on "Stop import": lines done stay done, the rest are listed as not reached', async ({ page, desk }) => {
  const numbers = shippableNumbers(desk.store, 3);
  // The real orders come first; 20,000 lines naming no order keep the import running long enough to stop.
  const csv = [
    'order_number,carrier,tracking_number',
    ...numbers.map((number) => `${number},ups,${UPS_TRACKING}`),
    ...Array.from({ length: 20_000 - numbers.length }, (_, i) => `NOPE-${i},ups,${UPS_TRACKING}`),
  ].join('\n');

  // Each slice (one commit of 100 lines) takes ~50 ms on a store of a million orders; here, on 300
  // orders, the whole file would take about a second and end before the click lands. Give each
  // slice that real-world cost, so the import is still running when "Stop import" is pressed.
  const batch = desk.store.batch.bind(desk.store);
  desk.store.batch = <T>(fn: () => T): T => {
    const until = performance.now() + 40;
    while (performance.now() < until);
    return batch(fn);
  };

  await page.goto(desk.host.url);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Import shipments (CSV)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import shipments from a CSV file' });
  await dialog.getByLabel('Email customers that their order shipped').uncheck();
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-progress')).toContainText(/Imported [1-9][\d,]* of 20,000 lines/);
  await dialog.getByRole('button', { name: 'Stop import' }).click();

  const report = dialog.getByTestId('import-report');
  await expect(report.getByTestId('import-cancelled')).toContainText(/The import was stopped: lines \d+ to 20001/);
  await expect(report.getByTestId('import-not-reached')).toContainText('not reached');
  await expect(report.getByTestId('import-applied')).toHaveText(`${numbers.length} shipped`);
  for (const number of numbers) expect(orderState(desk.store, number)).toMatchObject({ status: 'shipped', shipments: 1 });
  // The list is virtual: scroll to its end to see the file's last line.
  await report.getByRole('table', { name: 'Import report' }).evaluate((node) => {
    // Node's lib has no DOM types; the element is the report's scroll box.
    const list = node as unknown as { scrollTop: number; scrollHeight: number };
    list.scrollTop = list.scrollHeight;
  });
  const last = report.getByTestId('import-row').filter({ hasText: `NOPE-${19_999 - numbers.length}` });
  await expect(last).toHaveAttribute('data-status', 'not_reached');
  await expect(last).toContainText('Not reached');
});
