import type { DeskBridge } from '../../shared/contract/bridge.js';
import {
  events,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
} from '../../shared/contract/index.js';
import type { Result } from '../../shared/domain/result.js';
import { toResult, unreachable } from './result-shape.js';
import { createWebBridge, takeSessionToken } from './web-transport.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer runs behind the web host. */
    orderDesk?: DeskBridge;
  }
}

let bridge: DeskBridge | null = null;

function getBridge(): DeskBridge {
  bridge ??= window.orderDesk ?? createWebBridge(takeSessionToken());
  return bridge;
}

/** Call a contract entry. Never throws: transport faults come back as an INTERNAL failure. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  try {
    const result = toResult(await getBridge().call(name, input));
    return result as Result<CallOutput<N>>;
  } catch {
    return unreachable();
  }
}

/**
 * Listen to an event main pushes. Payloads are checked against the contract schema and
 * malformed ones dropped, so listeners can rely on their type. Returns an unsubscribe function.
 */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const schema = events[event].payload;
  return getBridge().on(event, (raw) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

/** Takes the token out of the URL as early as possible, before anything renders or logs. */
export function initTransport(): void {
  getBridge();
}
