/**
 * What the desk-side sync figures drive: the shop backend as its own process (`server/cli.ts`,
 * so the desk's memory and CPU are measured apart from the server's), and desks built by the
 * composition root (createDeskHost) on real SQLite files, signed in over loopback HTTP. The
 * desk's backend client is wrapped to time its requests and to go offline on demand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../db/open.js';
import { memoryAccountVault } from '../../electron/main/app/session/account.js';
import { createDeskHost, type DeskHost } from '../../electron/main/desk-host.js';
import { createHttpBackend, type BackendAnswer, type ShopBackend } from '../../electron/main/services/sync/client.js';
import type { SyncStatus } from '../../shared/contract/index.js';
import { SHOP_PASSWORD } from './sync-shop.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ShopProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** `npm run server -- --db FILE --port 0` in a child process; answers once it listens. */
export async function startShopProcess(file: string, env: NodeJS.ProcessEnv = {}): Promise<ShopProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli.ts'), '--db', file, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const found = /^Shop backend on (\S+) /.exec(line);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the shop backend exited (${code}) before listening: ${stderr.trim()}`)));
  });
  return {
    url,
    pid: child.pid!,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Call {
  kind: 'push' | 'pull';
  start: number;
  end: number;
  rows: number;
}

/** The desk's HTTP client, timed, with a switch that makes it answer as if the network were down. */
export interface Meter {
  offline: boolean;
  calls: Call[];
}

function metered(inner: ShopBackend, meter: Meter): ShopBackend {
  const down = <T>(): BackendAnswer<T> => ({ ok: false, failure: { kind: 'unreachable', message: 'The bench took this desk offline.' } });
  return {
    url: inner.url,
    signIn: (request) => inner.signIn(request),
    signOut: (token) => inner.signOut(token),
    me: (token) => inner.me(token),
    async push(token, request, signal) {
      if (meter.offline) return down();
      const start = performance.now();
      const answer = await inner.push(token, request, signal);
      meter.calls.push({ kind: 'push', start, end: performance.now(), rows: request.mutations.length });
      return answer;
    },
    async pull(token, request, signal) {
      if (meter.offline) return down();
      const start = performance.now();
      const answer = await inner.pull(token, request, signal);
      const rows = answer.ok && answer.value.status === 'ok' ? answer.value.rows.length : 0;
      meter.calls.push({ kind: 'pull', start, end: performance.now(), rows });
      return answer;
    },
    async listen(token, handlers, signal) {
      if (meter.offline) return { kind: 'unreachable', message: 'The bench took this desk offline.' };
      return inner.listen(token, handlers, signal);
    },
  };
}

export interface BenchDesk {
  host: DeskHost;
  meter: Meter;
  errors: unknown[];
  /** Signs in and waits for the first full download. */
  signIn(url: string, email: string): Promise<void>;
  ok<T>(name: string, input: unknown): Promise<T>;
  status(): Promise<SyncStatus>;
  close(): Promise<void>;
}

/** A desk on its own folder, as the app builds it (production settings: no self-checks). */
export async function openBenchDesk(dir: string, name: string, options: { listen?: boolean } = {}): Promise<BenchDesk> {
  mkdirSync(dir, { recursive: true });
  const meter: Meter = { offline: false, calls: [] };
  const errors: unknown[] = [];
  const host = createDeskHost({
    station: { id: `bench-${name}`, name: `Bench ${name}` },
    syncDir: path.join(dir, 'sync'),
    vault: memoryAccountVault(),
    openDemo: async () => ({ store: openStore(path.join(dir, 'demo.sqlite')), actor: null }),
    openSyncStore: (file) => openStore(file),
    appOptions: () => ({ slipsDir: path.join(dir, 'slips') }),
    // Rounds on commits and pokes only, as a desk does between its 30 s timer rounds.
    engine: { intervalMs: 600_000, listen: options.listen ?? false },
    backend: (url) => metered(createHttpBackend(url, { timeoutMs: 120_000 }), meter),
    deviceName: `Bench ${name}`,
    logError: (message, error) => errors.push(new Error(`${name}: ${message}: ${error instanceof Error ? error.message : String(error)}`)),
  });
  await host.start();
  const ok = async <T>(call: string, input: unknown): Promise<T> => {
    const answer = await host.dispatch(call, input);
    if (!answer.ok) throw new Error(`${name}: ${call} failed: ${answer.code} ${answer.message}`);
    return answer.value as T;
  };
  return {
    host,
    meter,
    errors,
    ok,
    status: () => ok<SyncStatus>('sync.status', {}),
    async signIn(url, email) {
      await ok('session.signIn', { serverUrl: url, email, password: SHOP_PASSWORD });
      // The sign-in starts the engine's first round; sync.now waits for it (and runs one more).
      const status = await ok<SyncStatus>('sync.now', {});
      if (status.connection !== 'online' || status.firstPull !== null) throw new Error(`${name}: the first download did not finish: ${JSON.stringify(status)}`);
    },
    close: () => host.stop(),
  };
}
