#!/usr/bin/env node
// `npm start`: run the desktop app, or the same desk in a browser where it can't run.
//   1. Check that the Electron binary was downloaded.
//   2. Make sure there is an Electron build of better-sqlite3 in build/native/,
//      compiled from a copy of the sources so node_modules keeps its Node build.
//   3. `electron-vite build`, then launch Electron on the project with
//      ORDER_DESK_SQLITE_BINDING pointing at that driver.
// Without the binary (or with --web): build the renderer if it is out of date, then run the web
// host (electron/web-host/cli.ts --desktop) on the desktop app's own store, seeding the demo
// marketplace on first run, and open the system browser at it.
// Decisions and messages live in ./start-lib.mjs (unit-tested).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  browserOpener,
  parseStartArgs,
  RENDERER_INPUTS,
  rendererBuildNeeded,
  START_USAGE,
  StartUsageError,
  webFallbackMessage,
  webHostUrl,
  BETTER_SQLITE_SOURCES,
  electronLaunch,
  exitCodeOf,
  headerDownloadFailure,
  headersFailureMessage,
  nativeBuildFailureMessage,
  nativePaths,
  nodeGypArgs,
  nodeGypCandidates,
  nodeGypEnv,
  nodeGypMissingMessage,
  resolveElectronBinary,
} from './start-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

class StartError extends Error {}

function packageVersion(name) {
  const file = path.join(ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(file)) throw new StartError(`${name} is not installed in node_modules; run npm install first.`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function readOptional(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Step 1: the Electron executable, or why there is none. */
export function findElectron() {
  const electronDir = path.join(ROOT, 'node_modules', 'electron');
  const version = existsSync(electronDir) ? packageVersion('electron') : '(not installed)';
  const found = resolveElectronBinary({
    electronDir,
    pathTxt: readOptional(path.join(electronDir, 'path.txt')),
    platform: process.platform,
    overrideDistPath: process.env.ELECTRON_OVERRIDE_DIST_PATH,
    exists: existsSync,
  });
  return found.ok ? { ok: true, binary: found.binary, version } : { ok: false, reason: found.reason, version };
}

function npmGlobalPrefix() {
  try {
    return execFileSync('npm', ['prefix', '-g'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function npmBinDir() {
  try {
    const npm = execFileSync('which', ['npm'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // e.g. /usr/bin/npm -> npm lives in /usr/lib/node_modules/npm
    return npm ? path.dirname(npm) : null;
  } catch {
    return null;
  }
}

function findNodeGyp() {
  const candidates = nodeGypCandidates({
    root: ROOT,
    npmGlobalPrefix: npmGlobalPrefix(),
    npmBinDir: npmBinDir(),
    execPath: process.execPath,
  });
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new StartError(nodeGypMissingMessage(candidates));
  return found;
}

/** Runs node-gyp, echoing its output while keeping a copy to interpret failures. */
function runNodeGyp(nodeGyp, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nodeGyp, ...args], {
      cwd,
      env: nodeGypEnv(process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (err) => resolve({ code: 127, output: output + String(err) }));
    child.on('exit', (code, signal) => resolve({ code: exitCodeOf(code, signal), output }));
  });
}

/** Step 2: build/native/electron-<v>/better_sqlite3.node, built once per Electron version. */
export async function ensureElectronSqlite(electronVersion) {
  const paths = nativePaths(ROOT, { betterSqliteVersion: packageVersion('better-sqlite3'), electronVersion });
  if (existsSync(paths.outFile)) return paths.outFile;

  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once) in ${path.relative(ROOT, paths.srcDir)} ...`);
  rmSync(paths.srcDir, { recursive: true, force: true });
  mkdirSync(paths.srcDir, { recursive: true });
  for (const entry of BETTER_SQLITE_SOURCES) {
    const from = path.join(paths.moduleDir, entry);
    if (existsSync(from)) cpSync(from, path.join(paths.srcDir, entry), { recursive: true });
  }

  const nodeGyp = findNodeGyp();
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const { code, output } = await runNodeGyp(nodeGyp, nodeGypArgs({ electronVersion, arch }), paths.srcDir);
  if (code !== 0) {
    const reason = headerDownloadFailure(output);
    throw new StartError(
      reason
        ? headersFailureMessage({ electronVersion, reason }) + `\nExpected driver path: ${paths.outFile}`
        : nativeBuildFailureMessage({ electronVersion, exitCode: code, outFile: paths.outFile }),
    );
  }
  if (!existsSync(paths.builtFile)) {
    throw new StartError(`node-gyp finished but ${paths.builtFile} was not produced.`);
  }
  mkdirSync(paths.outDir, { recursive: true });
  copyFileSync(paths.builtFile, paths.outFile);
  console.log(`Database driver for Electron: ${path.relative(ROOT, paths.outFile)}`);
  return paths.outFile;
}

function runInherited(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`Could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(exitCodeOf(code, signal));
    });
  });
}

/** Step 3: bundle main, preload and renderer into out/. */
async function buildApp() {
  const code = await runInherited(process.execPath, [
    path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
  ]);
  if (code !== 0) throw new StartError(`electron-vite build failed (exit ${code}); see the output above.`);
}

/** Newest modification time (ms) among the files under `dir`, skipping node_modules. */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Browser desk, step 1: `npm run build:renderer`, unless out/renderer is newer than its sources. */
async function buildRendererIfNeeded() {
  const index = path.join(ROOT, 'out', 'renderer', 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : null;
  const newestSourceAt = Math.max(
    ...RENDERER_INPUTS.dirs.map((dir) => newestMtime(path.join(ROOT, dir))),
    ...RENDERER_INPUTS.files.map((file) => (existsSync(path.join(ROOT, file)) ? statSync(path.join(ROOT, file)).mtimeMs : 0)),
  );
  if (!rendererBuildNeeded({ builtAt, newestSourceAt })) return;
  console.log(builtAt === null ? 'Building the renderer (once) ...' : 'The renderer changed; rebuilding it ...');
  const code = await runInherited(process.execPath, [
    path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    path.join(ROOT, 'renderer', 'vite.config.ts'),
    '--logLevel',
    'warn',
  ]);
  if (code !== 0) throw new StartError(`The renderer build failed (exit ${code}); see the output above.`);
}

/** Opens the system browser at `url` where there is one; says nothing where there isn't. */
function openBrowser(url) {
  const opener = browserOpener({ platform: process.platform, env: process.env, url });
  if (!opener) return;
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener installed: the address printed above is enough.
  }
}

/**
 * Browser desk, step 2: the web host on the desktop app's store. Its output is passed through;
 * the address it prints is opened in the browser. Ctrl-C reaches it (the terminal signals the
 * whole group, and it is forwarded too); it stops once, closing the store, and so do we.
 */
function runWebHost({ port, open }) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'electron', 'web-host', 'cli.ts'), '--desktop', '--port', String(port)],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      const url = webHostUrl(line);
      if (url) {
        console.log('Open that address in a browser if none opened. Ctrl-C stops the desk.');
        if (open) openBrowser(url);
      }
    });
    child.on('error', (err) => {
      console.error(`Could not start the web host: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(exitCodeOf(code, signal));
    });
  });
}

async function runWebDesk(options) {
  await buildRendererIfNeeded();
  return runWebHost(options);
}

/**
 * Steps 2 and 3 for a found Electron: its database driver and a fresh build. Returns how to
 * launch the app (tests/electron launches it the same way).
 */
export async function prepareDesktop(electron, env = process.env) {
  const bindingPath = await ensureElectronSqlite(electron.version);
  await buildApp();
  return electronLaunch({ binary: electron.binary, root: ROOT, bindingPath, env });
}

async function runDesktop(electron) {
  const launch = await prepareDesktop(electron);
  return runInherited(launch.command, launch.args, launch.env);
}

async function main(argv) {
  const options = parseStartArgs(argv, parseArgs);
  if (options === 'help') {
    console.log(START_USAGE);
    return 0;
  }
  if (!options.web) {
    const electron = findElectron();
    if (electron.ok) return runDesktop(electron);
    console.log(`${webFallbackMessage(electron)}\n`);
  }
  return runWebDesk(options);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      if (err instanceof StartUsageError) {
        console.error(`${err.message}\n\n${START_USAGE}`);
        process.exitCode = 2;
        return;
      }
      console.error(err instanceof StartError ? `\n${err.message}` : err);
      process.exitCode = 1;
    },
  );
}
