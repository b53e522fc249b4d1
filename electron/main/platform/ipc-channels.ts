export { IPC_CALL_CHANNEL as CALL_CHANNEL, IPC_EVENT_CHANNEL as EVENT_CHANNEL } from '../../../shared/contract/bridge.js';

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
