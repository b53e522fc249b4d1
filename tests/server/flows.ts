import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import {
  orderDocSchema,
  pullResponseSchema,
  pushResponseSchema,
  type MutationOutcome,
  type OrderDoc,
} from '../../shared/contract/sync-protocol.js';
import { bearer, type Shop } from './harness.js';

export const UPS = '1Z999AA10123456784';

/** A paid storefront order with a north line and, when asked, a south line. */
export function storefrontOrder(shop: Shop, requestId: string, stores: ('north' | 'south')[] = ['north', 'south']) {
  return {
    requestId,
    customer: { name: 'Casey Buyer', email: 'casey@example.test' },
    billingAddress: { name: 'Casey Buyer', street: '1 Main St', city: 'Albany', state: 'NY', zip: '12207' },
    shippingAddress: { name: 'Casey Buyer', street: '1 Main St', city: 'Albany', state: 'NY', zip: '12207' },
    items: stores.map((store, n) => ({
      storeId: shop.stores[store],
      sku: `${store.toUpperCase()}-${n}`,
      title: `${store} thing`,
      quantity: 2,
      unitPriceCents: 1500,
    })),
    shippingCents: 500,
    payment: { paymentIntentId: `pi_${requestId}`, capturedCents: stores.length * 3000 + 500 },
  };
}

export async function placeOrder(shop: Shop, stores: ('north' | 'south')[] = ['north', 'south']): Promise<{ orderId: number; number: string }> {
  const answer = await shop.call('POST', '/storefront/orders', storefrontOrder(shop, `req-${randomUUID()}`, stores), { 'x-api-key': shop.apiKey });
  expect(answer.status).toBe(201);
  return answer.body as { orderId: number; number: string };
}

export interface Mutation {
  id: string;
  name: string;
  args: unknown;
  at: number;
  authorId?: number;
}

export const mutation = (name: string, args: unknown, extra: Partial<Mutation> = {}): Mutation => ({
  id: randomUUID(),
  name,
  args,
  at: Date.now(),
  ...extra,
});

export async function pushAs(shop: Shop, token: string, clientId: string, mutations: Mutation[]): Promise<MutationOutcome[]> {
  const answer = await shop.call('POST', '/sync/push', { clientId, mutations }, bearer(token));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pushResponseSchema.parse(answer.body).outcomes;
}

/** The order as this reader pulls it (everything from the start). */
export async function pulledOrder(shop: Shop, token: string, orderId: number, clientId = randomUUID()): Promise<{ doc: OrderDoc | null; lastMutationId: string | null }> {
  let cursor: string | null = null;
  let doc: OrderDoc | null = null;
  for (;;) {
    const answer = await shop.call('POST', '/sync/pull', { clientId, cursor, limit: 1000 }, bearer(token));
    const page = pullResponseSchema.parse(answer.body);
    if (page.status !== 'ok') throw new Error(page.reason);
    for (const row of page.rows as { op: string; type: string; id: number; data?: unknown }[]) {
      if (row.type === 'order' && row.id === orderId) doc = row.op === 'put' ? orderDocSchema.parse(row.data) : null;
    }
    cursor = page.cursor;
    if (!page.more) return { doc, lastMutationId: page.lastMutationId };
  }
}
