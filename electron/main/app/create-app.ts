import { randomUUID } from 'node:crypto';
import type { OrderStore } from '../../../db/store.js';
import type { EventName } from '../../../shared/contract/index.js';
import { defaultSlipsDir, type Printouts, webPrintouts } from '../services/slips/printouts.js';
import type { NotificationService } from '../services/notifications/ports.js';
import type { AppContext } from './context.js';
import { createDispatch, type Dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface App {
  ctx: AppContext;
  dispatch: Dispatch;
  /** Transports subscribe to push events (orders.changed) to their clients. */
  subscribe: (listener: EventListener) => () => void;
}

export interface CreateAppOptions {
  now?: () => number;
  newId?: () => string;
  logError?: (message: string, error: unknown) => void;
  /**
   * Development and test self-checks, off in the app's hot path: every answer against its output
   * schema, and every call's writes against its declared kind (see write-path/call-kind.ts).
   */
  selfCheck?: boolean;
  /** Packing-slip PDFs: userData/slips in the desktop app; a temp folder per database otherwise. */
  slipsDir?: string;
  /** Opens finished PDFs (the OS viewer in Electron); defaults to URLs served by the web host. */
  printouts?: Printouts;
  /** Builds the notification sender; it reports status changes through the app's events. */
  notifications?: (app: Pick<AppContext, 'store' | 'emit'>) => NotificationService;
}

/** Wires a store into the handler table. Shared by the Electron main process, the web host and tests. */
export function createApp(store: OrderStore, options: CreateAppOptions = {}): App {
  const listeners = new Set<EventListener>();
  const ctx: AppContext = {
    store,
    now: options.now ?? Date.now,
    newId: options.newId ?? randomUUID,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
    logError:
      options.logError ??
      ((message, error) => console.error(`[order-desk] ${message}:`, error instanceof Error ? error.stack : String(error))),
    slipsDir: options.slipsDir ?? defaultSlipsDir(store),
    printouts: options.printouts ?? webPrintouts,
  };
  if (options.notifications) ctx.notifications = options.notifications(ctx);
  const dispatch = createDispatch(ctx, createHandlers(ctx), { selfCheck: options.selfCheck ?? false });
  return {
    ctx,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
