import type { ServerResponse } from 'node:http';
import { canSeeStores } from '../auth/actor.js';

interface Listener {
  userId: number;
  storeIds: number[] | null;
  res: ServerResponse;
  due: boolean;
}

/** Which readers a commit concerns: the stores it touched, or everyone (a store or staff change). */
export type PokeScope = { storeIds: readonly number[] } | 'everyone';

/**
 * Server-sent events to connected desks. After a commit, each desk whose scope saw the change gets
 * a `poke` (pull now); pokes within `delayMs` go out as one, so a burst of commits costs a desk
 * one pull. A comment every `heartbeatMs` keeps proxies from closing an idle stream.
 */
export class PokeHub {
  private readonly listeners = new Set<Listener>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  /** Other server processes' pokes are relayed here, and ours to them (see poke-relay.ts). */
  private relay: ((scope: PokeScope) => void) | null = null;

  constructor(private readonly options: { heartbeatMs: number; delayMs: number }) {
    this.heartbeat = setInterval(() => this.writeAll(': heartbeat\n\n'), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.listeners.size;
  }

  open(res: ServerResponse, reader: { userId: number; storeIds: number[] | null }): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // A first poke: whatever changed while this desk was away is waiting.
    res.write('retry: 2000\n\nevent: poke\ndata: {}\n\n');
    const listener: Listener = { userId: reader.userId, storeIds: reader.storeIds, res, due: false };
    this.listeners.add(listener);
    res.on('close', () => this.listeners.delete(listener));
  }

  /** After a commit in this process: its desks, and those of the other processes on the database. */
  poke(scope: PokeScope): void {
    this.relay?.(scope);
    this.deliver(scope);
  }

  relayTo(relay: ((scope: PokeScope) => void) | null): void {
    this.relay = relay;
  }

  /** Pokes this process's desks only (a commit relayed from another process). */
  deliver(scope: PokeScope): void {
    let any = false;
    for (const listener of this.listeners) {
      if (scope === 'everyone' || canSeeStores(listener, scope.storeIds)) {
        listener.due = true;
        any = true;
      }
    }
    if (any && !this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), this.options.delayMs);
      this.flushTimer.unref();
    }
  }

  /** Ends the streams of a user whose sessions were revoked. */
  disconnectUser(userId: number): void {
    for (const listener of this.listeners) {
      if (listener.userId === userId) {
        this.listeners.delete(listener);
        listener.res.end();
      }
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const listener of this.listeners) listener.res.end();
    this.listeners.clear();
  }

  private flush(): void {
    this.flushTimer = null;
    for (const listener of this.listeners) {
      if (!listener.due) continue;
      listener.due = false;
      listener.res.write('event: poke\ndata: {}\n\n');
    }
  }

  private writeAll(chunk: string): void {
    for (const listener of this.listeners) listener.res.write(chunk);
  }
}
