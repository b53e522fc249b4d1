/**
 * A desk process the kill tests SIGKILL at a named point (run with `node --import tsx`):
 * - after-commit: a parcel is committed (with its outbox row) and the process dies before any push;
 * - after-push: the push has reached the server and been applied, and the process dies before it
 *   reads the answer.
 * The parent then reopens the same store files and checks nothing was lost or applied twice.
 */
import { z } from 'zod';
import { savedAccountSchema, memoryAccountVault } from '../../electron/main/app/session/account.js';
import { createHttpBackend } from '../../electron/main/services/sync/client.js';
import { openDesk, shipInput } from './sync-engine-support.js';

const config = z
  .object({
    root: z.string(),
    name: z.string(),
    account: savedAccountSchema,
    token: z.string(),
    orderId: z.number(),
    shipmentId: z.string(),
    point: z.enum(['after-commit', 'after-push']),
  })
  .parse(JSON.parse(process.env.KILL_CONFIG ?? '{}'));

const die = () => process.kill(process.pid, 'SIGKILL');

const vault = memoryAccountVault(config.account);
await vault.setToken(config.token);
const desk = await openDesk(config.root, config.name, {
  vault,
  engine: { listen: false },
  backend: (url) =>
    createHttpBackend(url, {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        // The server has applied the push and answered; the desk dies before reading the answer.
        if (config.point === 'after-push' && String(input).endsWith('/sync/push')) die();
        return response;
      },
    }),
});
await desk.ok('sync.now');
const parcel = { ...shipInput(config.orderId), shipmentId: config.shipmentId };
// A mutation answers synchronously, committed: the engine's wake has not run yet.
desk.host.dispatch('orders.ship', parcel);
if (config.point === 'after-commit') die();
setTimeout(() => process.exit(3), 10_000);
