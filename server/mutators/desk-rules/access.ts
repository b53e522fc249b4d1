import type { z } from 'zod';
import { fail, type Failure } from '../../../shared/domain/result.js';

/**
 * An order the caller can't reach: NOT_FOUND for an admin, who sees everything; for a seller the
 * same FORBIDDEN whether it belongs to another store or doesn't exist, so ids can't be probed.
 * (Desk: electron/main/app/access.ts, unreachable + loadOrderFor.)
 */
export function orderUnreachable(seesEveryStore: boolean, orderId: number): Failure {
  return seesEveryStore ? fail('NOT_FOUND', `There is no order with id ${orderId}.`) : fail('FORBIDDEN', "This order isn't in any of your stores.");
}

/** A role without the call's permission (desk: electron/main/app/dispatch.ts). */
export const roleRefused = (): Failure => fail('FORBIDDEN', "Your role doesn't allow this.");

/** Input the call's schema refuses: field errors keyed by dotted path, the first one as the message (desk: dispatch.ts). */
export function invalidInput(error: z.ZodError): Failure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  return fail('INVALID_INPUT', first ? `${first[0]}: ${first[1]}` : 'The request is not valid.', fields);
}
