// `npm start -- --web` end to end: on an empty user data folder it seeds the desktop app's store,
// serves the desk, and Ctrl-C stops it with the store closed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let configHome: string;
let child: ChildProcess | null = null;

beforeEach(() => {
  configHome = mkdtempSync(path.join(tmpdir(), 'order-desk-start-'));
});
afterEach(() => {
  // A failed test must not leave the desk running.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  rmSync(configHome, { recursive: true, force: true });
});

describe('npm start -- --web', () => {
  it("seeds and serves the desktop app's store, and Ctrl-C closes it", { timeout: 180_000 }, async () => {
    // No display: the browser is not opened, as on this test machine anyway.
    const desk = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-open'], {
      cwd: ROOT,
      env: { ...process.env, XDG_CONFIG_HOME: configHome, DISPLAY: '', WAYLAND_DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = desk;
    let output = '';
    const exited = new Promise<number | null>((resolve) => desk.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 150 s:\n${output}`)), 150_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /web host \(.*\): (http:\/\/\S+)/.exec(output)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      desk.stdout.on('data', read);
      desk.stderr.on('data', read);
      void exited.then((code) => reject(new Error(`start.mjs exited (${code}) before serving:\n${output}`)));
    });

    const store = path.join(configHome, 'order-desk', 'order-desk.sqlite');
    expect(output).toContain(`Store: ${store}`);
    const page = await fetch(new URL('/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const session = await fetch(new URL('/api/call', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${new URL(url).hash.replace('#token=', '')}` },
      body: JSON.stringify({ name: 'session.get', input: {} }),
    });
    expect(await session.json()).toMatchObject({ ok: true });

    desk.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped; the store is closed.');
    expect(existsSync(`${store}-wal`)).toBe(false);
    const db = new Sqlite(store, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(400);
    } finally {
      db.close();
    }
  });
});
