import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fixture } from './fixtures.js';

let f: Fixture;

beforeEach(() => {
  f = new Fixture();
});

afterEach(() => f.close());

const home = { name: 'Casey Customer', street: '12 Elm St', city: 'Portland', state: 'OR', zip: '97201' };
const work = { name: 'Casey Customer', street: '800 Market St', street2: 'Floor 3', city: 'San Francisco', state: 'ca', zip: '94102-1234', phone: '(415) 555-0100' };
const cabin = { name: 'Casey Customer', street: '1 Lake Rd', city: 'Bend', state: 'OR', zip: '97701' };

const defaults = () =>
  f.store.sqlite.prepare('SELECT type, id FROM addresses WHERE user_id = ? AND is_default = 1 ORDER BY type').all(f.customerId) as Array<{ type: string; id: number }>;

describe('customer addresses', () => {
  it('the first address of a type becomes its default; lists billing then shipping, default first', () => {
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', label: 'Home', address: home });
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', label: ' Work ', address: work });
    const book = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'billing', address: home });
    expect(book.map((a) => [a.type, a.label, a.isDefault, a.address.street])).toEqual([
      ['billing', null, true, '12 Elm St'],
      ['shipping', 'Home', true, '12 Elm St'],
      ['shipping', 'Work', false, '800 Market St'],
    ]);
    expect(book[2]!.address).toEqual({ ...work, state: 'CA', country: 'US' });
    expect(f.ok(f.admin, 'customers.addresses', { customerId: f.customerId })).toEqual(book);
  });

  it('making one the default unsets the previous default of that type only', () => {
    const first = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: home });
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'billing', address: home });
    const added = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', label: 'Cabin', isDefault: true, address: cabin });
    const shipping = added.filter((a) => a.type === 'shipping');
    expect(shipping.map((a) => [a.label, a.isDefault])).toEqual([
      ['Cabin', true],
      [null, false],
    ]);
    expect(defaults().map((d) => d.type)).toEqual(['billing', 'shipping']);
    // Back to the first one, by editing it.
    const homeId = first[0]!.id;
    const again = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, addressId: homeId, type: 'shipping', label: 'Home', isDefault: true, address: home });
    expect(again.filter((a) => a.type === 'shipping' && a.isDefault).map((a) => a.id)).toEqual([homeId]);
  });

  it('refuses to leave a type without a default while others exist', () => {
    const first = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: home });
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: cabin });
    const result = f.call(f.admin, 'customers.saveAddress', { customerId: f.customerId, addressId: first[0]!.id, type: 'shipping', isDefault: false, address: home });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { isDefault: expect.any(String) } });
    expect(defaults()).toEqual([{ type: 'shipping', id: first[0]!.id }]);
  });

  it('moving the default to the other type hands the old type its oldest remaining address', () => {
    const first = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: home });
    const second = f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: cabin });
    const cabinId = second.find((a) => a.address.street === '1 Lake Rd')!.id;
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, addressId: first[0]!.id, type: 'billing', address: home });
    expect(defaults()).toEqual([
      { type: 'billing', id: first[0]!.id },
      { type: 'shipping', id: cabinId },
    ]);
  });

  it('gives an error on each bad field, keyed by address field, and saves nothing', () => {
    const before = { addresses: f.count('addresses'), outbox: f.count('outbox') };
    const result = f.call(f.admin, 'customers.saveAddress', {
      customerId: f.customerId,
      type: 'shipping',
      address: { name: '  ', street: '', city: 'Portland', state: 'Oregon', zip: '9720', phone: 'call me' },
    });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Enter a name.',
      fields: {
        'address.name': 'Enter a name.',
        'address.street': 'Enter a street address.',
        'address.state': 'Choose a US state or territory (two-letter code, like NY).',
        'address.zip': 'Enter a 5-digit ZIP or ZIP+4 (12345-6789).',
        'address.phone': 'Enter a phone number using digits, spaces, +, -, ( and ).',
      },
    });
    expect(f.call(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: { ...home, country: 'CA' } })).toMatchObject({
      fields: { 'address.country': 'Only US addresses are supported for now.' },
    });
    expect(f.call(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: 'nope' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { address: expect.any(String) },
    });
    expect(f.call(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', label: 'x'.repeat(41), address: home })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { label: expect.any(String) },
    });
    expect({ addresses: f.count('addresses'), outbox: f.count('outbox') }).toEqual(before);
  });

  it('is a mutation with an outbox row but no order timeline entry', () => {
    f.ok(f.admin, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: home });
    expect(f.store.sqlite.prepare('SELECT name, args FROM outbox').all()).toEqual([
      { name: 'customer.saveAddress@1', args: expect.stringContaining('"street":"12 Elm St"') },
    ]);
    expect(f.count('order_events')).toBe(0);
    expect(f.events).toEqual([]);
  });

  it("refuses another customer's address, unknown customers and staff accounts", () => {
    const other = Number(
      f.store.sqlite.prepare("INSERT INTO users (email, name, role, created_at) VALUES ('dana@example.com', 'Dana', 'customer', 0)").run().lastInsertRowid,
    );
    const danas = f.ok(f.admin, 'customers.saveAddress', { customerId: other, type: 'billing', address: home });
    expect(f.call(f.admin, 'customers.saveAddress', { customerId: f.customerId, addressId: danas[0]!.id, type: 'billing', address: cabin })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(f.call(f.admin, 'customers.addresses', { customerId: 999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(f.call(f.admin, 'customers.addresses', { customerId: f.admin.userId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(f.ok(f.admin, 'customers.addresses', { customerId: other }).map((a) => a.address.street)).toEqual(['12 Elm St']);
  });

  it('is for admins only', () => {
    expect(f.call(f.sellerA, 'customers.addresses', { customerId: f.customerId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(f.call(f.sellerA, 'customers.saveAddress', { customerId: f.customerId, type: 'shipping', address: home })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(f.count('addresses')).toBe(0);
  });
});
