import { createDocWriter, quarantineRow, type DocWriter } from '../../../../db/queries/sync-apply.js';
import { anyBase, dropBase, readBase, saveBase } from '../../../../db/queries/sync-base.js';
import { changesToReplay, recordPushOutcomes, settle } from '../../../../db/queries/sync-outbox.js';
import type { OrderStore } from '../../../../db/store.js';
import {
  pulledDataSchemas,
  pulledRowSchema,
  type MutationOutcome,
  type OrderDoc,
  type PulledRow,
} from '../../../../shared/contract/sync-protocol.js';
import type { AppContext } from '../context.js';
import { replayChange } from './replay.js';

export {
  listRejections,
  pendingForPush,
  pendingSummary,
  settle,
  syncCounts,
  unsyncedOrderIds,
} from '../../../../db/queries/sync-outbox.js';

/** sync_state key of the pull cursor (opaque, the server's). */
export const CURSOR_KEY = 'pull.cursor';

export interface ApplyPageOptions {
  /** The cursor the server answered with this page, stored in the same transaction. */
  cursor: string;
  /** The server's last applied mutation of this client: pending rows up to it are settled first. */
  lastMutationId?: string | null;
}

export interface ApplyPageResult {
  /** Rows written (puts and tombstones). */
  applied: number;
  /** Rows set aside in sync_quarantine. */
  quarantined: number;
  /** Orders the page put or deleted, for orders.changed. */
  orderIds: number[];
}

/** A quarantined row's raw text is kept for a bug report, within reason. */
const RAW_MAX = 100_000;

function rawText(raw: unknown): string {
  try {
    const text = JSON.stringify(raw) ?? 'null';
    return text.length > RAW_MAX ? `${text.slice(0, RAW_MAX)}…` : text;
  } catch {
    return '"(unserialisable)"';
  }
}

const firstIssue = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(row)'}: ${issue.message}` : 'does not parse';
};

type Parsed =
  | { ok: true; row: PulledRow; data: unknown }
  | { ok: false; type: string | null; id: number | null; version: number | null; error: string };

/** One row, parsed on its own: a row that doesn't parse is set aside, not the page. */
function parseRow(raw: unknown): Parsed {
  const row = pulledRowSchema.safeParse(raw);
  if (!row.success) {
    const loose = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const num = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);
    return {
      ok: false,
      type: typeof loose.type === 'string' ? loose.type.slice(0, 40) : null,
      id: num(loose.id),
      version: num(loose.version),
      error: firstIssue(row.error),
    };
  }
  if (row.data.op === 'del') return { ok: true, row: row.data, data: null };
  const data = pulledDataSchemas[row.data.type].safeParse(row.data.data);
  if (!data.success) return { ok: false, type: row.data.type, id: row.data.id, version: row.data.version, error: firstIssue(data.error) };
  if (data.data.id !== row.data.id) {
    return { ok: false, type: row.data.type, id: row.data.id, version: row.data.version, error: `data.id ${data.data.id} is not the row's id` };
  }
  return { ok: true, row: row.data, data: data.data };
}

function writeRow(writer: DocWriter, row: PulledRow, data: unknown): void {
  if (row.op === 'del') {
    if (row.type === 'order') writer.deleteOrder(row.id);
    else if (row.type === 'store') writer.deleteStore(row.id);
    else writer.deleteStaff(row.id);
    return;
  }
  // Parsed by parseRow with the schema of row.type.
  if (row.type === 'order') writer.putOrder(data as OrderDoc, row.version);
  else if (row.type === 'store') writer.putStore(data as Parameters<DocWriter['putStore']>[0]);
  else writer.putStaff(data as Parameters<DocWriter['putStaff']>[0]);
}

/**
 * This desk's unconfirmed changes to an order, re-applied on the server's doc just written: the
 * desk shows the server's state plus its own pending changes. While some remain, the doc is kept
 * as the order's base (what a refusal rolls back to); once none do, the base goes.
 */
function rebaseOrder(ctx: AppContext, doc: OrderDoc, version: number): void {
  const changes = changesToReplay(ctx.store, doc.id, version);
  if (changes.length === 0) {
    dropBase(ctx.store, doc.id);
    return;
  }
  saveBase(ctx.store, doc, version);
  for (const change of changes) replayChange(ctx, change);
}

/** Whether this store holds anything a rebase could need: if not, a page skips the per-order lookups. */
function mayNeedRebase(store: OrderStore): boolean {
  return (
    anyBase(store) ||
    store.selectOne<{ one: number }>(
      "SELECT 1 AS one FROM outbox WHERE order_id IS NOT NULL AND status IN ('pending', 'pushed', 'conflict') LIMIT 1",
    ) !== undefined
  );
}

/** A row failed to write while a page was applied without savepoints: the page is redone with them. */
class RowWriteFailed extends Error {}

/**
 * Applies one pulled page in one transaction: settles what the server says it has applied,
 * writes each row (a row that doesn't parse, or can't be written, is quarantined and logged; the
 * rest are applied), rebases this desk's unconfirmed changes on every order the page put, and
 * stores the page's cursor. A failure anywhere else rolls all of it back, cursor included, so the
 * same page is simply pulled again. The caller (the sync engine) emits orders.changed for orderIds.
 *
 * Rows are written without a savepoint each (a quarter of the time of a first connection's
 * pages went to them); should one fail to write, the whole page is rolled back and applied again
 * with a savepoint per row, so only that row is set aside.
 */
export function applyPulledPage(ctx: AppContext, rows: readonly unknown[], options: ApplyPageOptions): ApplyPageResult {
  const logs: string[] = [];
  let result: ApplyPageResult;
  try {
    result = applyPage(ctx, rows, options, false, logs);
  } catch (error) {
    if (!(error instanceof RowWriteFailed)) throw error;
    logs.length = 0;
    result = applyPage(ctx, rows, options, true, logs);
  }
  // After the commit: a rolled-back attempt logs nothing.
  for (const message of logs) ctx.logError(message, null);
  return result;
}

function applyPage(ctx: AppContext, rows: readonly unknown[], options: ApplyPageOptions, careful: boolean, logs: string[]): ApplyPageResult {
  const { store } = ctx;
  const now = ctx.now();
  const inSavepoint = store.sqlite.transaction((write: () => void) => write());
  const parsed = rows.map(parseRow);
  return store.batch(() => {
    settle(store, options.lastMutationId ?? null, now);
    const writer = createDocWriter(store, now);
    writer.expectOrders(parsed.flatMap((row) => (row.ok && row.row.op === 'put' && row.row.type === 'order' ? [row.row.id] : [])));
    const rebase = mayNeedRebase(store);
    const orderIds: number[] = [];
    // The last word on each order in the page: its doc to rebase on, or null once deleted.
    const puts = new Map<number, { doc: OrderDoc; version: number } | null>();
    let applied = 0;
    let quarantined = 0;
    const setAside = (raw: unknown, about: { type: string | null; id: number | null; version: number | null }, error: string): void => {
      quarantineRow(store, { ...about, raw: rawText(raw), error }, now);
      logs.push(`sync: a pulled ${about.type ?? 'row'}${about.id === null ? '' : ` ${about.id}`} was set aside (${error})`);
      quarantined += 1;
    };
    parsed.forEach((entry, index) => {
      const raw = rows[index];
      if (!entry.ok) {
        setAside(raw, entry, entry.error);
        return;
      }
      const { row, data } = entry;
      if (careful) {
        try {
          inSavepoint(() => writeRow(writer, row, data));
        } catch (error) {
          writer.forgetKnown();
          setAside(raw, row, error instanceof Error ? error.message : String(error));
          return;
        }
      } else {
        try {
          writeRow(writer, row, data);
        } catch (error) {
          throw new RowWriteFailed(error instanceof Error ? error.message : String(error));
        }
      }
      applied += 1;
      if (row.type !== 'order') return;
      orderIds.push(row.id);
      if (rebase) puts.set(row.id, row.op === 'put' ? { doc: data as OrderDoc, version: row.version } : null);
    });
    // After the whole page, so a replay sees every store and person the page brought.
    for (const put of puts.values()) if (put) rebaseOrder(ctx, put.doc, put.version);
    store.execute('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      CURSOR_KEY,
      options.cursor,
    ]);
    return { applied, quarantined, orderIds };
  });
}

/**
 * Records a push's answers in one transaction (see recordPushOutcomes). A change the server
 * refused is undone here and now: its order goes back to the server's copy kept for it
 * (sync_base) and the changes still standing are replayed on top. An order with no kept copy
 * (it never came from this server) keeps its local state until its next pulled doc.
 */
export function markPushed(ctx: AppContext, outcomes: readonly MutationOutcome[]): { rejectedOrderIds: number[] } {
  const { store } = ctx;
  const now = ctx.now();
  return store.batch(() => {
    const { rejectedOrderIds } = recordPushOutcomes(store, outcomes, now);
    const inSavepoint = store.sqlite.transaction((write: () => void) => write());
    for (const orderId of rejectedOrderIds) {
      const base = readBase(store, orderId);
      if (!base) continue;
      try {
        inSavepoint(() => createDocWriter(store, now).putOrder(base.doc, base.version));
      } catch (error) {
        ctx.logError(`sync: order ${orderId} could not be put back after a refused change`, error);
        continue;
      }
      rebaseOrder(ctx, base.doc, base.version);
    }
    return { rejectedOrderIds };
  });
}

/** The saved pull cursor, null before the first pull (or after a reset). */
export function readCursor(store: OrderStore): string | null {
  return store.selectOne<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [CURSOR_KEY])?.value ?? null;
}
