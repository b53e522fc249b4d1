/**
 * The shop backend over HTTP (shared/contract/sync-protocol.ts). Every answer is parsed with zod;
 * whatever goes wrong comes back as a BackendFailure value, sorted by what the caller does next:
 * wait and retry (unreachable), ask for a sign-in (unauthenticated), or give up on this request
 * (refused). Tokens and passwords never reach a message or a log line.
 */
import { z } from 'zod';
import {
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SignInRequest,
  type SignInResponse,
} from '../../../../shared/contract/sync-protocol.js';

export type BackendFailure =
  /** No answer, a timeout, a 5xx or an answer that doesn't parse: try again later. */
  | { kind: 'unreachable'; message: string }
  /** 401: no, an expired or a revoked token (or, signing in, a wrong password). */
  | { kind: 'unauthenticated'; message: string }
  /** Any other 4xx: this request will not succeed as it is. */
  | { kind: 'refused'; status: number; code: string; message: string; fields?: Record<string, string>; retryAfterMs: number | null };

export type BackendAnswer<T> = { ok: true; value: T } | { ok: false; failure: BackendFailure };

/** The shop backend as the desk uses it; one per server address. */
export interface ShopBackend {
  readonly url: string;
  signIn(request: SignInRequest): Promise<BackendAnswer<SignInResponse>>;
  signOut(token: string): Promise<BackendAnswer<null>>;
  /** `signal` interrupts the request (the desk is stopping); it then answers unreachable. */
  push(token: string, request: PushRequest, signal?: AbortSignal): Promise<BackendAnswer<PushResponse>>;
  pull(token: string, request: PullRequest, signal?: AbortSignal): Promise<BackendAnswer<PullResponse>>;
  /**
   * Listens to the server's pokes (server-sent events) until the stream ends, fails or `signal`
   * aborts; resolves with why it stopped. `onOpen` runs once the server has accepted the stream.
   */
  listen(token: string, handlers: { onOpen: () => void; onPoke: () => void }, signal: AbortSignal): Promise<BackendFailure | null>;
}

export interface HttpBackendOptions {
  /** The request timeout; a pull page of 5,000 orders must fit in it. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The address as people type it, without a trailing slash; null when it isn't http(s). */
export function normaliseServerUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return null;
  }
}

const unreachable = (message: string): { ok: false; failure: BackendFailure } => ({ ok: false, failure: { kind: 'unreachable', message } });

function networkMessage(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'The shop backend did not answer in time.';
  return "The shop backend can't be reached.";
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

export function createHttpBackend(serverUrl: string, options: HttpBackendOptions = {}): ShopBackend {
  const base = normaliseServerUrl(serverUrl);
  if (base === null) throw new Error('The backend address must start with http:// or https://.');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<S extends z.ZodType>(
    path: string,
    init: { token?: string; body?: unknown; signal?: AbortSignal | undefined },
    schema: S,
  ): Promise<BackendAnswer<z.output<S>>> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        body: JSON.stringify(init.body ?? {}),
        signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return unreachable(networkMessage(error));
    }
    let body: unknown;
    try {
      const text = await response.text();
      body = text === '' ? null : JSON.parse(text);
    } catch (error) {
      return unreachable(error instanceof Error && error.name === 'TimeoutError' ? networkMessage(error) : "The shop backend's answer could not be read.");
    }
    if (response.ok) {
      const parsed = schema.safeParse(body);
      return parsed.success ? { ok: true, value: parsed.data } : unreachable("The shop backend's answer is not in the expected form.");
    }
    const error = errorBodySchema.safeParse(body);
    const message = error.success ? error.data.error.message : `The shop backend answered ${response.status}.`;
    if (response.status === 401) return { ok: false, failure: { kind: 'unauthenticated', message } };
    if (response.status >= 500 || response.status === 408) return unreachable(message);
    return {
      ok: false,
      failure: {
        kind: 'refused',
        status: response.status,
        code: error.success ? error.data.error.code : 'HTTP_' + String(response.status),
        message,
        ...(error.success && error.data.error.fields ? { fields: error.data.error.fields } : {}),
        retryAfterMs: retryAfter(response.headers.get('retry-after')),
      },
    };
  }

  return {
    url: base,
    signIn: (body) => request('/auth/sign-in', { body }, signInResponseSchema),
    signOut: async (token) => {
      const answer = await request('/auth/sign-out', { token }, anyBody);
      return answer.ok ? { ok: true, value: null } : answer;
    },
    push: (token, body, signal) => request('/sync/push', { token, body, signal }, pushResponseSchema),
    pull: (token, body, signal) => request('/sync/pull', { token, body, signal }, pullResponseSchema),
    listen: (token, handlers, signal) => listen(doFetch, `${base}/sync/events`, token, handlers, signal),
  };
}

/** Sign-out's answer carries nothing the desk needs. */
const anyBody = z.unknown();

async function listen(
  doFetch: typeof fetch,
  url: string,
  token: string,
  handlers: { onOpen: () => void; onPoke: () => void },
  signal: AbortSignal,
): Promise<BackendFailure | null> {
  let response: Response;
  try {
    response = await doFetch(url, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` }, signal });
  } catch (error) {
    return signal.aborted ? null : { kind: 'unreachable', message: networkMessage(error) };
  }
  if (response.status === 401) return { kind: 'unauthenticated', message: 'The session has ended.' };
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'unreachable', message: `The shop backend's event stream answered ${response.status}.` };
  }
  handlers.onOpen();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        // Comments (heartbeats) start with ':'; a poke is any named event 'poke', or a bare data line.
        const lines = block.split('\n').filter((line) => line !== '' && !line.startsWith(':'));
        if (lines.length === 0) continue;
        const name = lines.find((line) => line.startsWith('event:'))?.slice(6).trim() ?? 'message';
        if (name === 'poke' || name === 'message') handlers.onPoke();
      }
      // A stream that never ends its events must not grow without bound.
      if (buffered.length > 64 * 1024) buffered = '';
    }
  } catch (error) {
    return signal.aborted ? null : { kind: 'unreachable', message: networkMessage(error) };
  }
  return signal.aborted ? null : { kind: 'unreachable', message: "The shop backend's event stream closed." };
}
