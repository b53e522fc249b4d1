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
