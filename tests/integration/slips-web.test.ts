import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web-host/server.js';
import type { SlipJob } from '../../shared/contract/index.js';
import { Fixture } from './fixtures.js';

let f: Fixture;
let host: WebHost;
let staticDir: string;
let orderId: number;

const base = () => `http://127.0.0.1:${host.port}`;

async function call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; code?: string }> {
  const response = await fetch(`${base()}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ name, input }),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

async function finishedJob(): Promise<string> {
  const started = (await call('slips.start', { orderIds: [orderId] })).value as SlipJob;
  for (;;) {
    const job = (await call('slips.status', { jobId: started.jobId })).value as SlipJob;
    if (job.state === 'done') return job.jobId;
    if (job.state !== 'running') throw new Error(`job ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeEach(async () => {
  f = new Fixture();
  orderId = f.addOrder({ number: 'SH-0000401', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeA, sku: 'ALD-CUP', quantity: 1 }] });
  staticDir = mkdtempSync(path.join(tmpdir(), 'order-desk-static-'));
  host = await startWebHost({ dispatch: f.app.dispatch, actor: f.sellerA, staticDir, port: 0, slipsDir: f.app.ctx.slipsDir });
});

afterEach(async () => {
  await host.close();
  rmSync(f.app.ctx.slipsDir!, { recursive: true, force: true });
  f.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('web host: finished slips', () => {
  it('slips.open answers a token-carrying URL that serves the PDF inline', async () => {
    const jobId = await finishedJob();
    const opened = await call('slips.open', { jobId });
    const url = (opened.value as { url: string }).url;
    expect(url).toBe(`/api/files/slips/${jobId}.pdf?token=${encodeURIComponent(host.token)}`);
    const response = await fetch(base() + url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('inline');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBe(Number(response.headers.get('content-length')));
  });

  it('refuses a missing or wrong token, a malformed name and a batch that is not the session’s', async () => {
    const jobId = await finishedJob();
    const file = `${base()}/api/files/slips/${jobId}.pdf`;
    expect((await fetch(file)).status).toBe(401);
    expect((await fetch(`${file}?token=nope`)).status).toBe(401);
    const token = `?token=${encodeURIComponent(host.token)}`;
    expect((await fetch(`${base()}/api/files/slips/..%2F..%2Fdesk.sqlite${token}`)).status).toBe(404);
    expect((await fetch(`${base()}/api/files/slips/${jobId}.sqlite${token}`)).status).toBe(404);
    expect((await fetch(`${base()}/api/files/slips/4b0c9a52-6b8e-4f5e-9d6c-0a1b2c3d4e5f.pdf${token}`)).status).toBe(404);

    // Another person's batch, even with this session's token.
    const other = f.app.dispatch(f.sellerB, 'slips.start', { orderIds: [f.addOrder({ number: 'SH-0000402', status: 'processing', paid: true, ageDays: 1, items: [{ storeId: f.storeB, sku: 'B', quantity: 1 }] })] });
    if (!other.ok) throw new Error(other.message);
    const otherId = (other.value as SlipJob).jobId;
    while ((f.app.dispatch(f.sellerB, 'slips.status', { jobId: otherId }) as { value: SlipJob }).value.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await fetch(`${base()}/api/files/slips/${otherId}.pdf${token}`)).status).toBe(404);
  });
});
