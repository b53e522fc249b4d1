/**
 * Stable error codes. They cross every boundary (IPC, web host, sync) and are
 * shown to people as sentences, so a code is never renamed once shipped.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_TRANSITION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  /** Another station is packing this order; the caller may take it over. */
  'CLAIMED_ELSEWHERE',
  /** Shipping items that were not verified by scan, without an override reason. */
  'NOT_VERIFIED',
  'UNKNOWN_CALL',
  'REFUND_EXCEEDS_CAPTURED',
  /** Too soon after the same action on the same thing; the message says when to try again. */
  'RATE_LIMITED',
  /** The shop backend didn't answer (network down, server stopped, 5xx): nothing was changed there. */
  'UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Field-level detail for forms; keys are dotted input paths. */
  fields?: Record<string, string>;
}

export interface Success<T> {
  ok: true;
  value: T;
}

export type Result<T> = Success<T> | Failure;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Failure =>
  fields ? { ok: false, code, message, fields } : { ok: false, code, message };
