/**
 * The one place that decides which Chromium the browser tests (Playwright and Vitest) and the bench
 * launch, so a machine with Node alone runs them too:
 *   1. CHROMIUM_PATH, when set, always wins (even if it can't start: the launch error then says so);
 *   2. else a system Chromium or Chrome found on PATH or in its usual place;
 *   3. else the headless Chromium that ships inside the @sparticuz/chromium npm package, unpacked
 *      once to /tmp/chromium (about 1.6 s the first time).
 * describeChromium() gives the one line every run prints: path, version and the rule that chose it.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from '@playwright/test';

/**
 * The network flags matter: this machine's network is closed, and without them Chromium keeps
 * dialling Google's hosts.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * @sparticuz/chromium's flags made for AWS Lambda that we leave out: two loosen what a page may do
 * (the tests must see the web security a real browser enforces), and --single-process makes the
 * whole browser exit when the first page's context closes, failing every later newPage.
 */
const LAMBDA_ONLY_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export type ChromiumRule = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  rule: ChromiumRule;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first system Chromium or Chrome: the names on PATH first, then the usual install paths. */
export function findSystemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return SYSTEM_PATHS.find(isExecutable) ?? null;
}

function withoutDuplicates(args: string[]): string[] {
  return [...new Set(args)];
}

/** Decides the browser by the rules above; unpacks @sparticuz/chromium only when it is the one. */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) return { executablePath: override, args: CHROMIUM_ARGS, rule: 'CHROMIUM_PATH' };
  const system = findSystemChromium(env);
  if (system) return { executablePath: system, args: CHROMIUM_ARGS, rule: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await unpackOnce(() => packaged.executablePath());
  // Its own flags (headless shell, software GL, no zygote) are what make it start; ours keep it quiet.
  const args = withoutDuplicates([...packaged.args.filter((flag) => !LAMBDA_ONLY_FLAGS.has(flag)), ...CHROMIUM_ARGS]);
  return { executablePath, args, rule: '@sparticuz/chromium' };
}

const UNPACK_LOCK = path.join(tmpdir(), 'order-desk-chromium-unpack.lock');
const UNPACK_WAIT_MS = 120_000;

/**
 * @sparticuz/chromium unpacks straight to /tmp/chromium and takes the file's mere existence as
 * "unpacked", so test files starting in parallel could launch a half-written binary. Unpack under
 * a cross-process lock (mkdir is atomic) and trust a binary only once it answers --version; one
 * left half-written by a killed run is removed and unpacked again.
 */
async function unpackOnce(unpack: () => Promise<string>): Promise<string> {
  const deadline = Date.now() + UNPACK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(UNPACK_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than the longest unpack belongs to a process that died holding it.
      const lockedAt = statSync(UNPACK_LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > UNPACK_WAIT_MS) rmSync(UNPACK_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Gave up waiting for ${UNPACK_LOCK}: another process has been unpacking @sparticuz/chromium for over ${UNPACK_WAIT_MS / 1000} s.`, { cause: error });
      await sleep(100);
    }
  }
  try {
    const existing = path.join(tmpdir(), 'chromium');
    if (isExecutable(existing) && answersVersion(existing)) return existing;
    rmSync(existing, { force: true });
    const unpacked = await unpack();
    if (!answersVersion(unpacked)) throw new Error(`@sparticuz/chromium unpacked ${unpacked}, but it does not run (${chromiumVersion(unpacked)}).`);
    return unpacked;
  } finally {
    rmSync(UNPACK_LOCK, { recursive: true, force: true });
  }
}

function answersVersion(executablePath: string): boolean {
  try {
    execFileSync(executablePath, ['--version'], { timeout: 10_000, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `Chromium 153.0.8010.0`, or why the binary couldn't say. */
export function chromiumVersion(executablePath: string): string {
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (error) {
    return `version unknown (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

const RULE_TEXT: Record<ChromiumRule, string> = {
  CHROMIUM_PATH: 'set by CHROMIUM_PATH',
  system: 'system browser (no CHROMIUM_PATH)',
  '@sparticuz/chromium': 'from the @sparticuz/chromium package (no CHROMIUM_PATH, no system Chromium)',
};

export function describeChromium(choice: ChromiumChoice): string {
  return `Browser: ${choice.executablePath} (${chromiumVersion(choice.executablePath)}), ${RULE_TEXT[choice.rule]}`;
}

/**
 * Launches the chosen Chromium headless, saying first on stderr which one. A browser that can't
 * start rejects with Playwright's launch error, prefixed with the browser and the rule.
 */
export async function launchChromium(choice?: ChromiumChoice): Promise<Browser> {
  const chosen = choice ?? (await chooseChromium());
  process.stderr.write(`${describeChromium(chosen)}\n`);
  try {
    return await chromium.launch({ executablePath: chosen.executablePath, args: chosen.args, headless: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Chromium at ${chosen.executablePath} (${RULE_TEXT[chosen.rule]}) did not start: ${reason}`, { cause: error });
  }
}
