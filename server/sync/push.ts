import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  isSyncedMutationName,
  mutationOutcomeSchema,
  type MutationOutcome,
  type PushedMutation,
  type PushRequest,
  type PushResponse,
} from '../../shared/contract/sync-protocol.js';
import { fail } from '../../shared/domain/result.js';
import type { Actor } from '../auth/actor.js';
import type { ServerContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { IdsExhausted } from '../db/ids.js';
import { VersionClock } from '../db/versions.js';
import type { ServerDatabase } from '../db/schema.js';
import { applyMutation, mutationOrderId, orderUnreachable, type MutationActor, type MutationResult } from '../orders/rules.js';
import { loadOrderForUpdate, orderOfShipment, writeOrder } from '../orders/store.js';
import { resolveAuthor } from './author.js';

type Trx = Transaction<ServerDatabase>;
type Rejected = Extract<MutationOutcome, { status: 'rejected' }>;
const rejected = (id: string, code: string, message: string): Rejected => ({ id, status: 'rejected', code, message });

/**
 * Mutations committed together: each is decided and written with its outcome record, and a
 * group shares one commit (one fsync on SQLite, one round of them on PostgreSQL). A crash before
 * the commit loses only mutations whose answer the desk never received, so it pushes them again;
 * a fault rolls the group back whole. Groups stay small because a group holds the version lock
 * (db/versions.ts) from its first change to its commit.
 */
const GROUP = 100;
/** Timeline entries a mutation may add before its group must stop and reserve more ids. */
const EVENT_IDS_PER_MUTATION = 8;

const shipArgsSchema = z.object({ shipmentId: z.string() }).loose();
const SHIPMENT_TAKEN = 'That shipment id is already used by another order.';

/** The outcomes already recorded for these mutations of this client, by mutation id. */
async function storedOutcomes(db: Trx, clientId: string, mutationIds: readonly string[]): Promise<Map<string, MutationOutcome>> {
  const rows = mutationIds.length
    ? await db
        .selectFrom('client_mutations')
        .select(['mutation_id', 'outcome'])
        .where('client_id', '=', clientId)
        .where('mutation_id', 'in', [...mutationIds])
        .execute()
    : [];
  return new Map(rows.map((row) => [row.mutation_id, mutationOutcomeSchema.parse(JSON.parse(row.outcome))]));
}

/**
 * A rule that throws is a bug, not a fault that retrying cures: the mutation is refused (and the
 * desk shows it) instead of failing every push after it forever.
 */
function safely(ctx: ServerContext, apply: () => MutationResult): MutationResult {
  try {
    return apply();
  } catch (error) {
    if (error instanceof IdsExhausted) throw error;
    ctx.log.error({ err: error }, 'an order rule threw');
    return fail('INTERNAL', 'The server could not apply this change.');
  }
}

interface Applied {
  outcome: MutationOutcome;
  touched: readonly number[];
}

/** Decides one mutation inside the group's transaction and writes what it changes. */
async function decide(ctx: ServerContext, trx: Trx, clock: VersionClock, pusher: Actor, mutation: PushedMutation): Promise<Applied> {
  const { id, name, args } = mutation;
  const none: readonly number[] = [];
  if (!isSyncedMutationName(name)) return { outcome: rejected(id, 'UNKNOWN_MUTATION', `This server does not know the change "${name}".`), touched: none };
  const author = await resolveAuthor(trx, pusher, mutation.authorId);
  if (!author.ok) return { outcome: rejected(id, author.code, author.message), touched: none };
  const actor: MutationActor = { ...author.value, stationId: `session-${pusher.sessionId}`, stationName: pusher.device ?? 'Desk' };
  // The role's permission, then the args parsed with the desk call's own input schema.
  const target = mutationOrderId({ name, args }, actor);
  if (!target.ok) return { outcome: rejected(id, target.code, target.message), touched: none };
  if (target.value === null) {
    // Desk-side effects about no order (a notification retry, the desk's address book): applied,
    // so the desk stops pushing them; nothing changes here.
    return { outcome: { id, status: 'applied', version: clock.now }, touched: none };
  }
  const orderId = target.value;
  const found = await loadOrderForUpdate(trx, ctx.sdb.dialect, { id: orderId });
  if (!found) {
    const refusal = orderUnreachable(actor.storeIds === null, orderId);
    return { outcome: rejected(id, refusal.code, refusal.message), touched: none };
  }
  const shipmentId = name === 'order.ship@1' ? (shipArgsSchema.safeParse(args).data?.shipmentId ?? null) : null;
  const elsewhere = shipmentId ? await orderOfShipment(trx, shipmentId) : null;
  if (elsewhere !== null && elsewhere !== orderId) return { outcome: rejected(id, 'CONFLICT', SHIPMENT_TAKEN), touched: none };
  const applied = safely(ctx, () => applyMutation(found.doc, { name, args }, actor, ctx.now(), { eventId: () => ctx.eventIds.next() }));
  if (!applied.ok) return { outcome: rejected(id, applied.code, applied.message), touched: none };
  if (!applied.changed) return { outcome: { id, status: 'applied', version: found.version }, touched: none };
  const version = await writeOrder(trx, applied.value, found.doc, () => clock.next());
  return { outcome: { id, status: 'applied', version }, touched: applied.value.storeIds };
}

const outcomeRow = (clientId: string, pusher: Actor, mutation: PushedMutation, outcome: MutationOutcome, now: number) => ({
  client_id: clientId,
  mutation_id: mutation.id,
  name: mutation.name,
  author_id: mutation.authorId ?? pusher.userId,
  pushed_by: pusher.userId,
  outcome: JSON.stringify(outcome),
  version: outcome.status === 'rejected' ? null : outcome.version,
  created_at: now,
});

/**
 * A unique constraint refused a group's write: a twin push of the same mutation, or a concurrent
 * ship with the same shipment id, committed first. The group rolled back whole; run it again, and
 * it answers the twin's recorded outcome or refuses the shipment with CONFLICT.
 */
async function retryOnUniqueViolation<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** Why a group ended before its last mutation. */
type Stop = 'ids' | null;

/**
 * Applies a push in order. An id already applied for this client answers its first outcome
 * again (a twin push that commits first wins the same way). A database fault stops the push
 * (5xx): the groups committed before it stay committed and are answered from the record when
 * the desk pushes again.
 */
export async function push(ctx: ServerContext, pusher: Actor, request: PushRequest): Promise<PushResponse> {
  const { clientId, mutations } = request;
  const outcomes: MutationOutcome[] = [];
  let next = 0;
  let idsWanted = EVENT_IDS_PER_MUTATION * Math.min(GROUP, mutations.length);
  while (next < mutations.length) {
    await ctx.eventIds.ensure(idsWanted);
    const end = Math.min(mutations.length, next + GROUP);
    const runGroup = () => ctx.sdb.db.transaction().execute(async (trx) => {
      // Takes the version lock first (see lockVersions); versions are counted in memory and
      // stored once, with the group's outcome records, at the end.
      const clock = await VersionClock.start(trx, ctx.sdb.dialect);
      const recorded = await storedOutcomes(trx, clientId, mutations.slice(next, end).map((mutation) => mutation.id));
      const decided: MutationOutcome[] = [];
      const records: ReturnType<typeof outcomeRow>[] = [];
      const touched = new Set<number>();
      let stop: Stop = null;
      for (let i = next; i < end; i++) {
        const mutation = mutations[i];
        if (!mutation) break;
        const before = recorded.get(mutation.id);
        if (before) {
          decided.push(before);
          continue;
        }
        let result: Applied;
        try {
          result = await decide(ctx, trx, clock, pusher, mutation);
        } catch (error) {
          // The pure rule ran out of ids before this mutation wrote anything: commit the group
          // so far, reserve more, and go on from this mutation.
          if (!(error instanceof IdsExhausted)) throw error;
          stop = 'ids';
          break;
        }
        // The same id twice in one push: the second answers the first's outcome.
        recorded.set(mutation.id, result.outcome);
        records.push(outcomeRow(clientId, pusher, mutation, result.outcome, ctx.now()));
        decided.push(result.outcome);
        for (const storeId of result.touched) touched.add(storeId);
      }
      if (records.length) await trx.insertInto('client_mutations').values(records).execute();
      await clock.finish(trx);
      return { decided, touched, stop };
    });
    const group = await retryOnUniqueViolation(runGroup);
    outcomes.push(...group.decided);
    next += group.decided.length;
    if (group.touched.size) ctx.pokes.poke({ storeIds: [...group.touched] });
    // A mutation that needed more ids than were in hand: reserve more and go on from it.
    idsWanted = group.stop === 'ids' ? idsWanted * 4 : EVENT_IDS_PER_MUTATION * Math.min(GROUP, mutations.length - next);
    if (idsWanted > 1_000_000) throw new Error('push: a mutation wants more than a million timeline ids');
  }
  return { outcomes };
}
