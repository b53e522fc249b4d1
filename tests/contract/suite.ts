import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderDoc, SignInResponse } from '../../shared/contract/sync-protocol.js';
import { BackendClient, errorCode, orderBody, parseOrder, parseStore, upsNumber, type ContractTarget } from './client.js';

/**
 * The sync and storefront contract, as a desk relies on it: sign-in, push idempotency, cursor
 * paging, scope filtering, reset and the error shapes. Written against HTTP and the protocol's
 * zod schemas only, so it runs against any backend (`npm run test:contract -- --url …`).
 */
export function contractSuite(name: string, getTarget: () => ContractTarget | Promise<ContractTarget>): void {
  describe(`sync contract: ${name}`, () => {
    let client: BackendClient;
    let admin: SignInResponse;
    let seller: SignInResponse;
    let ownStore: number;
    let otherStore: number;

    /** An order the storefront creates for these stores, as the admin pulls it. */
    async function newOrder(storeIds: number[]): Promise<OrderDoc> {
      const created = await client.createOrder(orderBody(storeIds));
      const { rows } = await client.pullAll(admin.token, randomUUID());
      const doc = rows.map(parseOrder).find((order) => order?.id === created.orderId);
      if (!doc) throw new Error(`order ${created.orderId} was created but not pulled`);
      return doc;
    }

    function shipMutation(order: OrderDoc, storeId: number) {
      return {
        id: randomUUID(),
        name: 'order.ship@1',
        at: Date.now(),
        args: {
          orderId: order.id,
          shipmentId: randomUUID(),
          carrier: 'ups',
          trackingNumber: upsNumber(),
          items: order.items.filter((item) => item.storeId === storeId).map((item) => ({ itemId: item.id, quantity: item.quantity })),
          notifyCustomer: false,
          verificationOverride: 'Contract suite: no scanner here',
        },
      };
    }

    beforeAll(async () => {
      client = new BackendClient(await getTarget());
      admin = await client.signIn(client.target.admin);
      seller = await client.signIn(client.target.seller);
      expect(seller.user.role).toBe('seller');
      ownStore = seller.user.storeIds[0]!;
      const stores = (await client.pullAll(admin.token, randomUUID())).rows.map(parseStore).filter((store) => store !== null);
      const other = stores.find((store) => !seller.user.storeIds.includes(store.id));
      if (ownStore === undefined || !other) throw new Error('The contract suite needs a seller with a store and another store they are not in.');
      otherStore = other.id;
    });

    describe('errors', () => {
      it('answers 401 UNAUTHENTICATED without a token, or with a made-up one', async () => {
        const body = { clientId: randomUUID(), cursor: null };
        for (const token of [undefined, 'not-a-real-token-0123456789abcdef0123456789']) {
          const answer = await client.request('POST', '/sync/pull', { body, token });
          expect(answer.status).toBe(401);
          expect(errorCode(answer)).toBe('UNAUTHENTICATED');
        }
      });

      it('answers 401 to a wrong password, the same for an unknown email', async () => {
        const wrong = await client.request('POST', '/auth/sign-in', { body: { email: client.target.admin.email, password: 'not-the-password' } });
        const unknown = await client.request('POST', '/auth/sign-in', { body: { email: `nobody-${randomUUID()}@example.com`, password: 'x' } });
        expect([wrong.status, unknown.status]).toEqual([401, 401]);
        expect(errorCode(wrong)).toBe(errorCode(unknown));
      });

      it('answers 400 INVALID_INPUT with field errors for a malformed push, and changes nothing', async () => {
        const clientId = randomUUID();
        const before = await client.pullAll(admin.token, clientId);
        const answer = await client.request('POST', '/sync/push', { token: admin.token, body: { clientId: 'not-a-uuid', mutations: 'nope' } });
        expect(answer.status).toBe(400);
        expect(errorCode(answer)).toBe('INVALID_INPUT');
        expect(Object.keys((answer.body as { error: { fields?: object } }).error.fields ?? {})).toEqual(expect.arrayContaining(['clientId', 'mutations']));
        const after = await client.pull(admin.token, clientId, before.cursor);
        expect(after).toMatchObject({ status: 'ok', rows: [] });
      });

      it('answers 400 to a body that is not JSON', async () => {
        const answer = await client.request('POST', '/sync/pull', { token: admin.token, rawBody: '{"clientId":' });
        expect(answer.status).toBe(400);
        expect(errorCode(answer)).toBe('INVALID_INPUT');
      });

      it('answers 413 to an oversized body', async () => {
        const huge = 'x'.repeat(12 * 1024 * 1024);
        const answer = await client.request('POST', '/sync/push', { token: admin.token, rawBody: JSON.stringify({ clientId: randomUUID(), mutations: [], pad: huge }) });
        expect(answer.status).toBe(413);
      });

      it('refuses storefront calls without the API key', async () => {
        const answer = await client.request('POST', '/storefront/orders', { body: orderBody([ownStore]), apiKey: 'wrong-key' });
        expect([401, 403]).toContain(answer.status);
      });
    });

    describe('storefront', () => {
      it('creates an order once per request id and answers a retry with the same order', async () => {
        const body = orderBody([ownStore]);
        const first = await client.createOrder(body);
        const again = await client.createOrder(body);
        expect(first.created).toBe(true);
        expect(again).toEqual({ ...first, created: false });
      });
    });

    describe('push', () => {
      it('applies a mutation once, however often it is pushed', async () => {
        const order = await newOrder([ownStore]);
        const clientId = randomUUID();
        const mutation = shipMutation(order, ownStore);
        const first = await client.push(seller.token, clientId, [mutation]);
        const again = await client.push(seller.token, clientId, [mutation]);
        expect(first.outcomes).toEqual([expect.objectContaining({ id: mutation.id, status: 'applied' })]);
        expect(again.outcomes).toEqual(first.outcomes);
        const pulled = (await client.pullAll(seller.token, clientId)).rows.map(parseOrder).find((doc) => doc?.id === order.id);
        expect(pulled?.shipments).toHaveLength(1);
        expect(pulled?.status).toBe('shipped');
      });

      it('answers each mutation on its own: applied, rejected with a reason, unknown names rejected', async () => {
        const order = await newOrder([ownStore]);
        const clientId = randomUUID();
        const ship = shipMutation(order, ownStore);
        const holdAfterShip = { id: randomUUID(), name: 'order.placeHold@1', at: Date.now(), args: { orderId: order.id, reason: 'Too late' } };
        const unknown = { id: randomUUID(), name: 'order.teleport@1', at: Date.now(), args: {} };
        const { outcomes } = await client.push(seller.token, clientId, [ship, holdAfterShip, unknown]);
        expect(outcomes.map((o) => [o.id, o.status])).toEqual([
          [ship.id, 'applied'],
          [holdAfterShip.id, 'rejected'],
          [unknown.id, 'rejected'],
        ]);
        expect(outcomes[1]).toMatchObject({ code: 'INVALID_TRANSITION' });
        expect(outcomes[2]).toMatchObject({ code: 'UNKNOWN_MUTATION' });
      });

      it("refuses a seller's change to another store's order", async () => {
        const order = await newOrder([otherStore]);
        const { outcomes } = await client.push(seller.token, randomUUID(), [shipMutation(order, otherStore)]);
        expect(outcomes[0]?.status).toBe('rejected');
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(outcomes[0]?.status === 'rejected' ? outcomes[0].code : '');
      });

      it("reports the client's last applied mutation in the next pull", async () => {
        const order = await newOrder([ownStore]);
        const clientId = randomUUID();
        const note = { id: randomUUID(), name: 'order.addNote@1', at: Date.now(), args: { orderId: order.id, body: 'Contract note' } };
        await client.push(seller.token, clientId, [note]);
        const { lastMutationId } = await client.pullAll(seller.token, clientId);
        expect(lastMutationId).toBe(note.id);
      });
    });

    describe('pull', () => {
      it('pages in version order without gaps or repeats, and picks up later changes from the cursor', async () => {
        await newOrder([ownStore]);
        await newOrder([ownStore]);
        const clientId = randomUUID();
        const whole = await client.pullAll(admin.token, clientId, null, 5000);
        const paged = await client.pullAll(admin.token, clientId, null, 2);
        const key = (row: { type: string; id: number; version: number }) => `${row.type}:${row.id}@${row.version}`;
        expect(paged.rows.map(key)).toEqual(whole.rows.map(key));
        const versions = paged.rows.map((row) => row.version);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));

        const later = await newOrder([ownStore]);
        const next = await client.pullAll(admin.token, clientId, whole.cursor);
        expect(next.rows.map(parseOrder).map((doc) => doc?.id)).toContain(later.id);
        expect(next.rows.every((row) => row.version > Math.max(...versions))).toBe(true);
      });

      it("never gives a seller another store's order or item lines", async () => {
        const mine = await newOrder([ownStore]);
        const theirs = await newOrder([otherStore]);
        const shared = await newOrder([ownStore, otherStore]);
        const { rows } = await client.pullAll(seller.token, randomUUID());
        const orders = rows.map(parseOrder).filter((doc) => doc !== null);
        const ids = orders.map((doc) => doc.id);
        expect(ids).toContain(mine.id);
        expect(ids).toContain(shared.id);
        expect(ids).not.toContain(theirs.id);
        for (const doc of orders) {
          expect(doc.items.every((item) => seller.user.storeIds.includes(item.storeId))).toBe(true);
          expect(doc.shipments.every((shipment) => seller.user.storeIds.includes(shipment.storeId))).toBe(true);
          expect(doc.events.every((event) => event.storeId === null || seller.user.storeIds.includes(event.storeId))).toBe(true);
        }
        // Not even in passing: the other store's SKU appears nowhere in what the seller receives.
        const otherSku = theirs.items[0]!.sku;
        expect(JSON.stringify(rows)).not.toContain(`"${otherSku}"`);
      });

      it('answers reset to a cursor it did not issue', async () => {
        const clientId = randomUUID();
        const { cursor } = await client.pullAll(admin.token, clientId);
        for (const forged of ['garbage', `${cursor}x`, 'eyJzIjoib3RoZXItc2VydmVyIiwidiI6MX0']) {
          const answer = await client.request('POST', '/sync/pull', { token: admin.token, body: { clientId, cursor: forged } });
          expect(answer.status, `cursor ${forged}`).toBe(200);
          expect((answer.body as { status: string }).status).toBe('reset');
        }
      });

      it("answers reset when a seller's cursor is used by someone with another scope", async () => {
        const clientId = randomUUID();
        const { cursor } = await client.pullAll(seller.token, clientId);
        const answer = await client.pull(admin.token, clientId, cursor);
        expect(answer.status).toBe('reset');
      });
    });
  });
}
