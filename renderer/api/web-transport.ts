import type { DeskBridge, WebCallRequest } from '../../shared/contract/bridge.js';
import type { EventName } from '../../shared/contract/index.js';
import type { Failure, Result } from '../../shared/domain/result.js';
import { toResult, unreachable } from './result-shape.js';

const TOKEN_KEY = 'orderDesk.sessionToken';

/**
 * The web host hands the session token over in the URL fragment (never sent to a server, kept
 * out of logs). Take it once, keep it for this tab only, and remove it from the address bar so
 * it isn't bookmarked, screenshotted or leaked through history.
 */
export function takeSessionToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const fromHash = new URLSearchParams(hash).get('token');
  if (fromHash) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const noToken: Failure = {
  ok: false,
  code: 'UNAUTHENTICATED',
  message: 'This page has no session token.',
};

/** DeskBridge over the development/test web host: POST /api/call and server-sent events. */
export function createWebBridge(token: string | null): DeskBridge {
  let source: EventSource | null = null;

  return {
    async call(name: string, input: unknown): Promise<Result<unknown>> {
      if (!token) return noToken;
      const body: WebCallRequest = { name, input };
      let response: Response;
      try {
        response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
          cache: 'no-store',
        });
      } catch {
        return unreachable();
      }
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        return {
          ok: false,
          code: 'INTERNAL',
          message: `The desk service sent an unreadable answer (HTTP ${response.status}).`,
        };
      }
      return toResult(json);
    },

    on(event: EventName, listener: (payload: unknown) => void): () => void {
      if (!token) return () => {};
      source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const handler = (message: MessageEvent) => {
        let payload: unknown;
        try {
          payload = JSON.parse(String(message.data));
        } catch {
          return;
        }
        listener(payload);
      };
      source.addEventListener(event, handler as EventListener);
      return () => source?.removeEventListener(event, handler as EventListener);
    },
  };
}
