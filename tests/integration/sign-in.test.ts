import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderDetail, Session } from '../../shared/contract/index.js';
import { bearer, startShop, type Shop } from '../server/harness.js';
import { openDesk, placeOrder, PASSWORD, sqliteBackend, tempRoot, type TestDesk } from './sync-engine-support.js';

let shop: Shop;
let temp: ReturnType<typeof tempRoot>;
const desks: TestDesk[] = [];

beforeEach(async () => {
  await sqliteBackend.start();
  shop = await startShop(sqliteBackend);
  temp = tempRoot();
});

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  await shop.close();
  await sqliteBackend.stop();
  temp.remove();
});

async function desk(name: string): Promise<TestDesk> {
  const opened = await openDesk(temp.root, name, { engine: { listen: false } });
  desks.push(opened);
  return opened;
}

/** Every file the desk wrote, as text: a password must appear in none of them. */
function filesOf(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('signing in at a desk', () => {
  it('runs public calls with nobody signed in and refuses the rest', async () => {
    const a = await desk('a');
    expect(a.host.actor()).toBeNull();
    expect(await a.status()).toMatchObject({ connection: 'local', pending: 0 });
    expect(await a.call('orders.list', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('answers a wrong password, an unreachable backend and a malformed address with clear messages, changing nothing', async () => {
    const a = await desk('a');
    expect(await a.signIn(shop, 'admin@shop.test', 'not the password')).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: 'That email and password do not match an account on this backend.',
    });
    const closed = await startShop(sqliteBackend);
    const deadUrl = closed.url;
    await closed.close();
    expect(await a.call('session.signIn', { serverUrl: deadUrl, email: 'admin@shop.test', password: PASSWORD })).toMatchObject({
      ok: false,
      code: 'UNREACHABLE',
      message: expect.stringContaining("can't be reached"),
    });
    expect(await a.call('session.signIn', { serverUrl: 'ftp://shop', email: 'admin@shop.test', password: PASSWORD })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { serverUrl: expect.any(String) },
    });
    expect(a.host.current().kind).toBe('demo');
    expect(a.vault.load()).toBeNull();
    expect(await a.vault.token()).toBeNull();
  });

  it('makes the signed-in person the actor of every change, and keeps the token but never the password', async () => {
    const order = await placeOrder(shop, shop.stores.north);
    const a = await desk('a');
    const signedIn = await a.signIn(shop, 'nora@shop.test');
    expect(signedIn).toMatchObject({ ok: true, value: { user: { id: shop.users.north, name: 'Nora North', role: 'seller' }, station: { name: 'Bench a' } } });
    expect(a.host.actor()).toMatchObject({ userId: shop.users.north, storeIds: [shop.stores.north] });
    await a.ok('sync.now');

    const noted = await a.ok<OrderDetail>('orders.addNote', { orderId: order.orderId, body: 'Gift wrap, please' });
    expect(noted.events).toContainEqual(expect.objectContaining({ actorName: 'Nora North', stationName: 'Bench a' }));
    const store = a.host.current().app.ctx.store;
    expect(store.select('SELECT actor_id, actor_name FROM outbox')).toEqual([{ actor_id: shop.users.north, actor_name: 'Nora North' }]);

    const token = await a.vault.token();
    expect(token).toEqual(expect.any(String));
    const written = filesOf(a.dir);
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(token!);
  });

  it('signs out: the token is revoked on the backend and forgotten, the waiting change stays in the outbox', async () => {
    const order = await placeOrder(shop, shop.stores.north);
    const a = await desk('a');
    await a.signIn(shop, 'admin@shop.test');
    await a.ok('sync.now');
    const token = (await a.vault.token())!;
    expect((await shop.call('GET', '/auth/me', undefined, bearer(token))).status).toBe(200);

    // Made with the backend away: it waits in the outbox.
    await shop.server.app.close();
    await a.ok('orders.addNote', { orderId: order.orderId, body: 'Left at the door' });
    expect(await a.ok('sync.now')).toMatchObject({ connection: 'offline', pending: 1 });
    const file = a.host.current().file;

    expect(await a.call('session.signOut')).toEqual({ ok: true, value: { signedOut: true } });
    expect(await a.vault.token()).toBeNull();
    expect(a.host.actor()).toBeNull();
    // The sign-in screen reads the status with nobody signed in: the change is still waiting.
    expect(await a.status()).toMatchObject({ connection: 'signed_out', pending: 1, serverUrl: shop.url });
    expect(a.host.current().file).toBe(file);
    expect(await a.call('orders.list', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('revokes the token on the backend when it answers', async () => {
    const a = await desk('a');
    await a.signIn(shop, 'admin@shop.test');
    const token = (await a.vault.token())!;
    await a.ok('session.signOut');
    expect((await shop.call('GET', '/auth/me', undefined, bearer(token))).status).toBe(401);
  });

  it('goes back to the demo store, labelled a demo, and keeps the backend store file', async () => {
    const a = await desk('a');
    await a.signIn(shop, 'admin@shop.test');
    const file = a.host.current().file!;
    const demo = await a.call<Session>('session.useDemo');
    expect(demo).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' }); // the empty test demo store has nobody to act as
    expect(a.host.current()).toMatchObject({ kind: 'demo', file: null });
    expect(await a.status()).toMatchObject({ connection: 'local' });
    expect(readdirSync(path.dirname(file))).toContain(path.basename(file));
    expect(a.vault.load()).toMatchObject({ serverUrl: shop.url, signedIn: false });
  });
});
