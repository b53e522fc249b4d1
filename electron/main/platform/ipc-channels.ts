// IPC wire between main and the preload. electron/preload/channels.ts holds the same strings
// (the layering rule keeps the two sides from importing each other); ipc-channels.test.ts
// checks they agree.

/** Renderer → main: `{ name, input }`, answered with a Result. The only invoke channel. */
export const CALL_CHANNEL = 'desk:call';
/** Main → renderer: `{ event, payload }` for contract events. */
export const EVENT_CHANNEL = 'desk:event';

export interface CallMessage {
  name: string;
  input: unknown;
}

/** The shape of a call request, or null: the contract name check happens in dispatch. */
export function parseCallMessage(raw: unknown): CallMessage | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { name, input } = raw as { name?: unknown; input?: unknown };
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) return null;
  return { name, input };
}
