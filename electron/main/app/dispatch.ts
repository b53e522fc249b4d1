import type { z } from 'zod';
import { InvalidCursorError } from '../../../db/queries/queue.js';
import { calls, isCallName, MAX_INPUT_BYTES, roleHas, type CallName } from '../../../shared/contract/index.js';
import { fail, type Result } from '../../../shared/domain/result.js';
import { withScope } from './access.js';
import type { Actor, AppContext } from './context.js';
import { runAsKind } from './write-path/call-kind.js';
import { ASYNC_CALLS, PUBLIC_CALLS, type AsyncCall, type Handler, type Handlers } from './handler-types.js';

/** A contract call answers now, an async one (ASYNC_CALLS) later; a name only known at run time, either. */
export type DispatchAnswer<N extends string> = N extends AsyncCall
  ? Promise<Result<unknown>>
  : N extends CallName
    ? Result<unknown>
    : Result<unknown> | Promise<Result<unknown>>;
export type Dispatch = <N extends string>(actor: Actor | null, name: N, rawInput: unknown) => DispatchAnswer<N>;

const asyncCalls: ReadonlySet<string> = new Set(ASYNC_CALLS);
const publicCalls: ReadonlySet<string> = new Set(PUBLIC_CALLS);

function wakeSync(ctx: AppContext): void {
  try {
    ctx.sync?.wake();
  } catch (error) {
    ctx.logError('waking the sync engine failed', error);
  }
}

/** A call the contract makes public must have a handler typed for "no one signed in", and back. */
function checkPublicCalls(): void {
  for (const [name, definition] of Object.entries(calls)) {
    if ((definition.permission === 'public') !== publicCalls.has(name)) {
      throw new Error(`${name}: its contract permission and PUBLIC_CALLS disagree`);
    }
  }
}

function inputSize(raw: unknown): number | null {
  try {
    return raw === undefined ? 0 : (JSON.stringify(raw)?.length ?? 0);
  } catch {
    return null;
  }
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The one door into the handler table. Order matters: an unknown call, an oversized or
 * unserialisable input, a missing actor or a missing permission is refused before any parsing
 * or database work; then zod parses; then the handler runs. Unexpected exceptions become
 * INTERNAL with no internals leaked to the caller.
 */
export function createDispatch(ctx: AppContext, handlers: Handlers, options: { selfCheck?: boolean } = {}): Dispatch {
  checkPublicCalls();
  const dispatch = (actor: Actor | null, name: string, rawInput: unknown): Result<unknown> | Promise<Result<unknown>> => {
    // An async call refused up front still answers with a promise, as its type says.
    const early = (failure: Result<unknown>) => (asyncCalls.has(name) ? Promise.resolve(failure) : failure);
    if (!isCallName(name)) return fail('UNKNOWN_CALL', `There is no call named "${name.slice(0, 80)}".`);
    const definition = calls[name];
    const size = inputSize(rawInput);
    if (size === null) return early(fail('INVALID_INPUT', 'The request could not be read.'));
    if (size > (definition.maxInputBytes ?? MAX_INPUT_BYTES)) return early(fail('INVALID_INPUT', 'The request is too large.'));
    const isPublic = definition.permission === 'public';
    if (!actor && !isPublic) return early(fail('UNAUTHENTICATED', 'Sign in to use the desk.'));
    if (actor && !roleHas(actor.role, definition.permission)) return early(fail('FORBIDDEN', "Your role doesn't allow this."));
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = Object.entries(fields)[0];
      return early(fail('INVALID_INPUT', first ? `${first[0]}: ${first[1]}` : 'The request is not valid.', fields));
    }
    const checked = (result: Result<unknown>): Result<unknown> => {
      if (result.ok && options.selfCheck) definition.output.parse(result.value);
      // A mutation that answered has committed (handlers are synchronous) and may have written an
      // outbox row: the sync engine pushes it now rather than on its next round.
      if (result.ok && definition.kind === 'mutation') wakeSync(ctx);
      return result;
    };
    const faulted = (error: unknown): Result<unknown> => {
      if (error instanceof InvalidCursorError) return fail('INVALID_INPUT', error.message, { cursor: error.message });
      ctx.logError(`call ${name} failed`, error);
      return fail('INTERNAL', 'Something went wrong on this desk. Nothing was changed; try again.');
    };
    try {
      const handler = handlers[name] as Handler<CallName>;
      const result: Result<unknown> | Promise<Result<unknown>> = runAsKind(
        ctx.store,
        { name, kind: definition.kind, countWrites: options.selfCheck === true },
        () => handler(parsed.data as never, actor ? withScope(actor) : (null as never)),
      );
      if (result instanceof Promise) return result.then(checked).catch(faulted);
      return checked(result);
    } catch (error) {
      return early(faulted(error));
    }
  };
  return dispatch as Dispatch;
}
