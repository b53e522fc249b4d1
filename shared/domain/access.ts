import type { z } from 'zod';
import { fail, type Failure } from './result.js';

/**
 * Something the caller can't reach: NOT_FOUND for an admin, who sees everything; for a seller the
 * same FORBIDDEN whether it belongs to another store or doesn't exist at all, so ids can't be probed.
 */
export function unreachable(seesEveryStore: boolean, notFound: string, forbidden: string): Failure {
  return seesEveryStore ? fail('NOT_FOUND', notFound) : fail('FORBIDDEN', forbidden);
}

/** An order the caller can't reach (see unreachable): the desk's loadOrderFor and the server's documents say the same. */
export const orderUnreachable = (seesEveryStore: boolean, orderId: number): Failure =>
  unreachable(seesEveryStore, `There is no order with id ${orderId}.`, "This order isn't in any of your stores.");

/** A role without the call's permission. */
export const roleRefused = (): Failure => fail('FORBIDDEN', "Your role doesn't allow this.");

/**
 * Input a call's schema refuses: field errors keyed by dotted path (`_` for the input as a whole),
 * the first per field, and the first of them as the message, so a form marks the right field and
 * a caller without one still reads what is wrong.
 */
export function invalidInput(error: z.ZodError): Failure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  return fail('INVALID_INPUT', first ? `${first[0]}: ${first[1]}` : 'The request is not valid.', fields);
}
