import { ERROR_CODES, type ErrorCode, type Failure, type Result } from '../../shared/domain/result.js';

export const unreachable = (): Failure => ({
  ok: false,
  code: 'INTERNAL',
  message: 'The desk service is not reachable. Check that it is running, then try again.',
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FALLBACK_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some of the details are not valid.',
  INVALID_TRANSITION: "That can't be done to this order in its current state.",
  NOT_FOUND: 'That order could not be found.',
  FORBIDDEN: "You don't have permission to do that.",
  UNAUTHENTICATED: 'Your session has ended. Open the desk again to sign in.',
  CONFLICT: 'Someone else changed this at the same time. Reload and try again.',
  CLAIMED_ELSEWHERE: 'Another station is packing this order.',
  NOT_VERIFIED: 'Some items were not verified by scanning. Scan them, or override with a reason.',
  UNKNOWN_CALL: 'The desk service does not know that request. It may be a different version.',
  REFUND_EXCEEDS_CAPTURED: 'That refund is more than the amount captured.',
  RATE_LIMITED: 'That was done a moment ago. Wait a little, then try again.',
  UNREACHABLE: "The shop backend can't be reached. Check the address and the network, then try again.",
  INTERNAL: 'Something went wrong in the desk service.',
};

/**
 * Checks the shape of whatever came back over a transport. Values are handed on as they are
 * (the contract types describe them); failures are rebuilt from known fields only so that a
 * person always sees a sentence, never a bare code or an object.
 */
export function toResult(raw: unknown): Result<unknown> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') {
    return { ok: false, code: 'INTERNAL', message: 'The desk service sent an answer this screen does not understand.' };
  }
  if (raw.ok) {
    return 'value' in raw ? { ok: true, value: raw.value } : { ok: false, code: 'INTERNAL', message: 'The desk service sent an empty answer.' };
  }
  const code: ErrorCode = (ERROR_CODES as readonly unknown[]).includes(raw.code) ? (raw.code as ErrorCode) : 'INTERNAL';
  const message = typeof raw.message === 'string' && raw.message.trim() !== '' ? raw.message : FALLBACK_MESSAGES[code];
  const failure: Failure = { ok: false, code, message };
  if (isRecord(raw.fields)) {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw.fields)) if (typeof value === 'string') fields[key] = value;
    failure.fields = fields;
  }
  return failure;
}
