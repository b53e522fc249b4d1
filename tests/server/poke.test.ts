import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopServer } from '../../server/app.js';
import { openServerDb } from '../../server/db/connect.js';
import { BACKENDS, bearer, startShop, type Shop } from './harness.js';
import { mutation, placeOrder, pushAs } from './flows.js';

/** A desk's event stream: counts `poke` events as they arrive. */
async function listen(shop: Pick<Shop, 'url'>, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${shop.url}/sync/events`, { headers: bearer(token), signal: controller.signal });
  const reader = response.body?.getReader();
  const state = { pokes: 0, text: '' };
  const pump = (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader?.read().catch(() => ({ done: true, value: undefined }));
      if (!chunk || chunk.done) return;
      state.text += decoder.decode(chunk.value);
      state.pokes = state.text.split('event: poke').length - 1;
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    state,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await settle(10);
  }
}

describe.each(BACKENDS)('poke on $name', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  let shop: Shop;
  afterEach(async () => shop?.close());

  it('pokes the desks whose scope changed, once per burst, and no others', async () => {
    shop = await startShop(backend, { pokeDelayMs: 50 });
    const nora = await listen(shop, await shop.signIn('nora@shop.test'));
    const sam = await listen(shop, await shop.signIn('sam@shop.test'));
    try {
      expect(nora.status).toBe(200);
      expect(nora.contentType).toMatch(/text\/event-stream/);
      // Each stream starts with a poke: whatever changed while the desk was away.
      await until(() => nora.state.pokes === 1 && sam.state.pokes === 1);

      const { orderId } = await placeOrder(shop, ['north']);
      await until(() => nora.state.pokes === 2);
      await settle(150);
      expect(sam.state.pokes).toBe(1);

      // A push's commits poke the desk too.
      const token = await shop.signIn('nora@shop.test');
      await pushAs(shop, token, randomUUID(), [mutation('order.addNote@1', { orderId, body: 'one' })]);
      await until(() => nora.state.pokes === 3);

      // A burst of commits within the window costs one poke.
      const hub = shop.server.ctx.pokes;
      for (let i = 0; i < 5; i++) hub.poke({ storeIds: [shop.stores.north] });
      await until(() => nora.state.pokes === 4);
      await settle(200);
      expect(nora.state.pokes).toBe(4);
      expect(sam.state.pokes).toBe(1);
    } finally {
      await nora.close();
      await sam.close();
    }
  });

  it('needs a valid token, and sends heartbeats', async () => {
    shop = await startShop(backend, { heartbeatMs: 50 });
    expect((await fetch(`${shop.url}/sync/events`)).status).toBe(401);
    const admin = await listen(shop, await shop.signIn('admin@shop.test'));
    try {
      await until(() => admin.state.text.includes(': heartbeat'));
    } finally {
      await admin.close();
    }
  });
});

describe.each(BACKENDS.filter((backend) => backend.name === 'postgres'))('poke across server processes on $name', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());

  it("relays a commit in one server process to the desks of another (LISTEN/NOTIFY)", async () => {
    const shop = await startShop(backend, { pokeDelayMs: 10 });
    const sdb = await openServerDb(shop.sdb.location);
    const other = createShopServer({ sdb, pokeDelayMs: 10 });
    try {
      const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
      const nora = await listen({ url }, await shop.signIn('nora@shop.test'));
      const sam = await listen({ url }, await shop.signIn('sam@shop.test'));
      try {
        await until(() => nora.state.pokes === 1 && sam.state.pokes === 1);
        await placeOrder(shop, ['north']);
        await until(() => nora.state.pokes === 2);
        await settle(150);
        expect(sam.state.pokes).toBe(1);
      } finally {
        await nora.close();
        await sam.close();
      }
    } finally {
      await other.app.close();
      await sdb.close();
      await shop.close();
    }
  });
});
