// Pure decisions for scripts/start.mjs: paths, command lines, environments and
// the plain-language messages shown when something is missing. No I/O here
// except through the functions passed in, so tests/unit/start-lib.test.ts can
// cover every branch.
import path from 'node:path';

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** Relative path of the Electron executable inside node_modules/electron/dist, per platform. */
export function electronPlatformPath(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * Where the Electron executable should be, mirroring node_modules/electron/index.js
 * but without its side effect (index.js tries to download the binary when it is missing).
 *
 * @param {object} o
 * @param {string} o.electronDir   absolute path of node_modules/electron
 * @param {string|null} o.pathTxt  contents of node_modules/electron/path.txt, or null if absent
 * @param {string} o.platform      process.platform
 * @param {string|undefined} o.overrideDistPath  env ELECTRON_OVERRIDE_DIST_PATH
 * @param {(p: string) => boolean} o.exists
 * @returns {{ ok: true, binary: string } | { ok: false, reason: string }}
 */
export function resolveElectronBinary({ electronDir, pathTxt, platform, overrideDistPath, exists }) {
  const relative = pathTxt?.trim() || electronPlatformPath(platform);
  if (overrideDistPath) {
    const binary = path.join(overrideDistPath, relative);
    return exists(binary)
      ? { ok: true, binary }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!exists(electronDir)) {
    return { ok: false, reason: 'node_modules/electron is not installed (run npm install first)' };
  }
  if (pathTxt === null) {
    return {
      ok: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron has no path.txt or dist/)',
    };
  }
  const binary = path.join(electronDir, 'dist', relative);
  if (!exists(binary)) {
    return { ok: false, reason: `the Electron binary ${binary} is missing` };
  }
  return { ok: true, binary };
}

/** What to tell a person whose checkout has no Electron binary. */
export function missingElectronMessage({ version, reason }) {
  return [
    `Can't start Order Desk: Electron ${version} is not available — ${reason}.`,
    '',
    'The electron npm package does not contain Electron itself: its ~100 MB binary is downloaded from',
    'github.com separately, and that download was skipped or could not reach github.com. To get it, either:',
    '  • on a machine that can reach github.com, run:   node node_modules/electron/install.js',
    '  • or download from a mirror you can reach:       ELECTRON_MIRROR=https://<mirror>/electron/ node node_modules/electron/install.js',
    '    (set ELECTRON_CUSTOM_DIR too if the mirror does not use the v<version> folder layout)',
    '  • or point at an unpacked Electron you already have: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-dir npm start',
    '',
    'Meanwhile, `npm run dev:web` runs the desk in a browser against the same main-process code.',
  ].join('\n');
}

/**
 * Locations for the Electron build of better-sqlite3, kept apart from the Node
 * build in node_modules (which the tests load).
 */
export function nativePaths(root, { betterSqliteVersion, electronVersion }) {
  const nativeDir = path.join(root, 'build', 'native');
  const srcDir = path.join(nativeDir, `src-${betterSqliteVersion}`);
  const outDir = path.join(nativeDir, `electron-${electronVersion}`);
  return {
    moduleDir: path.join(root, 'node_modules', 'better-sqlite3'),
    srcDir,
    builtFile: path.join(srcDir, 'build', 'Release', 'better_sqlite3.node'),
    outDir,
    outFile: path.join(outDir, 'better_sqlite3.node'),
  };
}

/** Entries of node_modules/better-sqlite3 needed to compile it (never its Node build/). */
export const BETTER_SQLITE_SOURCES = ['binding.gyp', 'package.json', 'deps', 'src'];

/** Where npm's bundled node-gyp may live, most specific first. */
export function nodeGypCandidates({ root, npmGlobalPrefix, npmBinDir, execPath }) {
  const candidates = [path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  const viaNpm = (npmDir) => path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (npmGlobalPrefix) {
    candidates.push(viaNpm(path.join(npmGlobalPrefix, 'lib', 'node_modules', 'npm')));
    candidates.push(viaNpm(path.join(npmGlobalPrefix, 'node_modules', 'npm'))); // Windows layout
  }
  if (npmBinDir) candidates.push(viaNpm(path.join(npmBinDir, '..', 'lib', 'node_modules', 'npm')));
  if (execPath) candidates.push(viaNpm(path.join(path.dirname(execPath), '..', 'lib', 'node_modules', 'npm')));
  return [...new Set(candidates.map((c) => path.normalize(c)))];
}

/** node-gyp arguments that compile against Electron's headers instead of Node's. */
export function nodeGypArgs({ electronVersion, arch = 'x64' }) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    `--arch=${arch}`,
  ];
}

/**
 * Environment for node-gyp. `npm start` exports the user's npm config as
 * npm_config_* variables; node-gyp reads those, and e.g. `nodedir=/usr` would
 * silently build against Node's headers instead of Electron's. Drop them.
 */
export function nodeGypEnv(env) {
  const out = {};
  const drop = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source|devdir)$/i;
  for (const [k, v] of Object.entries(env)) if (!drop.test(k) && v !== undefined) out[k] = v;
  return out;
}

/** node-gyp failure texts that mean "the headers tarball could not be fetched", with a plain reason. */
const HEADER_FAILURES = [
  [/related to network connectivity/, () => 'electronjs.org could not be reached (DNS lookup failed: no network, or a proxy is needed)'],
  [/(\d{3}) response downloading (\S+)/, (m) => `the server answered HTTP ${m[1]} for ${m[2]}`],
  [/(\d{3})\s+status code downloading (checksum|tarball)/, (m) => `the server answered HTTP ${m[1]} for the ${m[2]}`],
  [/getaddrinfo (ENOTFOUND|EAI_AGAIN) (\S+)/, (m) => `DNS lookup of ${m[2]} failed (${m[1]})`],
  [/\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/, (m) => `the connection failed (${m[1]})`],
  [
    /\b(UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)\b/,
    (m) => `the TLS certificate was not trusted (${m[1]}); a proxy may be intercepting HTTPS`,
  ],
  [/local checksum \S+ not match remote/, () => 'the downloaded headers failed their checksum'],
  [/fatal problem while downloading\/extracting the tarball/, () => 'the headers tarball could not be downloaded or extracted'],
];

/**
 * Reads node-gyp's output and decides whether it failed because Electron's
 * headers could not be downloaded. Returns a short reason, or null when the
 * failure was something else (e.g. a compiler error).
 */
export function headerDownloadFailure(output) {
  // Compiler and linker errors happen after the download; only look at errors
  // node-gyp raised while installing headers / configuring.
  const fetching = /gyp http GET|install got an error|configure error|downloading/i.test(output);
  if (!fetching) return null;
  for (const [re, reason] of HEADER_FAILURES) {
    const m = output.match(re);
    if (m) return reason(m);
  }
  return null;
}

export function headersFailureMessage({ electronVersion, reason }) {
  return [
    `Couldn't download Electron ${electronVersion} headers from electronjs.org to build the database driver for Electron: ${reason}.`,
    '',
    'The desktop app needs better-sqlite3 compiled for Electron (the copy in node_modules is built for Node and',
    'is what the tests use). Run `npm start` once on a network that can reach https://electronjs.org/headers,',
    'or copy a matching build to the path below. `npm run dev:web` runs the desk in a browser meanwhile.',
  ].join('\n');
}

export function nativeBuildFailureMessage({ electronVersion, exitCode, outFile }) {
  return [
    `Couldn't build the database driver (better-sqlite3) for Electron ${electronVersion}: node-gyp exited with ${exitCode}.`,
    'See the compiler output above. A C++20 compiler, make and python3 are needed',
    '(Debian: apt-get install build-essential python3).',
    `The finished driver belongs at ${outFile}.`,
  ].join('\n');
}

export function nodeGypMissingMessage(candidates) {
  return [
    "Couldn't find node-gyp to build the database driver for Electron. Looked in:",
    ...candidates.map((c) => `  ${c}`),
    'Install it with `npm install -D node-gyp` (or reinstall npm, which bundles it).',
  ].join('\n');
}

/** Command, arguments and environment that launch the desktop app. */
export function electronLaunch({ binary, root, bindingPath, env }) {
  const launchEnv = { ...env, ORDER_DESK_SQLITE_BINDING: path.resolve(bindingPath) };
  delete launchEnv.ELECTRON_RUN_AS_NODE;
  return { command: binary, args: [root], env: launchEnv };
}

/** Exit code to forward from a finished child process. */
export function exitCodeOf(code, signal) {
  if (typeof code === 'number') return code;
  if (signal) return 128 + (SIGNALS[signal] ?? 1);
  return 1;
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
