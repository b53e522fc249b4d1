import type { OrderStore } from '../../db/store.js';
import { expect, test } from './desk.fixture.js';

const holdOf = (store: OrderStore, number: string) =>
  store.sqlite.prepare('SELECT on_hold AS onHold, hold_reason AS holdReason, queue FROM orders WHERE number = ?').get(number) as {
    onHold: number;
    holdReason: string | null;
    queue: string;
  };

const numberIn = async (row: { textContent(): Promise<string | null> }) => ((await row.textContent()) ?? '').match(/SH-\d+/)![0];

test('tick three orders with the keyboard, place them on hold, and read the report', async ({ page, desk }) => {
  await page.goto(desk.host.url);
  const rows = page.getByTestId('queue-row');
  await expect(rows.nth(3)).toBeVisible();
  const numbers = [await numberIn(rows.nth(0)), await numberIn(rows.nth(1)), await numberIn(rows.nth(2))];
  const untouched = await numberIn(rows.nth(3));

  await page.keyboard.press('x');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('checked-count')).toHaveText('3 orders ticked');
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toHaveAttribute('aria-checked', 'true');
  await expect(rows.nth(3)).toHaveAttribute('aria-checked', 'false');

  // A change elsewhere refetches the list; the ticks stay.
  desk.host.broadcast('orders.changed', { orderIds: [] });
  await page.waitForTimeout(300);
  await expect(page.getByTestId('checked-count')).toHaveText('3 orders ticked');

  await page.keyboard.press('h');
  const dialog = page.getByRole('dialog', { name: 'Place the ticked orders on hold' });
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  await page.keyboard.type('Waiting for stock count');
  await page.keyboard.press('Control+Enter');

  const report = page.getByTestId('bulk-report');
  await expect(report.getByTestId('bulk-applied')).toHaveText('Put 3 orders on hold.');
  for (const number of numbers) await expect(report).toContainText(number);
  await expect(report.getByTestId('bulk-refused')).toHaveCount(0);
  for (const number of numbers) expect(holdOf(desk.store, number)).toEqual({ onHold: 1, holdReason: 'Waiting for stock count', queue: 'on_hold' });
  expect(holdOf(desk.store, untouched).onHold).toBe(0);

  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  // The held orders left "To pack", and their ticks with them.
  for (const number of numbers) await expect(rows.filter({ hasText: number })).toHaveCount(0);
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});

test('Ctrl+A on "All" ticks every loaded order; a hold refuses the ones it can’t apply, each with a sentence', async ({ page, desk }) => {
  await page.goto(desk.host.url);
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  await page.keyboard.press('6');
  await expect(page.getByRole('heading', { name: 'All' })).toBeVisible();
  await expect(rows.first()).toBeVisible();
  await page.keyboard.press('Control+a');
  const ticked = Number(((await page.getByTestId('checked-count').textContent()) ?? '').match(/\d+/)![0]);
  expect(ticked).toBeGreaterThanOrEqual(30);

  await page.getByRole('button', { name: 'Place hold' }).click();
  await page.getByLabel('Reason').fill('Inventory audit');
  await page.getByRole('button', { name: /^Place \d+ holds$/ }).click();

  const report = page.getByTestId('bulk-report');
  await expect(report).toBeVisible();
  const held = desk.store.sqlite.prepare("SELECT count(*) FROM orders WHERE hold_reason = 'Inventory audit'").pluck().get() as number;
  expect(held).toBeGreaterThan(0);
  await expect(report.getByTestId('bulk-applied')).toHaveText(`Put ${held} ${held === 1 ? 'order' : 'orders'} on hold.`);
  const refusedRows = report.getByTestId('bulk-refused').locator('tbody tr');
  await expect(refusedRows).toHaveCount(ticked - held);
  // Each refusal names its order and says why; those orders are as they were.
  const first = refusedRows.first();
  const refusedNumber = await numberIn(first);
  await expect(first.locator('td').nth(1)).toHaveText(/\w+ .*\./);
  expect(holdOf(desk.store, refusedNumber).holdReason).not.toBe('Inventory audit');

  // Changing tab clears the ticks.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.keyboard.press('1');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});
