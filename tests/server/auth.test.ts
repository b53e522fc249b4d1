import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, signInResponseSchema } from '../../shared/contract/sync-protocol.js';
import { BACKENDS, PASSWORD, bearer, startShop, type Shop } from './harness.js';

describe.each(BACKENDS)('staff sign-in on $name', (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());
  let shop: Shop;
  let clock = Date.now();
  afterEach(async () => shop?.close());

  it('signs in with the right password, and the token works until sign-out', async () => {
    shop = await startShop(backend);
    const answer = await shop.call('POST', '/auth/sign-in', { email: ' NORA@shop.test ', password: PASSWORD, deviceName: 'Bench 2' });
    expect(answer.status).toBe(200);
    const session = signInResponseSchema.parse(answer.body);
    expect(session.user).toEqual({ id: shop.users.north, name: 'Nora North', email: 'nora@shop.test', role: 'seller', storeIds: [shop.stores.north] });
    expect(session.serverId).toBe(shop.sdb.serverId);
    // Only the token's hash is stored.
    const stored = await shop.sdb.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(session.token);

    const me = await shop.call('GET', '/auth/me', undefined, bearer(session.token));
    expect(me.status).toBe(200);
    expect((me.body as { user: { id: number } }).user.id).toBe(shop.users.north);

    expect((await shop.call('POST', '/auth/sign-out', undefined, bearer(session.token))).status).toBe(200);
    const after = await shop.call('GET', '/auth/me', undefined, bearer(session.token));
    expect(after.status).toBe(401);
    expect(errorBodySchema.parse(after.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password and an unknown email alike, and a missing or made-up token', async () => {
    shop = await startShop(backend);
    const wrong = await shop.call('POST', '/auth/sign-in', { email: 'nora@shop.test', password: 'nope' });
    const unknown = await shop.call('POST', '/auth/sign-in', { email: 'nobody@shop.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect((await shop.call('POST', '/sync/pull', { clientId: crypto.randomUUID(), cursor: null })).status).toBe(401);
    expect((await shop.call('POST', '/sync/pull', { clientId: crypto.randomUUID(), cursor: null }, bearer('x'.repeat(43)))).status).toBe(401);
  });

  it('rate-limits failed sign-ins per email with 429 and Retry-After, even for the right password', async () => {
    shop = await startShop(backend, { signInLimits: { perEmail: { max: 3, windowMs: 60_000 }, perIp: { max: 100, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) expect((await shop.call('POST', '/auth/sign-in', { email: 'sam@shop.test', password: 'guess' + i })).status).toBe(401);
    const limited = await shop.call('POST', '/auth/sign-in', { email: 'sam@shop.test', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(errorBodySchema.parse(limited.body).error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person's sign-in is not held up.
    expect((await shop.call('POST', '/auth/sign-in', { email: 'nora@shop.test', password: PASSWORD })).status).toBe(200);
  });

  it('rate-limits sign-in attempts per address', async () => {
    shop = await startShop(backend, { signInLimits: { perEmail: { max: 100, windowMs: 60_000 }, perIp: { max: 4, windowMs: 60_000 } } });
    const emails = ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test'];
    for (const email of emails) expect((await shop.call('POST', '/auth/sign-in', { email, password: 'x' })).status).toBe(401);
    expect((await shop.call('POST', '/auth/sign-in', { email: 'nora@shop.test', password: PASSWORD })).status).toBe(429);
  });

  it('ends a session when it expires', async () => {
    clock = Date.now();
    shop = await startShop(backend, { now: () => clock, sessionTtlMs: 60_000 });
    const token = await shop.signIn('nora@shop.test');
    expect((await shop.call('GET', '/auth/me', undefined, bearer(token))).status).toBe(200);
    clock += 60_001;
    const expired = await shop.call('GET', '/auth/me', undefined, bearer(token));
    expect(expired.status).toBe(401);
    expect(errorBodySchema.parse(expired.body).error.message).toMatch(/expired/);
  });

  it('lets an admin disable staff: their sessions end and they cannot sign in; a seller cannot disable anyone', async () => {
    shop = await startShop(backend);
    const admin = await shop.signIn('admin@shop.test');
    const nora = await shop.signIn('nora@shop.test');
    const sam = await shop.signIn('sam@shop.test');
    const refused = await shop.call('POST', `/admin/users/${shop.users.north}/disable`, undefined, bearer(sam));
    expect(refused.status).toBe(403);
    expect((await shop.call('GET', '/auth/me', undefined, bearer(nora))).status).toBe(200);

    const done = await shop.call('POST', `/admin/users/${shop.users.north}/disable`, undefined, bearer(admin));
    expect(done).toMatchObject({ status: 200, body: { disabled: true, revokedSessions: 1 } });
    expect((await shop.call('GET', '/auth/me', undefined, bearer(nora))).status).toBe(401);
    const again = await shop.call('POST', '/auth/sign-in', { email: 'nora@shop.test', password: PASSWORD });
    expect(again.status).toBe(403);
    expect((await shop.call('POST', '/admin/users/99999/disable', undefined, bearer(admin))).status).toBe(404);
    expect((await shop.call('POST', '/admin/users/abc/disable', undefined, bearer(admin))).status).toBe(400);
  });
});
