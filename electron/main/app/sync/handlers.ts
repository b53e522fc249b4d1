import { fail, ok } from '../../../../shared/domain/result.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { LOCAL_STATUS } from './ports.js';
import { listRejections } from './rejections.js';

export type SyncCall = 'sync.status' | 'sync.now' | 'sync.rejections' | 'session.signIn' | 'session.signOut' | 'session.useDemo';

const NO_ACCOUNTS = 'This desk has no sign-in: it runs on one store file.';

/** Sync status and sign-in. The engine and the account switching live outside the table (ports.ts). */
export function syncHandlers(ctx: AppContext): HandlerGroup<SyncCall> {
  return {
    'sync.status': () => ok(ctx.sync?.status() ?? LOCAL_STATUS),
    'sync.now': async () => ok(ctx.sync ? await ctx.sync.syncNow() : LOCAL_STATUS),
    'sync.rejections': (input, actor) => ok(listRejections(ctx.store, actor.scope, input.orderId ?? null)),
    'session.signIn': async (input) => (ctx.account ? ctx.account.signIn(input) : fail('FORBIDDEN', NO_ACCOUNTS)),
    'session.signOut': async () => (ctx.account ? ctx.account.signOut() : fail('FORBIDDEN', NO_ACCOUNTS)),
    'session.useDemo': async () => (ctx.account ? ctx.account.useDemo() : fail('FORBIDDEN', NO_ACCOUNTS)),
  };
}
