#!/usr/bin/env node
// `npm start`: run the desktop app.
//   1. Check that the Electron binary was downloaded (explain how to get it if not).
//   2. Make sure there is an Electron build of better-sqlite3 in build/native/,
//      compiled from a copy of the sources so node_modules keeps its Node build.
//   3. `electron-vite build`, then launch Electron on the project with
//      ORDER_DESK_SQLITE_BINDING pointing at that driver.
// Decisions and messages live in ./start-lib.mjs (unit-tested).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BETTER_SQLITE_SOURCES,
  electronLaunch,
  exitCodeOf,
  headerDownloadFailure,
  headersFailureMessage,
  missingElectronMessage,
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

/** Step 1: the Electron executable, or a StartError explaining how to get it. */
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
  if (!found.ok) throw new StartError(missingElectronMessage({ version, reason: found.reason }));
  return { binary: found.binary, version };
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

async function main() {
  const electron = findElectron();
  const bindingPath = await ensureElectronSqlite(electron.version);
  await buildApp();
  const launch = electronLaunch({ binary: electron.binary, root: ROOT, bindingPath, env: process.env });
  return runInherited(launch.command, launch.args, launch.env);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof StartError ? `\n${err.message}` : err);
      process.exitCode = 1;
    },
  );
}
