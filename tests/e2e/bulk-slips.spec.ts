import { writeFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import type { WebHost } from '../../electron/web-host/server.js';
import { decodeBarcode, pageCount } from '../pdf-inspect.js';
import { expect, test } from './desk.fixture.js';

const numberIn = async (row: { textContent(): Promise<string | null> }) => ((await row.textContent()) ?? '').match(/SH-\d+/)![0];

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

test('print slips for ticked orders: progress, then the PDF opens in a new tab', async ({ page, desk, context, request }, testInfo) => {
  await page.goto(desk.host.url);
  const deskUrl = page.url();
  const rows = page.getByTestId('queue-row');
  await expect(rows.nth(1)).toBeVisible();
  const numbers = [await numberIn(rows.nth(0)), await numberIn(rows.nth(1))];
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('checked-count')).toHaveText('2 orders ticked');

  // What the new tab loads is followed on the wire, not through the tab's URL: a browser with a PDF
  // viewer shows the PDF there, but a headless shell without one turns the same navigation into a
  // download, so the tab never commits it and its URL stays empty.
  const popup = page.waitForEvent('popup');
  const pdfResponse = context.waitForEvent('response', (response) => response.request().isNavigationRequest() && response.url().includes('/api/files/slips/'));
  await page.keyboard.press('p');
  const dialog = page.getByRole('dialog', { name: 'Packing slips for 2 orders' });
  await expect(dialog.getByRole('status')).toHaveText('All 2 packing slips are ready, in one PDF.');
  await popup;
  const opened = await pdfResponse;
  expect(opened.url()).toMatch(/\/api\/files\/slips\/[0-9a-f-]{36}\.pdf\?token=/);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toBe('application/pdf');
  expect(page.url()).toBe(deskUrl); // the desk stays where it was; the PDF went to the new tab
  await expect(dialog.getByRole('link', { name: 'open the PDF' })).toHaveAttribute('href', opened.url());

  // The PDF at that URL is the batch: a page per ticked order, each barcode reading its number.
  const served = await request.get(opened.url());
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('application/pdf');
  const pdf = testInfo.outputPath('packing-slips.pdf');
  writeFileSync(pdf, await served.body());
  expect(pageCount(pdf)).toBe(2);
  const barcodes = [await decodeBarcode(pdf, 1), await decodeBarcode(pdf, 2)];
  expect(barcodes.sort()).toEqual([...numbers].sort());

  const jobs = desk.store.sqlite.prepare("SELECT count(*) FROM slip_jobs WHERE state = 'done'").pluck().get();
  expect(jobs).toBe(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
