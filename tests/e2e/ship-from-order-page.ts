import { expect, type Page } from '@playwright/test';

/**
 * Ships an order from its order page as a person would: search the queue for it, open it, Ship
 * with UPS and the tracking number, and (nothing was scanned at a station) give the reason to
 * ship unverified. Resolves once the timeline shows the parcel. Used by the browser e2e tests and
 * the Electron smoke test, which drive the same renderer.
 */
export async function shipFromOrderPage(page: Page, number: string, options: { upsTracking: string; reason: string }): Promise<void> {
  const rows = page.getByTestId('queue-row');
  await page.getByLabel('Search orders').fill(number);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await rows.first().click();
  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  await page.getByLabel('Carrier').selectOption('ups');
  await page.getByLabel('Tracking number').fill(options.upsTracking);
  await page.getByRole('button', { name: 'Ship order' }).click();
  await page.getByLabel(/not verified: why ship anyway/).fill(options.reason);
  await page.getByRole('button', { name: 'Ship order' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`Shipped with UPS, tracking number ${options.upsTracking}`);
}
