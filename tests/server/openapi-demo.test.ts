import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../shared/contract/sync-protocol.js';
import { createShopServer } from '../../server/app.js';
import { openServerDb, type ServerDb } from '../../server/db/connect.js';
import { seedDemo } from '../../server/demo.js';
import { BACKENDS, startShop, type Shop } from './harness.js';

const sqlite = BACKENDS.filter((backend) => backend.name === 'sqlite');

describe.each(sqlite)('OpenAPI and the demo shop on $name', (backend) => {
  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  let shop: Shop | null = null;
  let sdb: ServerDb | null = null;
  afterEach(async () => {
    await shop?.close();
    shop = null;
  });

  it('describes every endpoint with schemas generated from the contract', async () => {
    shop = await startShop(backend);
    const answer = await shop.call('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.body as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/admin/users/{id}/disable',
        '/auth/me',
        '/auth/sign-in',
        '/auth/sign-out',
        '/storefront/cancellation-requests',
        '/storefront/deliveries',
        '/storefront/orders',
        '/storefront/return-requests',
        '/sync/events',
        '/sync/pull',
        '/sync/push',
      ].sort(),
    );
    const push = doc.paths['/sync/push']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(push?.properties ?? {})).toEqual(expect.arrayContaining(['clientId', 'mutations']));
    const order = doc.paths['/storefront/orders']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(order?.properties ?? {})).toEqual(expect.arrayContaining(['requestId', 'items', 'payment']));
  });

  it('seeds a demo marketplace through its own endpoints, once', async () => {
    sdb = await openServerDb(await backend.fresh());
    const server = createShopServer({ sdb });
    try {
      const first = await seedDemo(server.app, sdb, 40);
      expect(first).toMatchObject({ seeded: true, orders: 40 });
      const again = await seedDemo(server.app, sdb, 40);
      expect(again.seeded).toBe(false);
      expect(again.apiKey).not.toBe(first.apiKey);
      expect(await sdb.db.selectFrom('orders').select('id').execute()).toHaveLength(40);

      // A demo seller signs in with the printed password and pulls only their store's orders.
      const seller = first.signIns.find((person) => person.email === 'north@demo.shop');
      const signIn = await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: seller?.email, password: seller?.password } });
      const token = (signIn.json() as { token: string }).token;
      const pulled = await server.app.inject({
        method: 'POST',
        url: '/sync/pull',
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: randomUUID(), cursor: null, limit: 5000 },
      });
      const page = pullResponseSchema.parse(pulled.json());
      if (page.status !== 'ok') throw new Error('reset');
      const stores = page.rows.filter((row) => (row as { type: string }).type === 'store');
      expect(stores).toEqual([expect.objectContaining({ data: expect.objectContaining({ slug: 'northwind' }) })]);
      const orders = page.rows.filter((row) => (row as { type: string }).type === 'order');
      expect(orders.length).toBeGreaterThan(0);
      expect(orders.length).toBeLessThan(40);
    } finally {
      await server.app.close();
      await sdb.close();
    }
  });
});
