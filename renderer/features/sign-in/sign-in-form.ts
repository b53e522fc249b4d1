import { signInInputSchema } from '../../../shared/contract/sync-calls.js';
import type { Failure } from '../../../shared/domain/result.js';

/** The form as typed. The password starts empty every time: the desk never sends one back. */
export interface SignInDraft {
  serverUrl: string;
  email: string;
  password: string;
}

export type SignInField = keyof SignInDraft;
export type SignInErrors = Partial<Record<SignInField, string>>;

const FIELDS: readonly SignInField[] = ['serverUrl', 'email', 'password'];
const isField = (key: string): key is SignInField => (FIELDS as readonly string[]).includes(key);

export const emptyDraft = (serverUrl: string | null, email = ''): SignInDraft => ({ serverUrl: serverUrl ?? '', email, password: '' });

/**
 * Checks the draft with the very schema main parses it with, so the sentences on the fields are
 * main's own and a draft that passes here is not refused there for its shape.
 */
export function checkDraft(draft: SignInDraft): SignInErrors {
  const parsed = signInInputSchema.safeParse(draft);
  if (parsed.success) return {};
  const errors: SignInErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (isField(key)) errors[key] ??= issue.message;
  }
  return errors;
}

/** Which field a refusal is about, so the cursor goes where the fix is. */
export type SignInProblem =
  | { kind: 'fields'; errors: SignInErrors; banner: string | null }
  /** Wrong email or password: the password is cleared and typed again. */
  | { kind: 'credentials'; banner: string }
  /** Too many attempts: the message says how long to wait. */
  | { kind: 'rate_limited'; banner: string }
  /** The backend didn't answer, or answered something that isn't a shop backend. */
  | { kind: 'server'; banner: string }
  | { kind: 'other'; banner: string };

/** Sorts main's refusal of session.signIn into what the form does with it. */
export function problemFrom(failure: Failure): SignInProblem {
  const errors: SignInErrors = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(failure.fields ?? {})) {
    const field = key.split('.')[0] ?? '';
    if (isField(field)) errors[field] ??= message;
    else other.push(message);
  }
  if (Object.keys(errors).length > 0) {
    return { kind: 'fields', errors, banner: other.length > 0 ? other.join(' ') : null };
  }
  switch (failure.code) {
    case 'UNAUTHENTICATED':
      return { kind: 'credentials', banner: failure.message };
    case 'RATE_LIMITED':
      return { kind: 'rate_limited', banner: failure.message };
    case 'UNREACHABLE':
    case 'INTERNAL':
    case 'UNKNOWN_CALL':
    case 'NOT_FOUND':
      return { kind: 'server', banner: failure.message };
    default:
      return { kind: 'other', banner: failure.message };
  }
}

/** The field to put the cursor in after a refusal. */
export function focusAfter(problem: SignInProblem): SignInField | null {
  switch (problem.kind) {
    case 'fields':
      return FIELDS.find((field) => problem.errors[field] !== undefined) ?? null;
    case 'credentials':
      return 'password';
    case 'server':
      return 'serverUrl';
    default:
      return null;
  }
}
