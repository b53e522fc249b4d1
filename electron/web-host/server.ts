import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { LARGEST_INPUT_BYTES, type EventName } from '../../shared/contract/index.js';
import { fail, type Result } from '../../shared/domain/result.js';
import type { Actor } from '../main/app/context.js';
import type { Dispatch } from '../main/app/dispatch.js';
import { SLIP_FILES_PATH } from '../main/services/slips/printouts.js';
import { readStatic } from './static-files.js';

const callRequestSchema = z.object({ name: z.string().max(100), input: z.unknown() }).strict();

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Who calls: fixed, or whoever is signed in at the time of each call (null: public calls only). */
  actor: Actor | (() => Actor | null);
  staticDir: string;
  port: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** The app's packing-slip folder (app.ctx.slipsDir): finished batches are served from it. */
  slipsDir?: string;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  /** Sends an event to every connected browser, as the IPC transport does to the window. */
  broadcast: (event: EventName, payload: unknown) => void;
  close: () => Promise<void>;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The largest input plus room for the call's name and the JSON around it. */
const REQUEST_LIMIT_BYTES = LARGEST_INPUT_BYTES + 1024;

/** How long a refused upload may keep sending before its connection is cut. */
const REFUSED_BODY_GRACE_MS = 2_000;

/**
 * The body as text, or null once it is over `limit`: collecting stops there and the rest is never
 * kept. A declared Content-Length over the limit is refused before a byte is read.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', collect);
      chunks.length = 0;
      resolve(null);
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * 413, then the connection closes. Destroying the request at once made the kernel reset the
 * connection with the client's unread bytes, and the reset overtook the answer: the client saw
 * ECONNRESET, not 413. Node discards what is still in flight (never buffering it) once the
 * answer is out; a client that keeps sending past a short grace is cut off.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify(fail('INVALID_INPUT', `The request is too large (the limit is ${REQUEST_LIMIT_BYTES} bytes).`)));
  const cutOff = setTimeout(() => req.socket.destroy(), REFUSED_BODY_GRACE_MS);
  cutOff.unref();
  req.socket.once('close', () => clearTimeout(cutOff));
}

/**
 * Development and test transport: serves the built renderer and the real handler table on
 * loopback, behind a random session token. Never part of the Electron build.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const actorNow = (): Actor | null => (typeof options.actor === 'function' ? options.actor() : options.actor);
  const token = options.token ?? randomBytes(32).toString('base64url');
  const listeners = new Set<ServerResponse>();
  let port = options.port;

  // A page on another site could reach loopback; only our own origin may call.
  const hostAllowed = (req: IncomingMessage) => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };

  const handleCall = async (req: IncomingMessage, res: ServerResponse) => {
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : null;
    if (!sameToken(bearer, token)) return sendJson(res, 401, fail('UNAUTHENTICATED', 'This session token is not valid.'));
    const body = await readBody(req, REQUEST_LIMIT_BYTES);
    if (body === null) return refuseTooLarge(req, res);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return sendJson(res, 400, fail('INVALID_INPUT', 'The request is not valid JSON.'));
    }
    const request = callRequestSchema.safeParse(json);
    if (!request.success) return sendJson(res, 400, fail('INVALID_INPUT', 'A call needs a name and an input.'));
    const result = await options.dispatch(actorNow(), request.data.name, request.data.input);
    sendJson(res, 200, request.data.name === 'slips.open' ? withFileToken(result) : result);
  };

  // slips.open answers a path on this host; the browser opens it in a new tab, which can't send
  // the Authorization header, so the session token rides in the query string as for /api/events.
  const withFileToken = (result: Result<unknown>): Result<unknown> => {
    const url = result.ok ? (result.value as { url?: unknown }).url : null;
    return typeof url === 'string' && url.startsWith(SLIP_FILES_PATH)
      ? { ok: true, value: { url: `${url}?token=${encodeURIComponent(token)}` } }
      : result;
  };

  /** GET /api/files/slips/<jobId>.pdf?token=…: a finished batch of the session's own, inline. */
  const handleSlipFile = async (res: ServerResponse, url: URL) => {
    if (!sameToken(url.searchParams.get('token'), token)) return sendJson(res, 401, fail('UNAUTHENTICATED', 'This session token is not valid.'));
    const jobId = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/i.exec(url.pathname.slice(SLIP_FILES_PATH.length))?.[1];
    if (!jobId || !options.slipsDir) return sendJson(res, 404, fail('NOT_FOUND', 'There is no such file.'));
    // The handler table decides whose batch it is and whether it is finished, as for any call.
    const status = options.dispatch(actorNow(), 'slips.status', { jobId });
    if (!status.ok) return sendJson(res, 404, status);
    if ((status.value as { state?: unknown }).state !== 'done') return sendJson(res, 409, fail('INVALID_TRANSITION', 'These slips are not finished.'));
    const file = path.join(options.slipsDir, `${jobId.toLowerCase()}.pdf`);
    const size = await stat(file).then((info) => info.size, () => null);
    if (size === null) return sendJson(res, 404, fail('NOT_FOUND', 'The PDF of this batch is no longer on this computer.'));
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(size),
      'content-disposition': 'inline; filename="packing-slips.pdf"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!sameToken(url.searchParams.get('token'), token)) return sendJson(res, 401, fail('UNAUTHENTICATED', 'This session token is not valid.'));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req)) return sendJson(res, 403, fail('FORBIDDEN', 'Unexpected host.'));
    if (url.pathname === '/api/call' && req.method === 'POST') {
      handleCall(req, res).catch(() => sendJson(res, 500, fail('INTERNAL', 'The request failed.')));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(req, res, url);
    if (url.pathname.startsWith(SLIP_FILES_PATH) && req.method === 'GET') {
      handleSlipFile(res, url).catch(() => sendJson(res, 500, fail('INTERNAL', 'The request failed.')));
      return;
    }
    if (req.method !== 'GET') return sendJson(res, 405, fail('INVALID_INPUT', 'Method not allowed.'));
    void readStatic(options.staticDir, url.pathname).then(async (file) => {
      const page = file ?? (url.pathname.startsWith('/assets/') ? null : await readStatic(options.staticDir, '/index.html'));
      if (!page) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
        return;
      }
      res.writeHead(200, page.headers);
      res.end(page.body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of listeners) res.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
