import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryAccountVault } from '../../electron/main/app/session/account.js';
import { startShop, type Shop } from '../server/harness.js';
import { openDesk, placeOrder, serverOrder, sqliteBackend, tempRoot, type TestDesk } from './sync-engine-support.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
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

function runChild(config: object): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/sync-engine-kill-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, KILL_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('a desk killed (SIGKILL) in the middle of syncing', () => {
  for (const point of ['after-commit', 'after-push'] as const) {
    it(`${point === 'after-commit' ? 'after its commit, before its push' : 'after its push, before the answer'}: nothing lost, nothing applied twice`, { timeout: 60_000 }, async () => {
      const order = await placeOrder(shop, shop.stores.north);
      // Signed in and synced once, in this process; then the desk's process is the child's.
      const first = await openDesk(temp.root, 'a', { engine: { listen: false } });
      await first.signIn(shop, 'admin@shop.test');
      await first.ok('sync.now');
      const account = first.vault.load()!;
      const token = (await first.vault.token())!;
      await first.close();

      const shipmentId = randomUUID();
      const killed = await runChild({ root: temp.root, name: 'a', account, token, orderId: order.orderId, shipmentId, point });
      expect(killed.signal, killed.output).toBe('SIGKILL');
      const onServer = (await serverOrder(shop, order.orderId)).shipments.map((s) => s.id);
      expect(onServer).toEqual(point === 'after-push' ? [shipmentId] : []);

      const vault = memoryAccountVault(account);
      await vault.setToken(token);
      const again = await openDesk(temp.root, 'a', { vault, engine: { listen: false } });
      desks.push(again);
      expect(await again.ok('sync.now')).toMatchObject({ connection: 'online', pending: 0, rejections: 0 });
      expect((await serverOrder(shop, order.orderId)).shipments.map((s) => s.id)).toEqual([shipmentId]);
      expect(await shop.sdb.db.selectFrom('client_mutations').select('mutation_id').execute()).toHaveLength(1);
      const local = await again.ok<{ shipments: Array<{ id: string }>; status: string; unsynced: boolean }>('orders.get', { orderId: order.orderId });
      expect(local).toMatchObject({ status: 'shipped', unsynced: false });
      expect(local.shipments.map((s) => s.id)).toEqual([shipmentId]);
    });
  }
});
