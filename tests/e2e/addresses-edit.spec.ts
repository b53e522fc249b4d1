import type { OrderStore } from '../../db/store.js';
import { expect, test } from './desk.fixture.js';

/** A "to pack" order with a ship-to address and no parcel yet: its address may still change. */
function editableOrder(store: OrderStore): { number: string; address: string } {
  const row = store.sqlite
    .prepare(
      `SELECT o.number, o.shipping_address AS address FROM orders o
       WHERE o.queue = 'to_pack' AND o.shipping_address IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
       ORDER BY o.placed_at LIMIT 1`,
    )
    .get() as { number: string; address: string } | undefined;
  if (!row) throw new Error('the seed has no order with an editable address');
  return row;
}

const storedAddress = (store: OrderStore, number: string) =>
  store.sqlite.prepare('SELECT shipping_address FROM orders WHERE number = ?').pluck().get(number) as string;

const addressEvents = (store: OrderStore, number: string) =>
  store.sqlite
    .prepare(
      "SELECT e.data FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = ? AND e.kind = 'shipping_address_changed'",
    )
    .pluck()
    .all(number) as string[];

test('a bad ZIP is shown on the ZIP field and changes nothing; a good address is saved and goes on the timeline', async ({ page, desk }) => {
  const { number, address: before } = editableOrder(desk.store);
  await page.goto(desk.host.url);
  await page.getByLabel('Search orders').fill(number);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.getByTestId('queue-row').first().click();
  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();

  await page.getByRole('button', { name: 'Edit address' }).click();
  const dialog = page.getByRole('dialog', { name: `Ship-to address of order ${number}` });
  const zip = dialog.getByRole('textbox', { name: 'ZIP' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await zip.fill('1220');
  await dialog.getByRole('button', { name: 'Save address' }).click();
  await expect(zip).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter a 5-digit ZIP or ZIP+4 (12345-6789).')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'City' })).not.toHaveAttribute('aria-invalid', 'true');
  expect(storedAddress(desk.store, number)).toBe(before);
  expect(addressEvents(desk.store, number)).toEqual([]);

  await dialog.getByRole('textbox', { name: 'Street address' }).fill('500 Broadway');
  await dialog.getByRole('textbox', { name: 'City' }).fill('Albany');
  await dialog.getByRole('combobox', { name: 'State' }).selectOption('NY');
  await zip.fill('12207-1234');
  await expect(zip).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save address' }).click();
  await expect(dialog).toHaveCount(0);

  const shipTo = page.getByText('Albany, NY 12207-1234');
  await expect(shipTo).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(/shipping address/i);

  const after = JSON.parse(storedAddress(desk.store, number)) as Record<string, unknown>;
  expect(after).toMatchObject({ street: '500 Broadway', city: 'Albany', state: 'NY', zip: '12207-1234' });
  const events = addressEvents(desk.store, number).map((data) => JSON.parse(data) as { from: unknown; to: unknown });
  expect(events).toHaveLength(1);
  expect(events[0]!.from).toEqual(JSON.parse(before));
  expect(events[0]!.to).toMatchObject({ city: 'Albany', zip: '12207-1234' });
});

test('a shipped order’s address button is disabled and says why', async ({ page, desk }) => {
  const number = desk.store.sqlite
    .prepare(
      "SELECT number FROM orders o WHERE status = 'shipped' AND shipping_address IS NOT NULL AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) ORDER BY placed_at LIMIT 1",
    )
    .pluck()
    .get() as string;
  await page.goto(desk.host.url);
  await page.getByLabel('Search orders').fill(number);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.getByTestId('queue-row').first().click();
  const button = page.getByRole('button', { name: 'Edit address' });
  await expect(button).toBeDisabled();
  await button.locator('..').hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'Part of this order has already shipped to the old address, so it can no longer change. Contact the carrier to redirect the parcel.',
  );
});

test('an admin edits the customer’s address book from the address dialog: add one and make it the default', async ({ page, desk }) => {
  const { number } = editableOrder(desk.store);
  await page.goto(desk.host.url);
  await page.getByLabel('Search orders').fill(number);
  await page.getByTestId('queue-row').first().click();
  await page.getByRole('button', { name: 'Edit address' }).click();
  const dialog = page.getByRole('dialog', { name: `Ship-to address of order ${number}` });
  await dialog.getByRole('tab', { name: 'Customer addresses' }).click();
  const book = dialog.getByTestId('address-book');
  await expect(book).toBeVisible();
  const countBefore = await book.getByTestId('saved-address').count();

  await book.getByRole('button', { name: 'Add address' }).click();
  const editor = dialog.getByTestId('address-editor');
  await editor.getByRole('textbox', { name: 'Label' }).fill('Office');
  await editor.getByRole('textbox', { name: 'Name' }).fill('Pat Doe');
  await editor.getByRole('textbox', { name: 'Street address' }).fill('9 Elm St');
  await editor.getByRole('textbox', { name: 'City' }).fill('Austin');
  await editor.getByRole('combobox', { name: 'State' }).selectOption('TX');
  await editor.getByRole('textbox', { name: 'ZIP' }).fill('7870');
  await editor.getByRole('button', { name: 'Save address' }).click();
  await expect(editor.getByRole('textbox', { name: 'ZIP' })).toHaveAttribute('aria-invalid', 'true');
  await editor.getByRole('textbox', { name: 'ZIP' }).fill('78701');
  await editor.getByRole('button', { name: 'Save address' }).click();

  await expect(book.getByTestId('saved-address')).toHaveCount(countBefore + 1);
  const office = book.getByTestId('saved-address').filter({ hasText: 'Office' });
  await expect(office).toContainText('Austin, TX 78701');
  await expect(office.getByText('Default', { exact: true })).toHaveCount(0);
  await office.getByRole('button', { name: 'Make default' }).click();
  await expect(office.getByText('Default', { exact: true })).toBeVisible();
  // One default per type: no other shipping address keeps the badge.
  const defaults = desk.store.sqlite
    .prepare(
      `SELECT a.label FROM addresses a JOIN orders o ON o.customer_id = a.user_id
       WHERE o.number = ? AND a.type = 'shipping' AND a.is_default = 1`,
    )
    .pluck()
    .all(number);
  expect(defaults).toEqual(['Office']);

  await office.getByRole('button', { name: 'Use for this order' }).click();
  await expect(dialog.getByRole('textbox', { name: 'City' })).toHaveValue('Austin');
});
