// The shop backend client against a real loopback HTTP server that answers the ways a backend (or
// a proxy in front of it) can: errors, garbage, limits, slow answers, and an event stream.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBackend, normaliseServerUrl } from '../../electron/main/services/sync/client.js';

let server: Server | null = null;

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  server = null;
});

const pull = { protocol: 1 as const, clientId: '7d0f4b3e-8a53-4c1a-9d77-2f0c3b6f9a10', cursor: null, limit: 10 };
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('the shop backend client', () => {
  it('accepts only http(s) addresses without credentials', () => {
    expect(normaliseServerUrl(' https://shop.example.com/ ')).toBe('https://shop.example.com');
    expect(normaliseServerUrl('ftp://shop.example.com')).toBeNull();
    expect(normaliseServerUrl('https://user:secret@shop.example.com')).toBeNull();
    expect(normaliseServerUrl('not a url')).toBeNull();
  });

  it('sorts failures by what the desk does next, never passing a body it could not parse', async () => {
    const answers: Array<(res: ServerResponse) => void> = [
      (res) => json(res, 401, { error: { code: 'UNAUTHENTICATED', message: 'The session has ended.' } }),
      (res) => json(res, 503, { error: { code: 'UNAVAILABLE', message: 'Down for maintenance.' } }),
      (res) => json(res, 200, { status: 'ok', rows: 'not a list' }),
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status": "ok", ');
      },
      (res) => json(res, 429, { error: { code: 'RATE_LIMITED', message: 'Too many attempts.' } }, { 'retry-after': '7' }),
      (res) => json(res, 400, { error: { code: 'INVALID_INPUT', message: 'cursor: too long', fields: { cursor: 'too long' } } }),
      (res) => json(res, 200, { status: 'reset', reason: 'The cursor is from another server.' }),
    ];
    const url = await serve((req, res) => {
      req.resume();
      answers.shift()!(res);
    });
    const backend = createHttpBackend(url);
    expect(await backend.pull('token', pull)).toEqual({ ok: false, failure: { kind: 'unauthenticated', message: 'The session has ended.' } });
    expect(await backend.pull('token', pull)).toEqual({ ok: false, failure: { kind: 'unreachable', message: 'Down for maintenance.' } });
    expect(await backend.pull('token', pull)).toMatchObject({ ok: false, failure: { kind: 'unreachable', message: expect.stringContaining('expected form') } });
    expect(await backend.pull('token', pull)).toMatchObject({ ok: false, failure: { kind: 'unreachable', message: expect.stringContaining('could not be read') } });
    expect(await backend.pull('token', pull)).toEqual({
      ok: false,
      failure: { kind: 'refused', status: 429, code: 'RATE_LIMITED', message: 'Too many attempts.', retryAfterMs: 7000 },
    });
    expect(await backend.pull('token', pull)).toMatchObject({ ok: false, failure: { kind: 'refused', status: 400, fields: { cursor: 'too long' } } });
    expect(await backend.pull('token', pull)).toEqual({ ok: true, value: { status: 'reset', reason: 'The cursor is from another server.' } });
  });

  it('gives up on an answer that does not come in time, and when the desk stops', async () => {
    const url = await serve((req) => req.resume());
    expect(await createHttpBackend(url, { timeoutMs: 200 }).pull('token', pull)).toMatchObject({
      ok: false,
      failure: { kind: 'unreachable', message: 'The shop backend did not answer in time.' },
    });
    const stopping = new AbortController();
    const pending = createHttpBackend(url).pull('token', pull, stopping.signal);
    stopping.abort();
    expect(await pending).toMatchObject({ ok: false, failure: { kind: 'unreachable' } });
  });

  it('sends the token as a bearer header and hears pokes through heartbeats, split chunks and CRLF', async () => {
    let authorization: string | undefined;
    const url = await serve((req, res) => {
      authorization = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': heartbeat\n\n');
      res.write('event: po');
      res.write('ke\ndata: {}\n\n');
      res.write('event: poke\r\ndata: {}\r\n\r\n');
      res.end();
    });
    let opened = 0;
    let pokes = 0;
    const ended = await createHttpBackend(url).listen('secret-token', { onOpen: () => (opened += 1), onPoke: () => (pokes += 1) }, new AbortController().signal);
    expect(authorization).toBe('Bearer secret-token');
    expect(opened).toBe(1);
    expect(pokes).toBe(2);
    expect(ended).toMatchObject({ kind: 'unreachable' });
  });
});
