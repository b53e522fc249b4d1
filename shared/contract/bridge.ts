import type { Result } from '../domain/result.js';
import type { EventName } from './index.js';

/**
 * What the preload exposes as window.orderDesk, and what the web host's browser transport
 * imitates. Only contract calls pass; the renderer never sees ipcRenderer.
 */
export interface DeskBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Web host wire format: POST /api/call with this body and `Authorization: Bearer <token>`. */
export interface WebCallRequest {
  name: string;
  input: unknown;
}

/** Electron IPC channels: renderer → main calls (`{ name, input }` → Result), main → renderer events (`{ event, payload }`). */
export const IPC_CALL_CHANNEL = 'desk:call';
export const IPC_EVENT_CHANNEL = 'desk:event';
