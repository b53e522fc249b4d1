import type { OrderStore } from '../../../../db/store.js';
import type { CallKind } from '../../../../shared/contract/index.js';

/**
 * A call that did what its declared kind forbids: a programming error in this desk, never the
 * caller's. Dispatch answers it INTERNAL and logs which call broke which rule.
 */
export class CallKindViolation extends Error {}

interface CallInProgress {
  name: string;
  kind: CallKind;
  /** Times the call entered the write path (runMutation). */
  mutations: number;
}

// The call whose synchronous part is running. Not an AsyncLocalStorage: on Node 20 one in use
// turns on promise hooks for the whole process, and every promise then pays for them (the email
// and CSV import figures fell 13-25 %). Handlers are synchronous by design; what an async call
// does after its first await (the CSV import's later slices, a settings save) runs outside this
// check, and the write path's own guards still hold there.
let inProgress: CallInProgress | null = null;

/**
 * Called by runMutation before it opens its transaction, so a query or local call that reaches
 * the write path is stopped before anything (an outbox row above all) is written. Outside a
 * dispatched call (tests and benchmarks driving a mutation directly) there is nothing to check.
 */
export function enterWritePath(mutation: string): void {
  const call = inProgress;
  if (!call) return;
  if (call.kind !== 'mutation') {
    throw new CallKindViolation(`${call.name} is declared a ${call.kind} but ran the write path (${mutation}).`);
  }
  call.mutations += 1;
}

/** Rows written through this connection so far; read outside the store's tracer, it is not part of any call. */
// Hand-written: read twice around every call, so every figure pays for it (queue_first_page, ship_mutation).
const totalChanges = (store: OrderStore): number => store.prepare('SELECT total_changes()').pluck().get() as number;

/**
 * Runs one handler under its declared kind. Always:
 * - a query or a local call (a packing-slip batch, the desk's own settings) never enters the
 *   write path, so it never leaves an outbox row (enterWritePath refuses it);
 * - a synchronous mutation that answers ok without entering runMutation is refused.
 * With countWrites (the self-check of tests and development builds; two extra statements per
 * call, which the queue figures of `npm run bench` feel), also:
 * - a query writes nothing, and a mutation writes only through the write path.
 * Row counts are compared for synchronous handlers only: during an async one other calls run
 * and write in between. The write-path guard covers an async handler's synchronous part.
 */
export function runAsKind<R>(store: OrderStore, declared: { name: string; kind: CallKind; countWrites: boolean }, handler: () => R): R {
  const { name, kind, countWrites } = declared;
  const call: CallInProgress = { name, kind, mutations: 0 };
  const before = countWrites ? totalChanges(store) : 0;
  const outer = inProgress;
  inProgress = call;
  let result: R;
  try {
    result = handler();
  } finally {
    inProgress = outer;
  }
  if (result instanceof Promise) return result;
  const wrote = countWrites && totalChanges(store) !== before;
  if (kind === 'query' && wrote) throw new CallKindViolation(`${name} is declared a query but wrote to the database.`);
  if (kind === 'mutation' && call.mutations === 0 && (wrote || isOk(result))) {
    throw new CallKindViolation(`${name} is declared a mutation but ${wrote ? 'wrote rows' : 'answered ok'} without going through the write path.`);
  }
  return result;
}

const isOk = (result: unknown): boolean => typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
