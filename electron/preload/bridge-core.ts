// The bridge's logic without Electron: index.ts plugs ipcRenderer into it, bridge-core.test.ts
// plugs in a fake. What passes here is all the renderer can reach of main.
import type { DeskBridge } from '../../shared/contract/bridge.js';
import { events, isCallName, type EventName } from '../../shared/contract/index.js';
import { ERROR_CODES, fail, type Result } from '../../shared/domain/result.js';

/** The two IPC operations the bridge needs; never handed to the renderer. */
export interface BridgeTransport {
  /** Sends `{ name, input }` on the call channel and resolves with main's answer. */
  invoke(message: { name: string; input: unknown }): Promise<unknown>;
  /** Starts delivering event-channel messages (the message only, never the IPC event object). */
  listen(handler: (message: unknown) => void): void;
}

export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(events, name);

/** Whether main's answer has the Result shape the renderer relies on. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; code?: unknown; message?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  return (
    candidate.ok === false &&
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

export function createDeskBridge(transport: BridgeTransport, reportError: (message: string, error: unknown) => void): DeskBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let listening = false;

  const deliver = (message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        reportError(`a listener for ${event} failed`, error);
      }
    }
  };

  return {
    async call(name, input) {
      // Unknown names are answered here and never reach IPC: the renderer can't probe main.
      if (typeof name !== 'string' || !isCallName(name)) {
        return fail('UNKNOWN_CALL', `There is no call named "${String(name).slice(0, 80)}".`);
      }
      let answer: unknown;
      try {
        answer = await transport.invoke({ name, input });
      } catch (error) {
        reportError(`call ${name} could not be delivered`, error);
        return fail('INTERNAL', "The desk couldn't handle that request. Nothing was changed; try again.");
      }
      return isResult(answer) ? answer : fail('INTERNAL', 'The desk gave an answer this screen could not read.');
    },

    on(event, listener) {
      if (!isEventName(event)) throw new TypeError(`There is no event named "${String(event).slice(0, 80)}".`);
      if (typeof listener !== 'function') throw new TypeError('on() needs a listener function.');
      if (!listening) {
        transport.listen(deliver);
        listening = true;
      }
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
}
