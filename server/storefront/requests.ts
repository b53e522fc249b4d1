import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { storefrontAnswerSchema } from '../../shared/contract/sync-protocol.js';
import type { Failure } from '../../shared/domain/result.js';
import type { ServerContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { IdsExhausted } from '../db/ids.js';
import type { ServerDatabase } from '../db/schema.js';
import { lockVersions } from '../db/versions.js';
import { HttpError } from '../http/errors.js';

export type StorefrontAnswer = z.infer<typeof storefrontAnswerSchema>;
export type StorefrontKind = 'order' | 'cancellation' | 'return' | 'delivery';

const STATUS_OF: Record<string, number> = { INVALID_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, INTERNAL: 500 };

/** A refusal of an order rule as an HTTP answer: business refusals are 409 unless said otherwise. */
export const refusal = (failure: Failure) => new HttpError(STATUS_OF[failure.code] ?? 409, failure.code, failure.message, failure.fields);

async function answered(ctx: ServerContext, requestId: string, kind: StorefrontKind): Promise<StorefrontAnswer | null> {
  const row = await ctx.sdb.db.selectFrom('storefront_requests').select(['kind', 'answer']).where('request_id', '=', requestId).executeTakeFirst();
  if (!row) return null;
  if (row.kind !== kind) throw new HttpError(409, 'CONFLICT', `This requestId was already used for a ${row.kind} request.`);
  return { ...(JSON.parse(row.answer) as StorefrontAnswer), created: false };
}

export interface Written {
  answer: StorefrontAnswer;
  /** The stores whose desks should pull now. */
  storeIds: number[];
}

/**
 * Runs a storefront write once per requestId: a repeat answers the first answer (created: false).
 * `prepare` runs before the transaction (id reservations); `write` inside it, with the request
 * recorded in the same commit, so a crash leaves either both or neither.
 */
export async function once<P>(
  ctx: ServerContext,
  requestId: string,
  kind: StorefrontKind,
  prepare: (attempt: number) => Promise<P>,
  write: (trx: Transaction<ServerDatabase>, prepared: P, now: number) => Promise<Written>,
): Promise<StorefrontAnswer> {
  const before = await answered(ctx, requestId, kind);
  if (before) return before;
  for (let attempt = 0; ; attempt++) {
    const prepared = await prepare(attempt);
    try {
      const written = await ctx.sdb.db.transaction().execute(async (trx) => {
        await lockVersions(trx, ctx.sdb.dialect);
        const now = ctx.now();
        const result = await write(trx, prepared, now);
        await trx
          .insertInto('storefront_requests')
          .values({ request_id: requestId, kind, answer: JSON.stringify(result.answer), created_at: now })
          .execute();
        return result;
      });
      ctx.pokes.poke({ storeIds: written.storeIds });
      return written.answer;
    } catch (error) {
      if (error instanceof IdsExhausted) continue;
      if (isUniqueViolation(error)) {
        const again = await answered(ctx, requestId, kind);
        if (again) return again;
      }
      throw error;
    }
  }
}
