/**
 * The desk as its transports see it: one dispatch and one event stream, whichever store file is
 * open. It owns what a handler can't do for itself: signing in (a store file per backend and
 * scope, never the demo store, with its own handler table and sync engine), signing out (the
 * file and its outbox stay) and going back to the offline demo store. Part of the composition
 * root: Electron (index.ts), the web host and the tests each give it their own vault and stores.
 */
import { mkdirSync } from 'node:fs';
import type { OrderStore } from '../../db/store.js';
import type { EventName, Session } from '../../shared/contract/index.js';
import type { SignInResponse } from '../../shared/contract/sync-protocol.js';
import { fail, ok, type Result } from '../../shared/domain/result.js';
import type { Station } from './app/actor.js';
import type { Actor } from './app/context.js';
import { createApp, type App, type CreateAppOptions, type EventListener } from './app/create-app.js';
import type { Dispatch, DispatchAnswer } from './app/dispatch.js';
import { ASYNC_CALLS } from './app/handler-types.js';
import { actorFromStaff, ensureStaffRow, syncStoreFile, type AccountVault, type SavedAccount } from './app/session/account.js';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './app/sync/engine.js';
import { LOCAL_STATUS, type AccountPort, type SignInInput, type SyncPort } from './app/sync/ports.js';
import { pendingSummary, syncCounts } from './app/sync/rebase.js';
import { createHttpBackend, normaliseServerUrl, type BackendFailure, type ShopBackend } from './services/sync/client.js';

/** One open store file with its table, services and (signed in) engine. */
interface Opened {
  kind: 'demo' | 'server';
  file: string | null;
  store: OrderStore;
  app: App;
  actor: Actor | null;
  engine: SyncEngine | null;
  /** Stops what runs beside the table (the notification sender). */
  stopServices: () => Promise<void>;
  unsubscribe: () => void;
}

export interface DemoStore {
  store: OrderStore;
  /** Who the demo desk acts as (its first admin), as today. */
  actor: Actor | null;
}

export interface DeskHostOptions {
  station: Station;
  /** Where signed-in store files live (<userData>/sync). */
  syncDir: string;
  vault: AccountVault;
  openDemo: () => Promise<DemoStore | null>;
  /** Opens (creating if new) a backend's store file, migrated; the demo seeder never runs on it. */
  openSyncStore: (file: string) => OrderStore;
  /** The app options for a store: the notification sender, slip folders, logging. */
  appOptions?: (store: OrderStore) => CreateAppOptions;
  /** Starts what runs beside a table (called once per table); answers how to stop it. */
  startServices?: (app: App) => () => Promise<void>;
  backend?: (serverUrl: string) => ShopBackend;
  /** Shown in the admin's session list. */
  deviceName?: string;
  engine?: Pick<SyncEngineOptions, 'intervalMs' | 'listen' | 'pullLimit' | 'wakeDelayMs' | 'random'>;
  now?: () => number;
  logError: (message: string, error: unknown) => void;
}

export interface DeskHost {
  dispatch<N extends string>(name: N, input: unknown): DispatchAnswer<N>;
  /** The table's door for transports that pass the actor they read from actor() just before. */
  dispatchAs: Dispatch;
  actor(): Actor | null;
  /** The table in use now (tests reach its store through it). */
  current(): { app: App; kind: 'demo' | 'server'; file: string | null; engine: SyncEngine | null };
  subscribe(listener: EventListener): () => void;
  /**
   * Opens the signed-in backend's store file if someone is signed in, else the demo store (a
   * backend signed out of stays remembered for the sign-in screen; its file keeps its outbox).
   * False when no store could be opened (the reason was already shown).
   */
  start(): Promise<boolean>;
  stop(): Promise<void>;
}

/** The backend's Retry-After in words: a person at the desk needs to know how long, not just "later". */
export function rateLimited(retryAfterMs: number | null): string {
  if (retryAfterMs === null) return 'Too many sign-in attempts. Wait a little and try again.';
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds === 1 ? 'a second' : seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many sign-in attempts. Try again in ${wait}.`;
}

function signInFailure(failure: BackendFailure): Result<never> {
  switch (failure.kind) {
    case 'unreachable':
      return fail('UNREACHABLE', `${failure.message} Check the address and the network, then try again.`);
    case 'unauthenticated':
      return fail('UNAUTHENTICATED', 'That email and password do not match an account on this backend.');
    case 'refused':
      if (failure.status === 429) return fail('RATE_LIMITED', rateLimited(failure.retryAfterMs));
      if (failure.status === 400) return fail('INVALID_INPUT', failure.message, failure.fields);
      if (failure.status === 403) return fail('FORBIDDEN', failure.message);
      return fail('UNREACHABLE', `The backend refused the sign-in (${failure.message}).`);
  }
}

/** What a signed-out (or not yet started) backend store reports. */
function signedOutSync(store: OrderStore, serverUrl: string, needsSignIn: boolean): SyncPort {
  const status = () => ({
    ...LOCAL_STATUS,
    connection: 'signed_out' as const,
    serverUrl,
    ...pendingSummary(store),
    ...syncCounts(store),
    needsSignIn,
  });
  return { status, syncNow: async () => status(), wake: () => undefined };
}

export function createDeskHost(options: DeskHostOptions): DeskHost {
  const listeners = new Set<EventListener>();
  const now = options.now ?? Date.now;
  const makeBackend = options.backend ?? ((url: string) => createHttpBackend(url));
  let opened: Opened | null = null;
  // Sign-in, sign-out and switching run one at a time: two at once would open two tables.
  let switching: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = switching.then(work, work);
    switching = next.catch(() => undefined);
    return next;
  };

  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners) listener(event, payload);
  };

  const account: AccountPort = {
    signIn: (input) => serially(() => signIn(input)),
    signOut: () => serially(signOut),
    useDemo: () => serially(useDemo),
  };

  function build(kind: Opened['kind'], store: OrderStore, file: string | null, actor: Actor | null, sync: (app: App) => SyncPort | null): Opened {
    const app = createApp(store, { logError: options.logError, ...options.appOptions?.(store) });
    app.ctx.account = account;
    const port = sync(app);
    if (port) app.ctx.sync = port;
    const unsubscribe = app.subscribe(emit);
    return { kind, file, store, app, actor, engine: null, stopServices: async () => undefined, unsubscribe };
  }

  async function close(current: Opened | null, keepStore: boolean): Promise<void> {
    if (!current) return;
    current.unsubscribe();
    await current.engine?.stop();
    await current.stopServices();
    if (!keepStore) current.store.close();
  }

  /** A backend's store file with the person signed in (an engine), or signed out (none). */
  function openServer(saved: SavedAccount, reuse: Opened | null): Opened {
    const file = syncStoreFile(options.syncDir, saved.serverId, saved.user);
    let store: OrderStore;
    if (reuse?.file === file) store = reuse.store;
    else {
      mkdirSync(options.syncDir, { recursive: true });
      store = options.openSyncStore(file);
    }
    if (!saved.signedIn) return build('server', store, file, null, () => signedOutSync(store, saved.serverUrl, false));
    ensureStaffRow(store, saved.user, now());
    const backend = makeBackend(saved.serverUrl);
    let engine: SyncEngine | null = null;
    const next = build('server', store, file, actorFromStaff(saved.user, options.station), (app) => {
      engine = createSyncEngine({
        ctx: app.ctx,
        backend,
        token: () => options.vault.token(),
        signedIn: { user: saved.user, onScopeChanged: (user) => void serially(() => rescope(user)) },
        ...options.engine,
      });
      return engine;
    });
    next.engine = engine;
    return next;
  }

  async function switchTo(make: (previous: Opened | null) => Opened | Promise<Opened | null>): Promise<Opened | null> {
    const previous = opened;
    const next = await make(previous);
    if (!next) return null;
    // The previous table's services stop before the next one's start: on the same store file
    // (signing in again) two notification senders must never run at once.
    await close(previous, previous !== null && previous.store === next.store);
    opened = next;
    const stopServices = options.startServices?.(next.app);
    if (stopServices) next.stopServices = stopServices;
    next.engine?.start();
    emit('sync.changed', next.app.ctx.sync?.status() ?? LOCAL_STATUS);
    return next;
  }

  function sessionOf(current: Opened): Result<Session> {
    if (!current.actor) return fail('UNAUTHENTICATED', 'Sign in to use the desk.');
    return current.app.dispatch(current.actor, 'session.get', {}) as Result<Session>;
  }

  async function signIn(input: SignInInput): Promise<Result<Session>> {
    const serverUrl = normaliseServerUrl(input.serverUrl);
    if (serverUrl === null) return fail('INVALID_INPUT', 'Enter the backend address, starting with https://.', { serverUrl: 'Enter the backend address, starting with https://.' });
    const backend = makeBackend(serverUrl);
    const answer = await backend.signIn({ email: input.email, password: input.password, ...(options.deviceName ? { deviceName: options.deviceName } : {}) });
    if (!answer.ok) return signInFailure(answer.failure);
    const signedIn: SignInResponse = answer.value;
    try {
      await options.vault.setToken(signedIn.token);
    } catch (error) {
      // The OS keystore is missing or locked: refuse rather than keep the token in plain text.
      const message = error instanceof Error ? error.message : 'The sign-in could not be kept on this computer.';
      void backend.signOut(signedIn.token);
      return fail('FORBIDDEN', message);
    }
    const saved: SavedAccount = { serverUrl, serverId: signedIn.serverId, user: signedIn.user, signedIn: true };
    let next: Opened | null;
    try {
      next = await switchTo((previous) => openServer(saved, previous));
    } catch (error) {
      options.logError('opening the backend store failed', error);
      await options.vault.setToken(null);
      void backend.signOut(signedIn.token);
      return fail('INTERNAL', "Signed in, but this desk couldn't open its store for that backend. Nothing was changed.");
    }
    options.vault.save(saved);
    return next ? sessionOf(next) : fail('INTERNAL', 'The desk could not switch stores.');
  }

  /**
   * An admin changed the signed-in person's role or stores: their store file is another one now
   * (the old one keeps its outbox for whoever has that scope), and they act with the new rights.
   */
  async function rescope(user: SavedAccount['user']): Promise<void> {
    const saved = options.vault.load();
    if (!saved?.signedIn || saved.user.id !== user.id) return;
    const next: SavedAccount = { ...saved, user };
    try {
      await switchTo((previous) => openServer(next, previous));
      options.vault.save(next);
    } catch (error) {
      options.logError('opening the store file for a changed scope failed', error);
    }
  }

  async function signOut(): Promise<Result<{ signedOut: true }>> {
    const saved = options.vault.load();
    if (!saved || !saved.signedIn) return ok({ signedOut: true });
    const token = await options.vault.token().catch(() => null);
    // Revoked on the backend when it answers; a desk offline forgets the token all the same.
    if (token) await makeBackend(saved.serverUrl).signOut(token);
    await options.vault.setToken(null);
    const signedOut: SavedAccount = { ...saved, signedIn: false };
    options.vault.save(signedOut);
    await switchTo((previous) => openServer(signedOut, previous));
    return ok({ signedOut: true });
  }

  async function openDemo(): Promise<Opened | null> {
    const demo = await options.openDemo();
    if (!demo) return null;
    return build('demo', demo.store, null, demo.actor, () => null);
  }

  async function useDemo(): Promise<Result<Session>> {
    const saved = options.vault.load();
    // The backend is remembered signed out: its token is of no use while the demo store is open.
    if (saved?.signedIn) {
      const token = await options.vault.token().catch(() => null);
      if (token) await makeBackend(saved.serverUrl).signOut(token);
      await options.vault.setToken(null);
      options.vault.save({ ...saved, signedIn: false });
    }
    const next = await switchTo(() => openDemo());
    return next ? sessionOf(next) : fail('INTERNAL', "The demo store couldn't be opened.");
  }

  const host: DeskHost = {
    dispatch<N extends string>(name: N, input: unknown): DispatchAnswer<N> {
      return host.dispatchAs(opened?.actor ?? null, name, input);
    },
    dispatchAs: (<N extends string>(actor: Actor | null, name: N, input: unknown): DispatchAnswer<N> => {
      if (!opened) {
        const refused = fail('UNAUTHENTICATED', 'The desk is still starting.');
        return ((ASYNC_CALLS as readonly string[]).includes(name) ? Promise.resolve(refused) : refused) as DispatchAnswer<N>;
      }
      return opened.app.dispatch(actor, name, input);
    }) as Dispatch,
    actor: () => opened?.actor ?? null,
    current() {
      if (!opened) throw new Error('The desk has not started.');
      return { app: opened.app, kind: opened.kind, file: opened.file, engine: opened.engine };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      const saved = options.vault.load();
      return (await serially(() => switchTo(() => (saved?.signedIn ? openServer(saved, null) : openDemo())))) !== null;
    },
    async stop() {
      await serially(async () => {
        await close(opened, false);
        opened = null;
      });
    },
  };
  return host;
}
