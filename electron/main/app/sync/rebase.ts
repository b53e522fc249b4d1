import type { MutationOutcome } from '../../../../shared/contract/sync-protocol.js';
import type { AppContext } from '../context.js';

export { pendingForPush, pendingSummary, settle, unsyncedOrderIds, listRejections, syncCounts } from '../../../../db/queries/sync-outbox.js';

/** sync_state key of the pull cursor (opaque, the server's). */
export const CURSOR_KEY = 'pull.cursor';

export interface ApplyPageOptions {
  /** The cursor the server answered with this page, stored in the same transaction. */
  cursor: string;
  /** The server's last applied mutation of this client: pending rows up to it are settled first. */
  lastMutationId?: string | null;
}

export interface ApplyPageResult {
  applied: number;
  quarantined: number;
  /** Orders the page put or deleted (for orders.changed). */
  orderIds: number[];
}

/**
 * Applies one pulled page, settles, rebases this desk's unanswered changes on it and moves the
 * cursor: one transaction. Not implemented yet (signature committed for the engine).
 */
export function applyPulledPage(ctx: AppContext, rows: readonly unknown[], options: ApplyPageOptions): ApplyPageResult {
  void ctx;
  void rows;
  void options;
  throw new Error('applyPulledPage: not implemented yet');
}

/** Records a push's answers; a refused change is undone locally and listed in sync_rejections. */
export function markPushed(ctx: AppContext, outcomes: readonly MutationOutcome[]): { rejectedOrderIds: number[] } {
  void ctx;
  void outcomes;
  throw new Error('markPushed: not implemented yet');
}

/** The saved pull cursor, null before the first pull (or after a reset). */
export function readCursor(ctx: AppContext): string | null {
  return ctx.store.selectOne<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [CURSOR_KEY])?.value ?? null;
}
