import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/index.js';
import type { Result } from '../../shared/domain/result.js';
import { Fixture } from './fixtures.js';

let f: Fixture;
let a1: number;
let a2: number;
let b1: number;
let held: number;
let multi: number;

/** A UPS number with a correct check digit (shipper 999AA1, service 01). */
function ups(n: number): string {
  const body = `999AA101${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (const [i, c] of [...body].entries()) {
    const value = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return `1Z${body}${(10 - (sum % 10)) % 10}`;
}
const FEDEX = '123456789012';
const BAD_UPS = ups(1).slice(0, -1) + String((Number(ups(1).at(-1)) + 1) % 10);

const b64 = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');

/** shipments.importCsv answers later (it runs in slices): dispatch gives a promise. */
function importCsv(text: string | Buffer, actor = f.admin, notifyCustomer = true, importId?: string): Promise<Result<ImportReport>> {
  return f.app.dispatch(actor, 'shipments.importCsv', { fileName: 'shipments.csv', contentBase64: b64(text), notifyCustomer, importId }) as Promise<
    Result<ImportReport>
  >;
}

async function report(text: string | Buffer, actor = f.admin, notifyCustomer = true): Promise<ImportReport> {
  const result = await importCsv(text, actor, notifyCustomer);
  if (!result.ok) throw new Error(`import refused: ${result.message}`);
  return result.value;
}

const byLine = (r: ImportReport) => Object.fromEntries(r.rows.map((row) => [row.line, row]));
const shipmentsOf = (orderId: number) =>
  f.store.sqlite.prepare('SELECT carrier, tracking_number, tracking_url FROM shipments WHERE order_id = ?').all(orderId) as Array<{
    carrier: string;
    tracking_number: string;
    tracking_url: string;
  }>;
const statusOf = (orderId: number) => (f.store.sqlite.prepare('SELECT status FROM orders WHERE id = ?').get(orderId) as { status: string }).status;

beforeEach(() => {
  f = new Fixture();
  const order = (number: string, storeId: number, extra: Partial<Parameters<Fixture['addOrder']>[0]> = {}) =>
    f.addOrder({ number, status: 'processing', paid: true, ageDays: 2, items: [{ storeId, sku: `SKU-${number}`, quantity: 2 }], ...extra });
  a1 = order('SH-0000201', f.storeA);
  a2 = order('SH-0000202', f.storeA);
  b1 = order('SH-0000203', f.storeB);
  held = order('SH-0000204', f.storeA);
  f.ok(f.admin, 'orders.placeHold', { orderId: held, reason: 'Address check' });
  order('SH-0000205', f.storeA, { status: 'pending', paid: false });
  multi = f.addOrder({
    number: 'SH-0000206',
    status: 'processing',
    paid: true,
    ageDays: 1,
    items: [
      { storeId: f.storeA, sku: 'ALD-1', quantity: 1 },
      { storeId: f.storeB, sku: 'BIR-1', quantity: 1 },
    ],
  });
  order('SH-0000207', f.storeA, { status: 'shipped', items: [{ storeId: f.storeA, sku: 'DONE', quantity: 1, fulfilled: 1 }] });
  for (let n = 211; n <= 216; n++) order(`SH-0000${n}`, f.storeA);
  f.events.length = 0;
});

afterEach(() => f.close());

describe('shipments.importCsv: good files', () => {
  it('ships every valid line through the ship mutation, one parcel per line, and reports each', async () => {
    const outboxBefore = f.count('outbox');
    const r = await report(`Order #,Carrier,Tracking #\nSH-0000201,UPS,${ups(1)}\nSH-0000202,fedex,${FEDEX}\nSH-0000203,United Parcel Service,${ups(3)}\n`, f.admin, false);
    expect(r).toMatchObject({ fileName: 'shipments.csv', applied: 3, refused: 0 });
    expect(r.rows.map((row) => [row.line, row.orderNumber, row.status])).toEqual([
      [2, 'SH-0000201', 'applied'],
      [3, 'SH-0000202', 'applied'],
      [4, 'SH-0000203', 'applied'],
    ]);
    expect(r.rows[0]!.message).toBe(`Shipped by UPS, tracking number ${ups(1)}.`);
    expect(shipmentsOf(a1)).toEqual([{ carrier: 'ups', tracking_number: ups(1), tracking_url: `https://www.ups.com/track?tracknum=${ups(1)}` }]);
    expect(shipmentsOf(a2)[0]!.carrier).toBe('fedex');
    expect(shipmentsOf(b1)[0]!.tracking_number).toBe(ups(3));
    for (const id of [a1, a2, b1]) expect(statusOf(id)).toBe('shipped');

    // Each line is its own mutation: an outbox row and a timeline entry per order, saying where it came from.
    expect(f.count('outbox') - outboxBefore).toBe(3);
    const shipped = f.store.sqlite.prepare("SELECT data FROM order_events WHERE kind = 'shipped' AND order_id = ?").get(a1) as { data: string };
    expect(JSON.parse(shipped.data)).toMatchObject({ trackingNumber: ups(1), notifyCustomer: false, verificationOverride: 'Shipped from CSV import shipments.csv' });
    // "Don't email the customer" applies to every line.
    expect(f.store.sqlite.prepare("SELECT DISTINCT status FROM notifications WHERE kind = 'shipped'").pluck().all()).toEqual(['suppressed']);
    // One orders.changed for the whole file, naming every shipped order.
    const changed = f.events.filter((e) => e.event === 'orders.changed');
    expect(changed).toHaveLength(1);
    expect((changed[0]!.payload as { orderIds: number[] }).orderIds.sort()).toEqual([a1, a2, b1].sort());
    // Likewise one notifications.changed naming every row the lines queued (suppressed ones too).
    const queued = f.store.sqlite.prepare("SELECT id FROM notifications WHERE kind = 'shipped' ORDER BY id").pluck().all();
    const announced = f.events.filter((e) => e.event === 'notifications.changed');
    expect(announced).toHaveLength(1);
    expect((announced[0]!.payload as { ids: number[] }).ids.sort((x, y) => x - y)).toEqual(queued);
  });

  it('reads header aliases, optional columns, a BOM, CRLF line ends, semicolons and quoted values', async () => {
    const text = `\uFEFF"order_number";"Shipping Carrier";"Tracking Number";"Carrier Name";"Tracking URL"\r\n` +
      `"sh-0000201";"Other";"PONY-000123";"Pony Express";"https://pony.example/track/PONY000123"\r\n` +
      `SH-0000202;Federal Express;${FEDEX};;\r\n`;
    const r = await report(text);
    expect(r.rows.map((row) => row.status)).toEqual(['applied', 'applied']);
    const [other] = shipmentsOf(a1);
    expect(other).toEqual({ carrier: 'other', tracking_number: 'PONY000123', tracking_url: 'https://pony.example/track/PONY000123' });
    expect(f.store.sqlite.prepare('SELECT carrier_name FROM shipments WHERE order_id = ?').pluck().get(a1)).toBe('Pony Express');
  });

  it('reads a comma file whose quoted carrier name holds a semicolon', async () => {
    // The short UPS line (optional columns left off) is what tipped the old whole-file guess to ';'.
    const text = 'order,carrier,tracking,carrier name,tracking url\n' +
      `SH-0000201,UPS,${ups(1)}\n` +
      'SH-0000202,Other,PONY000124,"Acme; Freight; Co",https://acme.example/t/2\n' +
      'SH-0000203,Other,PONY000125,"Acme; Freight; Co","https://acme.example/t?n=3;4"\n' +
      'SH-0000211,Other,PONY000126,"Acme; Freight, Inc.",https://acme.example/t/5\n';
    const r = await report(text);
    expect(r.rows.map((row) => row.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(f.store.sqlite.prepare("SELECT carrier_name FROM shipments WHERE carrier = 'other' ORDER BY order_id").pluck().all()).toEqual([
      'Acme; Freight; Co',
      'Acme; Freight; Co',
      'Acme; Freight, Inc.',
    ]);
  });

  it('treats a value of only invisible characters as empty', async () => {
    const r = await report(`order,carrier,tracking,carrier name,tracking url\nSH-0000201,Other,PONY000123,\u200B\u0085,https://pony.example/1\nSH-0000202,\u200B,${FEDEX}\n`);
    expect(r.rows.map((row) => row.status)).toEqual(['refused', 'refused']);
    expect(r.rows[0]!.message).toContain("carrier's name");
    expect(r.rows[1]!.message).toContain('The carrier is empty');
  });

  it('refuses a file without the required columns, naming what is missing and what it found', async () => {
    const before = f.snapshot();
    const result = await importCsv(`order,carrier,notes\nSH-0000201,UPS,${ups(1)}\n`);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!result.ok && result.message).toContain('Missing: tracking number');
    expect(!result.ok && result.message).toContain('"notes"');
    expect(await importCsv(`SH-0000201,UPS,${ups(1)}\n`)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await importCsv('order,carrier,tracking\n')).toMatchObject({ ok: false, message: 'shipments.csv has a header but no rows below it.' });
    expect(await importCsv('order,order number,carrier,tracking\n')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(f.snapshot()).toEqual(before);
  });
});

describe('shipments.importCsv: bad lines', () => {
  it('refuses every kind of bad line with a sentence, applies the good ones, and counts lines like an editor', async () => {
    const outboxBefore = f.count('outbox');
    const lines = [
      'order number,carrier,tracking number,carrier name,tracking url', // 1
      `SH-0000201,UPS,${ups(1)}`, // 2 applied
      `SH-9999999,UPS,${ups(2)}`, // 3 unknown order
      `,UPS,${ups(2)}`, // 4 empty order number
      `SH-0000211,Pony,${ups(2)}`, // 5 unknown carrier
      '', // 6 blank: no report row
      `SH-0000212,,${ups(2)}`, // 7 empty carrier
      `SH-0000213,UPS,${BAD_UPS}`, // 8 check digit
      'SH-0000214,UPS,', // 9 empty tracking
      `SH-0000204,UPS,${ups(4)}`, // 10 on hold (refused by the ship mutation)
      `SH-0000205,UPS,${ups(5)}`, // 11 unpaid
      `SH-0000207,UPS,${ups(7)}`, // 12 already shipped
      `SH-0000206,UPS,${ups(6)}`, // 13 several stores
      `SH-0000201,UPS,${ups(8)}`, // 14 duplicate of line 2
      `SH-0000215,UPS,${ups(2)},,,SURPRISE`, // 15 too many values
      'SH-0000216,Other,ABCD12345,,', // 16 other without name or link
      `SH-0000203,U.P.S.,${ups(3)}`, // 17 applied
    ];
    const r = await report(lines.join('\n'));
    const rows = byLine(r);
    expect(Object.keys(rows).map(Number)).toEqual([2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(r).toMatchObject({ applied: 2, refused: 13 });
    expect(rows[2]!.status).toBe('applied');
    expect(rows[17]!.status).toBe('applied');
    expect(rows[3]!.message).toBe('There is no order SH-9999999 on this desk.');
    expect(rows[4]).toMatchObject({ orderNumber: null, message: 'The order number is empty.' });
    expect(rows[5]!.message).toContain('"Pony" isn\'t a carrier the desk knows');
    expect(rows[7]!.message).toContain('The carrier is empty');
    expect(rows[8]!.message).toContain('check digit');
    expect(rows[9]!.message).toBe('The tracking number is empty.');
    expect(rows[10]!.message).toContain('on hold');
    expect(rows[11]!.message).toContain("isn't paid");
    expect(rows[12]!.message).toMatch(/already (been )?shipped/);
    expect(rows[13]!.message).toContain('several stores');
    expect(rows[14]!.message).toBe('Order SH-0000201 is already on line 2 of this file; an import ships one parcel per order.');
    expect(rows[15]!.message).toContain('6 values but the header names 5 columns');
    expect(rows[16]!.message).toContain("carrier's name");
    expect(rows[16]!.message).toContain('https://');
    for (const row of r.rows.filter((row) => row.status === 'refused')) expect(row.message).toMatch(/[.)]$/);

    // Exactly the two applied lines changed anything.
    expect(f.count('shipments')).toBe(2);
    expect(f.count('outbox') - outboxBefore).toBe(2);
    expect(shipmentsOf(a1)).toHaveLength(1);
    expect(shipmentsOf(a2)).toHaveLength(0);
    expect(statusOf(held)).toBe('processing');
  });

  it('leaves every table exactly as it was when no line can be applied', async () => {
    const before = f.snapshot();
    const r = await report([
      'order,carrier,tracking',
      `SH-0000204,UPS,${ups(4)}`,
      `SH-0000205,UPS,${ups(5)}`,
      `SH-0000206,UPS,${ups(6)}`,
      `SH-0000202,UPS,${BAD_UPS}`,
    ].join('\n'));
    expect(r).toMatchObject({ applied: 0, refused: 4 });
    expect(f.snapshot()).toEqual(before);
    expect(f.events.filter((e) => e.event === 'orders.changed')).toEqual([]);
  });

  it('refuses the later line of a repeated order number, even in another case', async () => {
    const r = await report(`order,carrier,tracking\nSH-0000201,UPS,${ups(1)}\nsh-0000201,UPS,${ups(1)}\n`);
    expect(r.rows.map((row) => row.status)).toEqual(['applied', 'refused']);
    expect(r.rows[1]!.message).toContain('already on line 2');
    expect(f.count('shipments')).toBe(1);
  });

  it('reports broken quoting on its line, and the lines an unclosed quote swallowed', async () => {
    const lines = [
      'order,carrier,tracking',
      `SH-0000201,UPS,${ups(1)}`, // 2 applied
      `"SH-0000202"x,UPS,${ups(2)}`, // 3 text after the closing quote
      `SH-0000203,UPS,${ups(3)}`, // 4 swallowed into line 3's value
    ];
    const r = await report(lines.join('\n'));
    const rows = byLine(r);
    expect(rows[2]!.status).toBe('applied');
    expect(rows[3]).toMatchObject({ status: 'refused' });
    expect(rows[3]!.message).toMatch(/quote/i);
    expect(rows[4]).toMatchObject({ status: 'refused', message: 'Not read: this line is inside the broken quoted value that starts on line 3.' });
    expect(shipmentsOf(b1)).toHaveLength(0);

    const unclosed = await report(['order,carrier,tracking', `SH-0000202,UPS,${ups(2)}`, `"SH-0000203,UPS,${ups(3)}`, `SH-0000201,UPS,${ups(1)}`].join('\n'));
    expect(unclosed.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'applied'],
      [3, 'refused'],
      [4, 'refused'],
    ]);
    expect(unclosed.rows[1]!.message).toContain('never closed');
    expect(shipmentsOf(a1)).toHaveLength(1); // from the first file only
    expect(shipmentsOf(a2)).toHaveLength(1);
    expect(shipmentsOf(b1)).toHaveLength(0);
  });

  it('counts a quoted value that spans lines as one record on its first line', async () => {
    const r = await report(`order,carrier,tracking,carrier name\nSH-0000201,UPS,${ups(1)},"two\nlines"\nSH-0000202,UPS,${ups(2)}\n`);
    expect(r.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'applied'],
      [4, 'applied'],
    ]);
  });
});

describe('shipments.importCsv: files it refuses whole', () => {
  it('refuses Latin-1 bytes with a clear way out, changing nothing', async () => {
    const before = f.snapshot();
    const latin1 = Buffer.from(`order,carrier,tracking,carrier name\nSH-0000201,Other,PONY000123,Poste Fran\xe7aise\n`, 'latin1');
    const result = await importCsv(latin1);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!result.ok && result.message).toContain("isn't UTF-8");
    expect(!result.ok && result.message).toContain('line 2');
    expect(!result.ok && result.message).toContain('CSV UTF-8');
    expect(f.snapshot()).toEqual(before);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('order,carrier,tracking\n', 'utf16le')]);
    expect(await importCsv(utf16)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('refuses a 100,001-row file quickly, before reading its rows', async () => {
    const rows = ['order,carrier,tracking'];
    const tracking = ups(1);
    for (let i = 0; i < 100_001; i++) rows.push(`SH-${String(i).padStart(7, '0')},UPS,${tracking}`);
    const before = f.snapshot();
    const started = performance.now();
    const result = await importCsv(rows.join('\n'));
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'This file has 100,001 rows; import at most 20,000 at a time.' });
    expect(elapsed).toBeLessThan(3000);
    expect(f.snapshot()).toEqual(before);
  });

  it('takes exactly 20,000 rows but not 20,001', async () => {
    // Cheap lines to check (no such order, no carrier, no tracking): this is about counting, not validating.
    const file = (n: number) => ['order,carrier,tracking', ...Array.from({ length: n }, (_, i) => `NOPE-${i},,`)].join('\n');
    expect(await importCsv(file(20_001))).toMatchObject({ ok: false, message: 'This file has 20,001 rows; import at most 20,000 at a time.' });
    const r = await report(file(20_000));
    expect(r.rows).toHaveLength(20_000);
    expect(r.rows.at(-1)).toMatchObject({ line: 20_001, orderNumber: 'NOPE-19999', status: 'refused' });
    expect(r.applied).toBe(0);
  });
});

describe('shipments.importCsv: seller scope', () => {
  it("ships a seller's own orders and refuses others' exactly like orders that don't exist", async () => {
    const r = await report(`order,carrier,tracking\nSH-0000201,UPS,${ups(1)}\nSH-0000203,UPS,${ups(3)}\nSH-9999999,UPS,${ups(9)}\n`, f.sellerA);
    expect(r.rows.map((row) => row.status)).toEqual(['applied', 'refused', 'refused']);
    expect(r.rows[1]!.message).toBe('There is no order SH-0000203 in your stores.');
    expect(r.rows[2]!.message).toBe('There is no order SH-9999999 in your stores.');
    expect(shipmentsOf(b1)).toHaveLength(0);
    expect(statusOf(b1)).toBe('processing');
  });

  it("lets a seller ship their part of a shared order, never the other store's items", async () => {
    const r = await report(`order,carrier,tracking\nSH-0000206,UPS,${ups(6)}\n`, f.sellerA);
    expect(r.rows[0]!.status).toBe('applied');
    const lines = f.store.sqlite
      .prepare('SELECT i.sku FROM shipment_items si JOIN order_items i ON i.id = si.order_item_id JOIN shipments s ON s.id = si.shipment_id WHERE s.order_id = ?')
      .pluck()
      .all(multi);
    expect(lines).toEqual(['ALD-1']);
  });
});

describe('shipments.importCsv: runs in slices, with progress and cancel', () => {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const progressOf = (importId: string) =>
    f.events
      .filter((e) => e.event === 'shipments.importProgress')
      .map((e) => e.payload as { jobId: string; state: string; done: number; total: number })
      .filter((p) => p.jobId === importId);

  it('answers other calls and fires timers while a long import runs, and reports its progress', async () => {
    // 3,000 lines naming no order: cheap to check, but still 30 slices.
    const lines = ['order,carrier,tracking', ...Array.from({ length: 3000 }, (_, i) => `NOPE-${i},UPS,${ups(i)}`)];
    const importId = crypto.randomUUID();
    let finished = false;
    const pending = importCsv(lines.join('\n'), f.admin, true, importId).then((result) => {
      finished = true;
      return result;
    });
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    await turn();
    const list = f.call(f.admin, 'orders.list', { view: 'to_pack' });
    expect(list.ok).toBe(true);
    while (!timerFired) await turn();
    expect(finished).toBe(false); // both were served while the import was still running

    const result = await pending;
    expect(result.ok && result.value).toMatchObject({ applied: 0, refused: 3000, notReached: 0, cancelled: false });
    const progress = progressOf(importId);
    expect(progress[0]).toMatchObject({ state: 'running', done: 0, total: 3000 });
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 3000, total: 3000 });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it('stops after the current slice when cancelled: lines done stay done, the rest are reported as not reached', async () => {
    const orders = Array.from({ length: 300 }, (_, i) => ({
      number: `SH-10${String(i).padStart(5, '0')}`,
      id: f.addOrder({
        number: `SH-10${String(i).padStart(5, '0')}`,
        status: 'processing',
        paid: true,
        ageDays: 1,
        items: [{ storeId: f.storeA, sku: `BULK-${i}`, quantity: 1 }],
      }),
    }));
    const csv = ['order,carrier,tracking', ...orders.map((o, i) => `${o.number},UPS,${ups(1000 + i)}`)].join('\n');
    const importId = crypto.randomUUID();
    const pending = importCsv(csv, f.admin, false, importId);
    while (f.count('shipments') === 0) await turn();

    expect(f.call(f.sellerA, 'shipments.importCancel', { importId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const cancelled = f.call(f.admin, 'shipments.importCancel', { importId });
    expect(cancelled).toMatchObject({ ok: true, value: { jobId: importId, state: 'cancelled', total: 300 } });

    const result = await pending;
    if (!result.ok) throw new Error(result.message);
    const r = result.value;
    expect(r.cancelled).toBe(true);
    expect(r.applied).toBeGreaterThan(0);
    expect(r.notReached).toBeGreaterThan(0);
    expect(r.applied + r.notReached).toBe(300);
    expect(r.refused).toBe(0);
    // Lines applied, then lines not reached, in file order.
    expect(r.rows.map((row) => row.status)).toEqual([...Array(r.applied).fill('applied'), ...Array(r.notReached).fill('not_reached')]);
    expect(r.rows[r.applied]).toMatchObject({ line: r.applied + 2, orderNumber: orders[r.applied]!.number });
    expect(r.rows[r.applied]!.message).toContain('Not reached');
    // The database agrees with the report, line by line.
    for (const [index, order] of orders.entries()) expect(statusOf(order.id)).toBe(index < r.applied ? 'shipped' : 'processing');
    expect(progressOf(importId).at(-1)).toMatchObject({ state: 'cancelled', done: r.applied });
    // The import has ended: there is nothing left to cancel.
    expect(f.call(f.admin, 'shipments.importCancel', { importId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses a second import under an id already running', async () => {
    const lines = ['order,carrier,tracking', ...Array.from({ length: 500 }, (_, i) => `NOPE-${i},UPS,${ups(i)}`)].join('\n');
    const importId = crypto.randomUUID();
    const first = importCsv(lines, f.admin, true, importId);
    expect(await importCsv(lines, f.admin, true, importId)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await first).toMatchObject({ ok: true });
  });
});
