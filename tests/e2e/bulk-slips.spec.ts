import type { APIRequestContext } from '@playwright/test';
import type { WebHost } from '../../electron/web-host/server.js';
import { expect, test } from './desk.fixture.js';

/** A call through a station's web host, as that station's window would make it. */
async function callAs(request: APIRequestContext, host: WebHost, name: string, input: unknown) {
  const response = await request.post(`http://127.0.0.1:${host.port}/api/call`, {
    headers: { Authorization: `Bearer ${host.token}` },
    data: { name, input },
  });
  return (await response.json()) as { ok: boolean };
}

test('queue rows show who is packing them, this station’s own claim set apart', async ({ page, desk, request }) => {
  const [theirs, mine] = desk.store.sqlite
    .prepare("SELECT id, number FROM orders WHERE queue = 'to_pack' AND status = 'processing' ORDER BY placed_at LIMIT 2")
    .all() as { id: number; number: string }[];
  const bench2 = await desk.openStation({ id: 'bench-2', name: 'Bench 2' });
  expect(await callAs(request, bench2.host, 'orders.claim', { orderId: theirs!.id })).toMatchObject({ ok: true });
  expect(await callAs(request, desk.host, 'orders.claim', { orderId: mine!.id })).toMatchObject({ ok: true });

  await page.goto(desk.host.url);
  const rows = page.getByTestId('queue-row');
  const theirBadge = rows.filter({ hasText: theirs!.number }).getByTestId('claim-badge');
  await expect(theirBadge).toHaveText(`Packing: Bench 2 · ${bench2.actor.name}`);
  await expect(theirBadge).toHaveAttribute('data-mine', 'false');
  const myBadge = rows.filter({ hasText: mine!.number }).getByTestId('claim-badge');
  await expect(myBadge).toHaveText(`Packing: Packing bench 3 · ${desk.actor.name}`);
  await expect(myBadge).toHaveAttribute('data-mine', 'true');
  await expect(page.getByTestId('claim-badge')).toHaveCount(2);
});

test('print slips for ticked orders: progress, then the PDF opens', async ({ page, desk }) => {
  await page.goto(desk.host.url);
  const rows = page.getByTestId('queue-row');
  await expect(rows.nth(1)).toBeVisible();
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('checked-count')).toHaveText('2 orders ticked');

  const popup = page.waitForEvent('popup');
  await page.keyboard.press('p');
  const dialog = page.getByRole('dialog', { name: 'Packing slips for 2 orders' });
  await expect(dialog.getByRole('status')).toHaveText('All 2 packing slips are ready, in one PDF.');
  const tab = await popup;
  expect(tab.url()).toMatch(/\/api\/files\/slips\/[0-9a-f-]{36}\.pdf/);
  await expect(dialog.getByRole('link', { name: 'open the PDF' })).toHaveAttribute('href', tab.url());
  const jobs = desk.store.sqlite.prepare("SELECT count(*) FROM slip_jobs WHERE state = 'done'").pluck().get();
  expect(jobs).toBe(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
