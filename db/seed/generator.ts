import { deriveFulfillmentStatus, type FulfillableItem } from '../../shared/domain/fulfillment.js';
import type { OrderStatus } from '../../shared/domain/order-status.js';
import { derivePaymentStatus, isPaid } from '../../shared/domain/payment.js';
import { queueOf } from '../../shared/domain/queue.js';
import { buildTrackingUrl, CARRIER_LABELS, type KnownCarrier } from '../../shared/domain/tracking.js';
import {
  CANCEL_REASONS,
  CITIES,
  CUSTOMER_NOTES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  HOLD_REASONS,
  LAST_NAMES,
  OFFICE_PARKS,
  PAYMENT_FAILURES,
  RETURN_REASONS,
  STORES,
  STREET_NAMES,
  STREET_SUFFIXES,
  TAX_BPS,
  UNIT_PREFIXES,
} from './data.js';
import { searchDocument } from '../queries/search.js';
import { ean13, Random, Weighted } from './random.js';
import { dhlTracking, fedexTracking, upsTracking, uspsTracking } from './tracking-numbers.js';

/** 2026-11-27T00:00:00Z: the default "now" for seeded data. */
export const DEFAULT_SEED_NOW = Date.UTC(2026, 10, 27);
export const SEED_SPAN_DAYS = 400;
export const ADMIN_EMAIL = 'admin@shomp.example.com';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface Product {
  id: number;
  sku: string;
  barcode: string | null;
  title: string;
  digital: boolean;
  priceCents: number;
  /** searchDocument's skus column for this SKU alone; an order's is these joined by spaces. */
  searchSku: string;
}

interface SeededStore {
  id: number;
  slug: string;
  name: string;
  sellerId: number;
  sellerName: string;
  stationId: string;
  stationName: string;
  /** Six-character UPS shipper number used in this store's tracking numbers. */
  upsShipper: string;
  products: Product[];
}

interface Customer {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  state: string;
  shipping: string;
  billing: string;
  altShipping: string | null;
  /** searchDocument's customer and email columns, made on the customer's first order. */
  search: [customer: string, email: string] | null;
}

interface Line {
  id: number;
  store: SeededStore;
  product: Product;
  quantity: number;
  packed: number;
  fulfilled: number;
  returned: number;
}

interface Shipment {
  id: string;
  store: SeededStore;
  carrier: KnownCarrier;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string;
  shippedAt: number;
  deliveredAt: number | null;
  lines: Array<[Line, number]>;
}

// storeId: the store whose part of the order the entry is about, null for the whole order (see
// 2026-12-01-event-stores): parcels and returned items are a store's, payments and holds the order's.
type EventRow = [
  at: number,
  actorId: number | null,
  actorName: string,
  stationId: string | null,
  stationName: string | null,
  kind: string,
  data: string,
  storeId: number | null,
];

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isoDays = new Map<number, string>();
/** YYYY-MM-DD (UTC) of an instant; cached per day, as a seed formats the same few hundred days. */
function isoDate(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let text = isoDays.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoDays.set(day, text);
  }
  return text;
}

function customerSearch(customer: Customer): [string, string] {
  const doc = searchDocument({ number: '', customerName: customer.name, email: customer.email, skus: [], trackingNumbers: [] });
  return [doc[1], doc[2]];
}

const reasonJsons = new Map<string, string>();
/** `{"reason":…}` event data; reasons come from short fixed lists, so each is serialized once. */
function reasonJson(reason: string): string {
  let text = reasonJsons.get(reason);
  if (text === undefined) {
    text = JSON.stringify({ reason });
    reasonJsons.set(reason, text);
  }
  return text;
}

function snapshot(a: {
  name: string;
  street: string;
  street2: string | null;
  city: string;
  state: string;
  zip: string;
  phone: string | null;
}): string {
  return JSON.stringify({
    name: a.name,
    street: a.street,
    street2: a.street2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    country: 'US',
    phone: a.phone,
  });
}

/** Every table the seeder fills, with its columns in the order rows list them. */
export const SEED_TABLES = {
  users: ['id', 'email', 'name', 'phone', 'sms_consent', 'role', 'created_at'],
  stores: ['id', 'slug', 'name', 'is_demo', 'created_at'],
  store_members: ['store_id', 'user_id'],
  products: ['id', 'store_id', 'sku', 'barcode', 'title', 'kind', 'price_cents'],
  addresses: [
    'id', 'user_id', 'type', 'label', 'name', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone',
    'is_default', 'created_at', 'updated_at',
  ],
  orders: [
    'id', 'number', 'customer_id', 'customer_name', 'customer_email', 'customer_phone', 'status', 'fulfillment_status',
    'payment_status', 'queue', 'on_hold', 'hold_reason', 'held_at', 'held_by', 'billing_address', 'shipping_address',
    'shipping_method', 'currency', 'subtotal_cents', 'shipping_cents', 'tax_cents', 'discount_cents', 'total_cents',
    'captured_cents', 'refunded_cents', 'payment_failed', 'stripe_payment_intent_id', 'customer_note',
    'estimated_delivery_date', 'cancellation_reason', 'cancelled_at', 'cancelled_by', 'placed_at', 'paid_at',
    'fulfilled_at', 'shipped_at', 'delivered_at', 'server_version', 'updated_at',
  ],
  order_stores: ['order_id', 'store_id', 'queue', 'placed_at'],
  order_items: [
    'id', 'order_id', 'store_id', 'product_id', 'title', 'sku', 'barcode', 'is_digital', 'quantity', 'unit_price_cents',
    'packed_quantity', 'fulfilled_quantity', 'returned_quantity',
  ],
  shipments: [
    'id', 'order_id', 'store_id', 'carrier', 'carrier_name', 'tracking_number', 'tracking_url', 'method', 'shipped_at',
    'delivered_at', 'created_by', 'station_id',
  ],
  shipment_items: ['shipment_id', 'order_item_id', 'quantity'],
  order_events: ['id', 'order_id', 'at', 'actor_id', 'actor_name', 'station_id', 'station_name', 'kind', 'data', 'store_id'],
  // The FTS table's rowid is the order id; its text is searchDocument's, as refreshOrderSearch writes it.
  order_search: ['rowid', 'number', 'customer', 'email', 'skus', 'tracking'],
} as const;

export type SeedTable = keyof typeof SEED_TABLES;
/** Rows to insert, per table, each a list of values in SEED_TABLES column order. */
export type Rows = Record<SeedTable, unknown[][]>;

export function emptyRows(): Rows {
  return Object.fromEntries(Object.keys(SEED_TABLES).map((table) => [table, []])) as unknown as Rows;
}

/** The highest id already in each table, so seeded ids continue after them. */
export interface BaseIds {
  users: number;
  stores: number;
  products: number;
  addresses: number;
  orders: number;
  items: number;
  events: number;
}

export interface People {
  stores: SeededStore[];
  customers: Customer[];
  adminId: number;
  adminName: string;
}

/** The admin, the stores with their sellers and products, and the customers with addresses. */
export function generatePeople(random: Random, orderCount: number, now: number, demo: boolean, base: BaseIds, rows: Rows): People {
  let userId = base.users;
  let storeId = base.stores;
  let productId = base.products;
  let addressId = base.addresses;
  const start = now - SEED_SPAN_DAYS * DAY;

  // The admin first, so on an empty file it is user 1.
  const adminId = ++userId;
  const adminName = 'Avery Admin';
  rows.users.push([adminId, ADMIN_EMAIL, adminName, null, 0, 'admin', start - 500 * DAY]);

  const stores: SeededStore[] = [];
  const alnum = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  for (const def of STORES) {
    const baseSlug = slugify(def.name);
    const slug = demo ? `demo-${baseSlug}` : baseSlug;
    const name = demo ? `Demo · ${def.name}` : def.name;
    const id = ++storeId;
    rows.stores.push([id, slug, name, demo ? 1 : 0, start - random.int(60, 700) * DAY]);
    const sellerId = ++userId;
    rows.users.push([sellerId, `seller@${slug}.example.com`, def.seller, null, 0, 'seller', start - random.int(30, 400) * DAY]);
    rows.store_members.push([id, sellerId]);

    const products: Product[] = [];
    const physical = def.catalog.filter((c) => !c.digital);
    const digital = def.catalog.filter((c) => c.digital);
    const seq = new Map<string, number>();
    const want = 25;
    const digitalCount = digital.length > 0 ? 4 : 0;
    for (let n = 0; n < want; n++) {
      const entry = n < digitalCount ? digital[n % digital.length]! : physical[(n - digitalCount) % physical.length]!;
      const next = (seq.get(entry.code) ?? 0) + random.int(1, 6);
      seq.set(entry.code, next);
      const base = entry.titles[Math.floor(n / def.catalog.length) % entry.titles.length]!;
      const variant = random.pick(entry.variants);
      const title = variant === 'Download' ? base : `${base} – ${variant}`;
      const price = Math.round(random.int(entry.minCents, entry.maxCents) / 100) * 100 - (random.chance(0.7) ? 1 : 0);
      const product: Product = {
        id: ++productId,
        sku: `${def.prefix}-${entry.code}-${String(next).padStart(3, '0')}`,
        barcode: entry.digital ? null : ean13(`0${def.gs1}${String(productId).padStart(6, '0')}`),
        title,
        digital: entry.digital === true,
        priceCents: Math.max(price, 99),
        searchSku: '',
      };
      product.searchSku = searchDocument({ number: '', customerName: '', email: '', skus: [product.sku], trackingNumbers: [] })[3];
      products.push(product);
      rows.products.push([product.id, id, product.sku, product.barcode, product.title, product.digital ? 'digital' : 'physical', product.priceCents]);
    }
    let upsShipper = '';
    for (let k = 0; k < 6; k++) upsShipper += alnum[random.int(0, alnum.length - 1)];
    stores.push({
      id,
      slug,
      name,
      sellerId,
      sellerName: def.seller,
      stationId: `station-${baseSlug}`,
      stationName: `${def.name} packing bench`,
      upsShipper,
      products,
    });
  }

  // Customers: about one per four orders, each with a default shipping and billing address.
  const customerCount = Math.max(20, Math.round(orderCount / 4));
  const customers: Customer[] = new Array(customerCount);
  const emails = new Set<string>([ADMIN_EMAIL]);
  const makeAddress = (name: string, phone: string | null, work: boolean) => {
    const [city, state, zip3, area] = random.pick(CITIES);
    const street = `${random.int(1, 9899)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`;
    let street2: string | null = null;
    if (work) street2 = random.pick(OFFICE_PARKS);
    else if (random.chance(0.22)) street2 = `${random.pick(UNIT_PREFIXES)} ${random.int(1, 48)}${random.chance(0.3) ? 'ABCD'[random.int(0, 3)] : ''}`;
    let zip = `${zip3}${random.digits(2)}`;
    if (random.chance(0.15)) zip += `-${random.digits(4)}`;
    return { name, street, street2, city, state, zip, phone, area };
  };
  const addAddress = (userId: number, type: 'billing' | 'shipping', label: string, a: ReturnType<typeof makeAddress>, isDefault: boolean, at: number) => {
    rows.addresses.push([++addressId, userId, type, label, a.name, a.street, a.street2, a.city, a.state, a.zip, 'US', a.phone, isDefault ? 1 : 0, at, at]);
  };
  for (let c = 0; c < customerCount; c++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const local = last.toLowerCase().replace(/[^a-z]/g, '');
    const style = random.int(0, 3);
    const base =
      style === 0 ? `${first.toLowerCase()}.${local}` : style === 1 ? `${first[0]!.toLowerCase()}${local}` : style === 2 ? `${first.toLowerCase()}${local}` : `${first.toLowerCase()}_${local}`;
    const domain = random.pick(EMAIL_DOMAINS);
    let email = random.chance(0.5) ? `${base}${random.int(1, 99)}@${domain}` : `${base}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${base}${random.int(100, 999 + n)}@${domain}`;
    emails.add(email);
    const home = makeAddress(name, null, false);
    const phone = random.chance(0.6) ? `(${home.area}) 555-01${random.digits(2)}` : null;
    home.phone = phone;
    const smsConsent = phone !== null && random.chance(0.4) ? 1 : 0;
    const id = ++userId;
    const createdAt = now - SEED_SPAN_DAYS * DAY - random.int(1, 900) * DAY + random.int(0, DAY - 1);
    rows.users.push([id, email, name, phone, smsConsent, 'customer', createdAt]);

    addAddress(id, 'shipping', 'Home', home, true, createdAt);
    let billing = home;
    if (random.chance(0.12)) {
      billing = makeAddress(name, phone, false);
      addAddress(id, 'billing', 'Billing', billing, true, createdAt);
    } else {
      addAddress(id, 'billing', 'Home', home, true, createdAt);
    }
    let alt: ReturnType<typeof makeAddress> | null = null;
    if (random.chance(0.3)) {
      alt = makeAddress(name, phone, true);
      alt.city = home.city;
      alt.state = home.state;
      alt.zip = home.zip.slice(0, 5);
      addAddress(id, 'shipping', 'Work', alt, false, createdAt + random.int(1, 200) * DAY);
    } else if (random.chance(0.08)) {
      alt = makeAddress(`${random.pick(FIRST_NAMES)} ${last}`, null, false);
      addAddress(id, 'shipping', random.pick(["Mom's house", 'Cabin', 'Vacation rental']), alt, false, createdAt + random.int(1, 200) * DAY);
    }
    customers[c] = {
      id,
      name,
      email,
      phone,
      state: home.state,
      shipping: snapshot(home),
      billing: snapshot(billing),
      altShipping: alt ? snapshot(alt) : null,
      search: null,
    };
  }
  return { stores, customers, adminId, adminName };
}

/**
 * Returns a function that appends orders [from, to) to `rows`. Call it with consecutive ranges:
 * the generator carries ids, numbers and the random stream from one call to the next.
 */
export function createOrderGenerator(
  random: Random,
  options: { orders: number; now: number },
  people: People,
  base: BaseIds,
): (from: number, to: number, rows: Rows) => void {
  const { now, orders: total } = options;
  const { stores, customers, adminId, adminName } = people;
  const start = now - SEED_SPAN_DAYS * DAY;
  const span = now - start;
  const storePicker = new Weighted(stores.map((s, i) => [s, STORES[i]!.weight] as const));
  const lineCount = new Weighted<number>([[1, 50], [2, 28], [3, 14], [4, 8]]);
  const quantity = new Weighted<number>([[1, 82], [2, 13], [3, 4], [4, 1]]);
  const method = new Weighted<string>([['Standard', 75], ['Expedited', 20], ['Overnight', 5]]);
  const carrierPicker = new Weighted<KnownCarrier>([['usps', 45], ['ups', 30], ['fedex', 17], ['dhl', 8]]);

  let orderId = base.orders;
  let itemId = base.items;
  let eventId = base.events;
  let orderNumber = 1_000_000 + random.int(0, 99_999);
  let trackingSeq = random.int(10_000, 99_999);
  const ADMIN_STATION = 'station-hq';
  const ADMIN_STATION_NAME = 'HQ desk';

  const makeShipment = (s: SeededStore, lines: Array<[Line, number]>, shippedAt: number, shipMethod: string | null): Shipment => {
    const carrier: KnownCarrier = shipMethod === 'Overnight' ? (random.chance(0.5) ? 'fedex' : 'ups') : carrierPicker.pick(random);
    // Seven-digit package serials stay unique up to ten million shipments (5M orders make ~4.7M).
    const seq = String(trackingSeq++).padStart(7, '0');
    let trackingNumber: string;
    switch (carrier) {
      case 'ups':
        trackingNumber = upsTracking(s.upsShipper, shipMethod === 'Overnight' ? '01' : shipMethod === 'Expedited' ? '02' : '03', seq);
        break;
      case 'usps':
        trackingNumber = uspsTracking(random.digits(8), seq);
        break;
      case 'fedex':
        trackingNumber = fedexTracking(`7${random.digits(3)}${seq}`);
        break;
      case 'dhl':
        trackingNumber = dhlTracking(`${random.digits(2)}${seq}`);
        break;
    }
    return {
      id: random.uuid7(shippedAt),
      store: s,
      carrier,
      carrierName: CARRIER_LABELS[carrier],
      trackingNumber,
      trackingUrl: buildTrackingUrl(carrier, trackingNumber),
      shippedAt,
      deliveredAt: null,
      lines,
    };
  };

  // The order being generated. Its helpers below are made once rather than per order (tsx's
  // keepNames wraps every closure it creates in a defineProperty call), so the state they change
  // lives here and is reset at the top of each order.
  let ev: EventRow[] = [];
  let orderShipments: Shipment[] = [];
  let primary: SeededStore = stores[0]!;
  let shipMethod: string | null = null;
  let totalCents = 0;
  let captured = 0;
  let failed = 0;
  let onHold = 0;
  let holdReason: string | null = null;
  let heldAt: number | null = null;
  let heldBy: number | null = null;
  let paidAt: number | null = null;
  const staff = (s: SeededStore, at: number, kind: string, data: string, storeId: number | null = null) =>
    ev.push([at, s.sellerId, s.sellerName, s.stationId, s.stationName, kind, data, storeId]);
  const admin = (at: number, kind: string, data: string) => ev.push([at, adminId, adminName, ADMIN_STATION, ADMIN_STATION_NAME, kind, data, null]);
  const system = (at: number, name: string, kind: string, data: string, storeId: number | null = null) =>
    ev.push([at, null, name, null, null, kind, data, storeId]);
  const paymentFailed = (at: number) => {
    failed = 1;
    system(at, 'Stripe', 'payment_failed', `{"code":"${random.pick(PAYMENT_FAILURES)}"}`);
  };
  const pay = (at: number) => {
    paidAt = at;
    captured = totalCents;
    system(at, 'Stripe', 'paid', `{"amountCents":${totalCents}}`);
  };
  const placeHold = (at: number, reason: string, byAdmin: boolean) => {
    onHold = 1;
    holdReason = reason;
    heldAt = at;
    heldBy = byAdmin ? adminId : primary.sellerId;
    const data = reasonJson(reason);
    if (byAdmin) admin(at, 'hold_placed', data);
    else staff(primary, at, 'hold_placed', data);
  };
  const ship = (s: SeededStore, shipLines: Array<[Line, number]>, at: number) => {
    const shipment = makeShipment(s, shipLines, at, shipMethod);
    for (const [line, qty] of shipLines) {
      line.fulfilled += qty;
      line.packed = Math.max(line.packed, line.fulfilled);
    }
    orderShipments.push(shipment);
    staff(
      s,
      at,
      'shipped',
      JSON.stringify({
        shipmentId: shipment.id,
        carrier: shipment.carrier,
        carrierName: shipment.carrierName,
        trackingNumber: shipment.trackingNumber,
        trackingUrl: shipment.trackingUrl,
        items: shipLines.map(([line, qty]) => ({ itemId: line.id, sku: line.product.sku, quantity: qty })),
        notifyCustomer: true,
      }),
      s.id,
    );
    return shipment;
  };

  return (from, to, rows) => {
    {
      for (let i = from; i < to; i++) {
        // Times rise with i (so ids and numbers do), denser towards now: a growing marketplace.
        const placedAt = start + Math.floor(span * Math.pow((i + random.next()) / total, 0.8));
        const age = now - placedAt;
        const id = ++orderId;
        orderNumber += random.chance(0.25) ? 2 : 1;
        const number = `SH-${orderNumber}`;
        const customer = customers[Math.floor(customers.length * Math.pow(random.next(), 1.4))]!;

        // Lines: 1–4, ~10% from two sellers' stores.
        primary = storePicker.pick(random);
        let secondary: SeededStore | null = null;
        if (random.chance(0.1)) {
          secondary = storePicker.pick(random);
          if (secondary === primary) secondary = stores[(stores.indexOf(primary) + 1) % stores.length]!;
        }
        let n = lineCount.pick(random);
        if (secondary && n < 2) n = 2;
        const lines: Line[] = [];
        for (let k = 0; k < n; k++) {
          const s = k === 0 ? primary : k === 1 && secondary ? secondary : secondary && random.chance(0.5) ? secondary : primary;
          let product = random.pick(s.products);
          for (let tries = 0; tries < 4 && lines.some((l) => l.product === product); tries++) product = random.pick(s.products);
          if (lines.some((l) => l.product === product)) continue;
          lines.push({ id: 0, store: s, product, quantity: product.digital ? 1 : quantity.pick(random), packed: 0, fulfilled: 0, returned: 0 });
        }
        const orderStoreList = secondary && lines.some((l) => l.store === secondary) ? [primary, secondary] : [primary];
        const physical = lines.filter((l) => !l.product.digital);
        const hasPhysical = physical.length > 0;

        // Money, in cents.
        let subtotal = 0;
        for (const l of lines) subtotal += l.quantity * l.product.priceCents;
        const discount = random.chance(0.07) ? Math.min(Math.floor(subtotal / 2), random.chance(0.5) ? 500 : Math.round(subtotal * 0.1)) : 0;
        shipMethod = hasPhysical ? method.pick(random) : null;
        const shippingCents = shipMethod === null ? 0 : shipMethod === 'Standard' ? (subtotal >= 7500 ? 0 : 599) : shipMethod === 'Expedited' ? 1299 : 2999;
        const useAlt = customer.altShipping !== null && random.chance(0.2);
        const shippingAddress = hasPhysical ? (useAlt ? customer.altShipping : customer.shipping) : null;
        const tax = Math.round(((subtotal - discount) * (TAX_BPS[customer.state] ?? 600)) / 10_000);
        totalCents = subtotal + shippingCents + tax - discount;

        // Lifecycle.
        ev = [[placedAt, customer.id, customer.name, null, null, 'placed', `{"totalCents":${totalCents},"items":${lines.length}}`, null]];
        orderShipments = [];
        captured = 0;
        failed = 0;
        onHold = 0;
        holdReason = null;
        heldAt = null;
        heldBy = null;
        paidAt = null;
        let status: OrderStatus;
        let refunded = 0;
        let fulfilledAt: number | null = null;
        let shippedAt: number | null = null;
        let deliveredAt: number | null = null;
        let cancelledAt: number | null = null;
        let cancelledBy: number | null = null;
        let cancelReason: string | null = null;
        let estimated: string | null = null;

        const r = random.next();
        const unpaidP = age < DAY ? 0.07 : age < 3 * DAY ? 0.02 : 0.003;
        const cancelP = age > 6 * HOUR ? 0.04 : 0.01;
        const payLag = Math.min(random.int(20_000, 15 * MINUTE), Math.floor(age / 2));

        // Line ids are needed by shipment events; allocate them up front.
        for (const l of lines) l.id = ++itemId;

        if (r < unpaidP) {
          status = 'pending';
          if (random.chance(0.45)) paymentFailed(placedAt + payLag);
          if (random.chance(0.08)) placeHold(placedAt + Math.floor(age * random.next() * 0.8) + 1, HOLD_REASONS[1]!, true);
        } else if (r < unpaidP + cancelP) {
          status = 'cancelled';
          const cancelAt = Math.min(now - 1, placedAt + Math.max(MINUTE, Math.floor(random.next() * Math.min(age * 0.9, 3 * DAY))));
          const byAdmin = random.chance(0.3);
          if (random.chance(0.45) || cancelAt - placedAt <= payLag) {
            if (random.chance(0.5) && payLag < cancelAt - placedAt) {
              paymentFailed(placedAt + payLag);
              cancelReason = 'Payment could not be collected';
            } else {
              cancelReason = random.pick(CANCEL_REASONS.filter((c) => c !== 'Payment could not be collected'));
            }
          } else {
            pay(placedAt + payLag);
            cancelReason = random.pick(CANCEL_REASONS.filter((c) => c !== 'Payment could not be collected'));
          }
          cancelledAt = cancelAt;
          cancelledBy = byAdmin ? adminId : primary.sellerId;
          const data = reasonJson(cancelReason);
          if (byAdmin) admin(cancelAt, 'cancelled', data);
          else staff(primary, cancelAt, 'cancelled', data);
          if (captured > 0) {
            refunded = captured;
            admin(cancelAt + random.int(1_000, 10 * MINUTE), 'refunded', `{"amountCents":${refunded},"reason":"cancellation"}`);
          }
        } else {
          pay(placedAt + payLag);
          if (!hasPhysical) {
            // Digital goods are delivered by payment itself.
            status = 'delivered';
            deliveredAt = fulfilledAt = placedAt + payLag;
            system(deliveredAt + 1_000, 'Shomp', 'delivered', '{"digital":true}');
          } else {
            const expedited = shipMethod !== 'Standard';
            const shipLag = expedited ? random.int(4 * HOUR, 30 * HOUR) : random.int(10 * HOUR, 3 * DAY);
            const transit = shipMethod === 'Overnight' ? random.int(14 * HOUR, 30 * HOUR) : shipMethod === 'Expedited' ? random.int(2 * DAY, 3 * DAY) : random.int(3 * DAY, 7 * DAY);
            estimated = isoDate(placedAt + shipLag + transit + DAY);
            const dueToShip = placedAt + shipLag <= now;
            const held = random.chance(dueToShip ? 0.002 : 0.06);
            const stale = !held && dueToShip && random.chance(0.006);
            const shipStores = orderStoreList.filter((s) => physical.some((l) => l.store === s));
            if (held || stale || !dueToShip) {
              status = 'processing';
              const units = physical.reduce((sum, l) => sum + l.quantity, 0);
              if (age > 6 * HOUR && units >= 2 && random.chance(0.3)) {
                // Partially shipped: part of the order is out, the rest still to pack.
                const at = placedAt + payLag + Math.floor(Math.min(shipLag * 0.6, age * 0.7) * random.next()) + MINUTE;
                if (shipStores.length > 1) {
                  ship(shipStores[0]!, physical.filter((l) => l.store === shipStores[0]).map((l) => [l, l.quantity]), at);
                } else if (physical.length > 1) {
                  const half = physical.slice(0, Math.floor(physical.length / 2));
                  ship(shipStores[0]!, half.map((l) => [l, l.quantity]), at);
                } else {
                  ship(shipStores[0]!, [[physical[0]!, physical[0]!.quantity - 1]], at);
                }
              }
              if (random.chance(0.25)) for (const l of physical) l.packed = l.quantity;
              if (held) {
                // Held after anything already shipped: nothing ships while an order is on hold.
                const after = Math.max(placedAt + payLag, ...orderShipments.map((s) => s.shippedAt));
                const at = after + MINUTE + Math.floor(random.next() * Math.min(age, shipLag) * 0.5);
                placeHold(Math.max(Math.min(at, now - 1), after + 1), random.pick(HOLD_REASONS), random.chance(0.3));
              }
            } else {
              status = 'shipped';
              let lastShip = 0;
              for (const [k, s] of shipStores.entries()) {
                const at = placedAt + Math.floor(shipLag * (k === 0 ? 1 : 1 + random.next() * 0.4));
                if (at > now - MINUTE) continue;
                const shipment = ship(s, physical.filter((l) => l.store === s).map((l) => [l, l.quantity]), at);
                lastShip = Math.max(lastShip, at);
                const lost = random.chance(0.008);
                const deliveredOn = at + transit + random.int(0, 6 * HOUR);
                if (!lost && deliveredOn <= now) {
                  shipment.deliveredAt = deliveredOn;
                  system(deliveredOn, shipment.carrierName, 'delivered', `{"shipmentId":"${shipment.id}"}`, s.id);
                }
              }
              const allOut = physical.every((l) => l.fulfilled === l.quantity);
              if (!allOut) {
                status = 'processing';
              } else {
                shippedAt = fulfilledAt = lastShip;
                if (orderShipments.every((s) => s.deliveredAt !== null)) {
                  status = 'delivered';
                  deliveredAt = Math.max(...orderShipments.map((s) => s.deliveredAt!));
                  const returnAt = deliveredAt + random.int(3 * DAY, 25 * DAY);
                  if (random.chance(0.035) && returnAt <= now - 2 * HOUR) {
                    status = 'returned';
                    const reason = random.pick(RETURN_REASONS);
                    const requestedAt = deliveredAt + Math.floor((returnAt - deliveredAt) * 0.3);
                    ev.push([requestedAt, customer.id, customer.name, null, null, 'return_requested', reasonJson(reason), null]);
                    admin(requestedAt + random.int(HOUR, DAY), 'return_approved', '{}');
                    const full = random.chance(0.6) || physical.length === 1;
                    const back = full ? physical : [physical[0]!];
                    let amount = 0;
                    for (const l of back) {
                      l.returned = l.fulfilled;
                      amount += l.returned * l.product.priceCents;
                    }
                    refunded = full ? captured : Math.min(captured, amount + Math.round((amount * (TAX_BPS[customer.state] ?? 600)) / 10_000));
                    // Each store takes back its own items: one entry per store, as the desk records it.
                    for (const s of orderStoreList) {
                      const mine = back.filter((l) => l.store === s);
                      if (mine.length === 0) continue;
                      staff(s, returnAt, 'returned', JSON.stringify({ items: mine.map((l) => ({ itemId: l.id, sku: l.product.sku, quantity: l.returned })) }), s.id);
                    }
                    admin(returnAt + random.int(MINUTE, HOUR), 'refunded', `{"amountCents":${refunded},"reason":"return"}`);
                  } else if (random.chance(0.01) && captured > 500) {
                    refunded = Math.min(captured - 1, random.pick([500, 1000, 1500]));
                    admin(Math.min(now - MINUTE, deliveredAt + HOUR), 'refunded', `{"amountCents":${refunded},"reason":"Goodwill credit: late delivery"}`);
                  }
                }
              }
            }
          }
        }

        // Derived state, from the same pure functions the write path uses.
        const paymentStatus = derivePaymentStatus({ totalCents, capturedCents: captured, refundedCents: refunded, failed: failed === 1 });
        const fulfillable: FulfillableItem[] = lines.map((l) => ({
          id: l.id,
          quantity: l.quantity,
          fulfilledQuantity: l.fulfilled,
          returnedQuantity: l.returned,
          isDigital: l.product.digital,
        }));
        const fulfillmentStatus = deriveFulfillmentStatus(fulfillable, isPaid(paymentStatus));
        const queue = queueOf({ status, onHold: onHold === 1 });
        const note = random.chance(0.1) ? random.pick(CUSTOMER_NOTES) : null;
        const intent = captured > 0 || failed === 1 || random.chance(0.5) ? `pi_3${random.uint32().toString(36)}${random.uint32().toString(36)}${random.uint32().toString(36)}`.slice(0, 27) : null;

        ev.sort((a, b) => a[0] - b[0]);
        const updatedAt = ev[ev.length - 1]![0];
        for (const e of ev) {
          rows.order_events.push([++eventId, id, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]]);
        }

        rows.orders.push([
          id, number, customer.id, customer.name, customer.email, customer.phone, status, fulfillmentStatus,
          paymentStatus, queue, onHold, holdReason, heldAt, heldBy, customer.billing, shippingAddress,
          shipMethod, 'USD', subtotal, shippingCents, tax, discount, totalCents,
          captured, refunded, failed, intent, note,
          estimated, cancelReason, cancelledAt, cancelledBy, placedAt, paidAt,
          fulfilledAt, shippedAt, deliveredAt, 0, updatedAt,
        ]);
        for (const s of orderStoreList) {
          rows.order_stores.push([id, s.id, queue, placedAt]);
        }
        let skus = '';
        for (const l of lines) {
          rows.order_items.push([l.id, id, l.store.id, l.product.id, l.product.title, l.product.sku, l.product.barcode, l.product.digital ? 1 : 0, l.quantity, l.product.priceCents, l.packed, l.fulfilled, l.returned]);
          skus = skus === '' ? l.product.searchSku : `${skus} ${l.product.searchSku}`;
        }
        const trackingNumbers: string[] = [];
        for (const s of orderShipments) {
          rows.shipments.push([s.id, id, s.store.id, s.carrier, s.carrierName, s.trackingNumber, s.trackingUrl, shipMethod, s.shippedAt, s.deliveredAt, s.store.sellerId, s.store.stationId]);
          for (const [line, qty] of s.lines) {
            rows.shipment_items.push([s.id, line.id, qty]);
          }
          trackingNumbers.push(s.trackingNumber);
        }
        // searchDocument's columns, each made from its own field: the customer's and the SKUs' are
        // computed once and reused (the seed tests check every row against the whole function).
        const who = (customer.search ??= customerSearch(customer));
        const doc = searchDocument({ number, customerName: '', email: '', skus: [], trackingNumbers });
        rows.order_search.push([id, doc[0], who[0], who[1], skus, doc[4]]);
      }
    }
  };
}
