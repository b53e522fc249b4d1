import type { z } from 'zod';
import { InvalidCursorError } from '../../../db/queries/queue.js';
import { calls, isCallName, MAX_INPUT_BYTES, roleHas, type CallName } from '../../../shared/contract/index.js';
import { fail, type Result } from '../../../shared/domain/result.js';
import type { Actor, AppContext } from './context.js';
import type { Handler, Handlers } from './handlers.js';

export type Dispatch = (actor: Actor | null, name: string, rawInput: unknown) => Result<unknown>;

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
export function createDispatch(ctx: AppContext, handlers: Handlers, options: { checkOutputs?: boolean } = {}): Dispatch {
  return (actor, name, rawInput) => {
    if (!isCallName(name)) return fail('UNKNOWN_CALL', `There is no call named "${name.slice(0, 80)}".`);
    const definition = calls[name];
    const size = inputSize(rawInput);
    if (size === null) return fail('INVALID_INPUT', 'The request could not be read.');
    if (size > (definition.maxInputBytes ?? MAX_INPUT_BYTES)) return fail('INVALID_INPUT', 'The request is too large.');
    if (!actor) return fail('UNAUTHENTICATED', 'Sign in to use the desk.');
    if (!roleHas(actor.role, definition.permission)) return fail('FORBIDDEN', "Your role doesn't allow this.");
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = Object.entries(fields)[0];
      return fail('INVALID_INPUT', first ? `${first[0]}: ${first[1]}` : 'The request is not valid.', fields);
    }
    try {
      const handler = handlers[name] as Handler<CallName>;
      const result = handler(parsed.data as never, actor);
      if (result.ok && options.checkOutputs) definition.output.parse(result.value);
      return result;
    } catch (error) {
      if (error instanceof InvalidCursorError) return fail('INVALID_INPUT', error.message, { cursor: error.message });
      ctx.logError(`call ${name} failed`, error);
      return fail('INTERNAL', 'Something went wrong on this desk. Nothing was changed; try again.');
    }
  };
}
