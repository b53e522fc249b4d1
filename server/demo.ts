import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pushResponseSchema, signInResponseSchema, storefrontAnswerSchema } from '../shared/contract/sync-protocol.js';
import { withCheckDigit } from '../shared/domain/tracking.js';
import type { ServerDb } from './db/connect.js';
import { createApiKey } from './storefront/api-keys.js';
import { addStaff, addStore } from './staff-admin.js';

export interface DemoSignIn {
  email: string;
  password: string;
  name: string;
  role: 'seller' | 'admin';
  stores: string[];
}

export interface DemoInfo {
  seeded: boolean;
  orders: number;
  signIns: DemoSignIn[];
  apiKey: string;
}

const STORES = [
  { slug: 'fern-hollow', name: 'Fern Hollow Ceramics' },
  { slug: 'northwind', name: 'Northwind Outfitters' },
  { slug: 'pixel-pine', name: 'Pixel & Pine' },
  { slug: 'saltmarsh', name: 'Saltmarsh Soap Co.' },
];

/** Demo staff; the passwords are printed at start, so they are for a demo shop only. */
const STAFF: DemoSignIn[] = [
  { email: 'admin@demo.shop', password: 'demo-admin-pass', name: 'Avery Admin', role: 'admin', stores: [] },
  { email: 'fern@demo.shop', password: 'demo-seller-pass', name: 'Farah Fern', role: 'seller', stores: ['fern-hollow'] },
  { email: 'north@demo.shop', password: 'demo-seller-pass', name: 'Nils North', role: 'seller', stores: ['northwind'] },
  { email: 'pixel@demo.shop', password: 'demo-seller-pass', name: 'Pia Pixel', role: 'seller', stores: ['pixel-pine', 'saltmarsh'] },
];

const PRODUCTS: Record<string, { sku: string; title: string; cents: number; digital?: boolean }[]> = {
  'fern-hollow': [
    { sku: 'FH-MUG-01', title: 'Speckled stoneware mug', cents: 2800 },
    { sku: 'FH-BOWL-02', title: 'Nesting bowls, set of 3', cents: 6400 },
    { sku: 'FH-VASE-03', title: 'Bud vase, moss glaze', cents: 3500 },
  ],
  northwind: [
    { sku: 'NW-SOCK-11', title: 'Merino hiking socks', cents: 2200 },
    { sku: 'NW-BEAN-12', title: 'Ribbed beanie', cents: 3000 },
    { sku: 'NW-MAP-13', title: 'Trail map bundle (PDF)', cents: 900, digital: true },
  ],
  'pixel-pine': [
    { sku: 'PP-PRNT-21', title: 'Risograph print, A3', cents: 4000 },
    { sku: 'PP-PIN-22', title: 'Enamel pin', cents: 1200 },
  ],
  saltmarsh: [
    { sku: 'SM-SOAP-31', title: 'Sea salt soap bar', cents: 900 },
    { sku: 'SM-BALM-32', title: 'Beeswax hand balm', cents: 1500 },
  ],
};

const PEOPLE = ['Casey Moore', 'Priya Patel', 'Mateo Rivera', 'Aisha Okafor', 'Wei Chen', 'Hannah Larsen', 'Omar Haddad', 'Lucia Rossi'];
const PLACES = [
  { city: 'Albany', state: 'NY', zip: '12207' },
  { city: 'Austin', state: 'TX', zip: '78701' },
  { city: 'Portland', state: 'OR', zip: '97205' },
  { city: 'Denver', state: 'CO', zip: '80202' },
  { city: 'Savannah', state: 'GA', zip: '31401' },
];

/** A small seeded generator, so every demo shop looks the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function post<T>(app: FastifyInstance, url: string, body: unknown, headers: Record<string, string>, parse: (value: unknown) => T): Promise<T> {
  const response = await app.inject({ method: 'POST', url, payload: body as object, headers });
  if (response.statusCode >= 300) throw new Error(`demo: ${url} answered ${response.statusCode}: ${response.body}`);
  return parse(response.json());
}

/**
 * A demo marketplace, made through the server's own endpoints (storefront, push) so it holds
 * exactly what real traffic would: four stores, an admin and three sellers, `orders` orders, some
 * packed and shipped, delivered, on hold, or with a customer's request. Seeds an empty database
 * only; on a seeded one it just issues a fresh API key (keys are stored hashed, so an old one can't
 * be shown again).
 */
export async function seedDemo(app: FastifyInstance, sdb: ServerDb, orders = 300): Promise<DemoInfo> {
  const now = Date.now();
  const existing = await sdb.db.selectFrom('users').select('id').limit(1).execute();
  const apiKey = await createApiKey(sdb.db, `demo ${new Date(now).toISOString()}`, now);
  if (existing.length) return { seeded: false, orders: 0, signIns: STAFF, apiKey };

  const storeIds = new Map<string, number>();
  for (const store of STORES) storeIds.set(store.slug, await addStore(sdb.db, store));
  for (const person of STAFF) {
    await addStaff(sdb.db, { ...person, storeIds: person.stores.map((slug) => storeIds.get(slug) ?? 0) }, now);
  }
  const rand = random(20261207);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const key = { 'x-api-key': apiKey };
  const admin = await post(app, '/auth/sign-in', { email: 'admin@demo.shop', password: 'demo-admin-pass', deviceName: 'Demo seeder' }, {}, (v) =>
    signInResponseSchema.parse(v),
  );
  const auth = { authorization: `Bearer ${admin.token}` };
  const clientId = randomUUID();

  for (let n = 0; n < orders; n++) {
    const person = pick(PEOPLE);
    const address = { name: person, street: `${100 + n} Market St`, ...pick(PLACES) };
    const slugs = rand() < 0.2 ? [pick(STORES).slug, pick(STORES).slug] : [pick(STORES).slug];
    const items = [...new Set(slugs)].map((slug) => {
      const product = pick(PRODUCTS[slug] ?? []);
      return {
        storeId: storeIds.get(slug) ?? 0,
        sku: product.sku,
        title: product.title,
        isDigital: product.digital ?? false,
        quantity: 1 + Math.floor(rand() * 3),
        unitPriceCents: product.cents,
      };
    });
    const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    const requestId = `demo-order-${n}`;
    const order = await post(
      app,
      '/storefront/orders',
      {
        requestId,
        customer: { name: person, email: `${person.toLowerCase().replace(/\W+/g, '.')}@example.com` },
        billingAddress: address,
        shippingAddress: address,
        items,
        shippingCents: 695,
        payment: { paymentIntentId: `pi_demo_${n}`, capturedCents: subtotal + 695 },
      },
      key,
      (v) => storefrontAnswerSchema.parse(v),
    );
    const roll = rand();
    if (roll < 0.35) {
      const trackingNumber = withCheckDigit('ups', `1Z999AA1${String(10_000_000 + n).padStart(9, '0')}`);
      if (!trackingNumber) continue;
      const ship = { id: randomUUID(), name: 'order.ship@1', at: now, args: { orderId: order.orderId, shipmentId: randomUUID(), carrier: 'ups', trackingNumber, verificationOverride: 'Demo data', notifyCustomer: false } };
      const answer = await post(app, '/sync/push', { clientId, mutations: [ship] }, auth, (v) => pushResponseSchema.parse(v));
      if (answer.outcomes[0]?.status !== 'applied' || items.length > 1) continue;
      if (rand() < 0.5) {
        await post(app, '/storefront/deliveries', { requestId: `demo-delivery-${n}`, trackingNumber, deliveredAt: now }, key, (v) => v);
        if (rand() < 0.2) {
          const item = items[0];
          if (item && !item.isDigital) {
            const body = { requestId: `demo-return-${n}`, orderNumber: order.number, items: [{ sku: item.sku, quantity: 1 }], reason: 'damaged', description: 'Arrived chipped.' };
            await post(app, '/storefront/return-requests', body, key, (v) => v);
          }
        }
      }
    } else if (roll < 0.42) {
      const hold = { id: randomUUID(), name: 'order.placeHold@1', at: now, args: { orderId: order.orderId, reason: 'Confirm the address with the customer' } };
      await post(app, '/sync/push', { clientId, mutations: [hold] }, auth, (v) => v);
    } else if (roll < 0.47) {
      await post(app, '/storefront/cancellation-requests', { requestId: `demo-cancel-${n}`, orderNumber: order.number, reason: 'Ordered the wrong size.' }, key, (v) => v);
    }
  }
  await post(app, '/auth/sign-out', undefined, auth, (v) => v).catch(() => undefined);
  return { seeded: true, orders, signIns: STAFF, apiKey };
}
