import { z } from 'zod';
import {
  isSyncedMutationName,
  mutationOutcomeSchema,
  type MutationOutcome,
  type PushedMutation,
  type PushRequest,
  type PushResponse,
  type SyncedMutationName,
} from '../../shared/contract/sync-protocol.js';
import { fail } from '../../shared/domain/result.js';
import type { Actor } from '../auth/actor.js';
import type { ServerContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { IdsExhausted, reserveIds } from '../db/ids.js';
import { applyMutation, mutationOrderId, orderUnreachable, type MutationActor, type MutationResult } from '../orders/rules.js';
import { loadOrderForUpdate, orderOfShipment, writeOrder } from '../orders/store.js';
import { resolveAuthor } from './author.js';

type Rejected = Extract<MutationOutcome, { status: 'rejected' }>;
const rejected = (id: string, code: string, message: string): Rejected => ({ id, status: 'rejected', code, message });

interface Pushed {
  clientId: string;
  mutation: PushedMutation;
  pusher: Actor;
  authorId: number;
}

/** The outcome this client's mutation already had, if it was pushed before. */
async function storedOutcome(ctx: ServerContext, clientId: string, mutationId: string): Promise<MutationOutcome | null> {
  const row = await ctx.sdb.db
    .selectFrom('client_mutations')
    .select('outcome')
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', mutationId)
    .executeTakeFirst();
  return row ? mutationOutcomeSchema.parse(JSON.parse(row.outcome)) : null;
}

const outcomeRow = (pushed: Pushed, outcome: MutationOutcome, now: number) => ({
  client_id: pushed.clientId,
  mutation_id: pushed.mutation.id,
  name: pushed.mutation.name,
  author_id: pushed.authorId,
  pushed_by: pushed.pusher.userId,
  outcome: JSON.stringify(outcome),
  version: outcome.status === 'rejected' ? null : outcome.version,
  created_at: now,
});

/** Records an outcome decided before any order was touched; a concurrent twin's record wins. */
async function record(ctx: ServerContext, pushed: Pushed, outcome: MutationOutcome): Promise<MutationOutcome> {
  try {
    await ctx.sdb.db.insertInto('client_mutations').values(outcomeRow(pushed, outcome, ctx.now())).execute();
    return outcome;
  } catch (error) {
    if (isUniqueViolation(error)) return (await storedOutcome(ctx, pushed.clientId, pushed.mutation.id)) ?? outcome;
    throw error;
  }
}

async function currentVersion(ctx: ServerContext): Promise<number> {
  const meta = await ctx.sdb.db.selectFrom('meta').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return meta.version;
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

const shipArgsSchema = z.object({ shipmentId: z.string() }).loose();
const SHIPMENT_TAKEN = 'That shipment id is already used by another order.';
const EVENT_BLOCK = 16;
const ATTEMPTS = 4;

/**
 * Applies one order mutation in its own transaction: lock the order, run the pure rule, write the
 * doc at a new version and record the outcome, all or nothing. Nothing inside waits on anything
 * but the database.
 */
async function applyToOrder(ctx: ServerContext, pushed: Pushed, actor: MutationActor, orderId: number): Promise<MutationOutcome> {
  const { id, args } = pushed.mutation;
  const name = pushed.mutation.name as SyncedMutationName;
  const shipmentId = name === 'order.ship@1' ? (shipArgsSchema.safeParse(args).data?.shipmentId ?? null) : null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ids = await reserveIds(ctx.sdb.db, 'event', EVENT_BLOCK * 4 ** attempt);
    try {
      const result = await ctx.sdb.db.transaction().execute(async (trx) => {
        const now = ctx.now();
        const found = await loadOrderForUpdate(trx, ctx.sdb.dialect, { id: orderId });
        const elsewhere = found && shipmentId ? await orderOfShipment(trx, shipmentId) : null;
        let outcome: MutationOutcome;
        let touched: number[] = [];
        if (!found) {
          const refusal = orderUnreachable(actor.storeIds === null, orderId);
          outcome = rejected(id, refusal.code, refusal.message);
        } else if (elsewhere !== null && elsewhere !== orderId) {
          outcome = rejected(id, 'CONFLICT', SHIPMENT_TAKEN);
        } else {
          const applied = safely(ctx, () => applyMutation(found.doc, { name, args }, actor, now, { eventId: () => ids.next() }));
          if (!applied.ok) outcome = rejected(id, applied.code, applied.message);
          else if (!applied.changed) outcome = { id, status: 'applied', version: found.version };
          else {
            const version = await writeOrder(trx, applied.value, found.doc);
            outcome = { id, status: 'applied', version };
            touched = applied.value.storeIds;
          }
        }
        await trx.insertInto('client_mutations').values(outcomeRow(pushed, outcome, now)).execute();
        return { outcome, touched };
      });
      if (result.touched.length) ctx.pokes.poke({ storeIds: result.touched });
      return result.outcome;
    } catch (error) {
      if (error instanceof IdsExhausted) continue;
      if (!isUniqueViolation(error)) throw error;
      // A twin push recorded this mutation first, or a concurrent ship took the shipment id: look again.
      const stored = await storedOutcome(ctx, pushed.clientId, id);
      if (stored) return stored;
    }
  }
  throw new Error('push: gave up after repeated write conflicts');
}

async function applyOne(ctx: ServerContext, pushed: Pushed): Promise<MutationOutcome> {
  const { mutation, pusher } = pushed;
  const { id, name } = mutation;
  if (!isSyncedMutationName(name)) return record(ctx, pushed, rejected(id, 'UNKNOWN_MUTATION', `This server does not know the change "${name}".`));
  const author = await resolveAuthor(ctx.sdb.db, pusher, mutation.authorId);
  if (!author.ok) return record(ctx, pushed, rejected(id, author.code, author.message));
  const actor: MutationActor = {
    ...author.value,
    stationId: `session-${pusher.sessionId}`,
    stationName: pusher.device ?? 'Desk',
  };
  // The role's permission, then the args parsed with the desk call's own input schema.
  const target = mutationOrderId({ name, args: mutation.args }, actor);
  if (!target.ok) return record(ctx, pushed, rejected(id, target.code, target.message));
  // Desk-side effects about no order (a notification retry, saving to the desk's address book):
  // recorded as applied so the desk stops pushing them; nothing changes here.
  if (target.value === null) return record(ctx, pushed, { id, status: 'applied', version: await currentVersion(ctx) });
  return applyToOrder(ctx, pushed, actor, target.value);
}

/**
 * Applies a push in order, one transaction per mutation. An id already applied for this client
 * answers its first outcome again. A database fault stops the batch (5xx): what was committed
 * before it stays committed and is answered from the record when the desk pushes again.
 */
export async function push(ctx: ServerContext, pusher: Actor, request: PushRequest): Promise<PushResponse> {
  const outcomes: MutationOutcome[] = [];
  for (const mutation of request.mutations) {
    const before = await storedOutcome(ctx, request.clientId, mutation.id);
    if (before) {
      outcomes.push(before);
      continue;
    }
    const pushed: Pushed = { clientId: request.clientId, mutation, pusher, authorId: mutation.authorId ?? pusher.userId };
    outcomes.push(await applyOne(ctx, pushed));
  }
  return { outcomes };
}
