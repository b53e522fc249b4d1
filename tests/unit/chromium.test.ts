import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chooseChromium, describeChromium, findSystemChromium } from '../chromium.js';

let dir: string;
let fakeChromium: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'order-desk-chromium-test-'));
  // A stand-in "system" browser on PATH that answers --version as Chromium does.
  fakeChromium = path.join(dir, 'chromium');
  writeFileSync(fakeChromium, '#!/bin/sh\necho "Chromium 999.0.0.0"\n');
  chmodSync(fakeChromium, 0o755);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chooseChromium', () => {
  it('takes CHROMIUM_PATH first, even over a system browser, with our quiet flags', async () => {
    const choice = await chooseChromium({ CHROMIUM_PATH: '/opt/my/chrome', PATH: dir });
    expect(choice).toEqual({ executablePath: '/opt/my/chrome', args: CHROMIUM_ARGS, rule: 'CHROMIUM_PATH' });
  });

  it('takes a system Chromium on PATH next, and says which, its version and why', async () => {
    const choice = await chooseChromium({ PATH: dir });
    expect(choice).toEqual({ executablePath: fakeChromium, args: CHROMIUM_ARGS, rule: 'system' });
    expect(describeChromium(choice)).toBe(`Browser: ${fakeChromium} (Chromium 999.0.0.0), system browser (no CHROMIUM_PATH)`);
  });

  it.skipIf(findSystemChromium({ PATH: '' }) !== null)('falls back to @sparticuz/chromium without its Lambda-only flags', async () => {
    const choice = await chooseChromium({ PATH: '' });
    expect(choice.rule).toBe('@sparticuz/chromium');
    expect(choice.args).toEqual(expect.arrayContaining(['--disable-quic', '--no-zygote']));
    expect(choice.args).not.toContain('--single-process');
    expect(choice.args).not.toContain('--disable-web-security');
    expect(describeChromium(choice)).toMatch(/^Browser: .+ \(Chromium \d+\.[\d.]+\), from the @sparticuz\/chromium package/);
  });
});
