import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../main/app/context.js';
import type { Dispatch } from '../main/app/dispatch.js';
import { LARGEST_INPUT_BYTES } from '../../shared/contract/index.js';
import { ok } from '../../shared/domain/result.js';
import { startWebHost, type WebHost } from './server.js';

const actor: Actor = {
  userId: 1,
  name: 'Ada',
  email: 'ada@example.com',
  role: 'admin',
  storeIds: null,
  stationId: '00000000-0000-4000-8000-000000000000',
  stationName: 'test',
};

let host: WebHost;
let staticDir: string;
let dispatched: string[];

beforeEach(async () => {
  dispatched = [];
  const dispatch = ((_actor: Actor | null, name: string) => {
    dispatched.push(name);
    return ok({});
  }) as Dispatch;
  staticDir = mkdtempSync(path.join(tmpdir(), 'order-desk-static-'));
  host = await startWebHost({ dispatch, actor, staticDir, port: 0, token: 'test-token' });
});

afterEach(async () => {
  await host.close();
  rmSync(staticDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
}

/** A raw POST to /api/call of `size` bytes, with or without a declared length. */
function post(size: number, declareLength: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      authorization: 'Bearer test-token',
    };
    if (declareLength) headers['content-length'] = size;
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/call', method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    // The answer may come before the whole body is sent; a reset after it is not a failure.
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = (): void => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe('web host: request size limit', () => {
  const tooBig = LARGEST_INPUT_BYTES + 2 * 1024 * 1024;

  it('answers 413 with a clear error when the declared length is over the limit', async () => {
    const answer = await post(tooBig, true);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(answer.body).toMatch(/too large/);
    expect(dispatched).toEqual([]);
  });

  it('answers 413 when a body without a declared length grows over the limit', async () => {
    const answer = await post(tooBig, false);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/too large/);
    expect(dispatched).toEqual([]);
  });
});
