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

/**
 * What to tell a person whose checkout can't run the desktop app, before the browser desk starts
 * instead: one short paragraph, with the way to get the desktop app.
 */
export function webFallbackMessage({ version, reason }) {
  return [
    `The desktop app can't start here: Electron ${version} is not available (${reason}).`,
    'Running the same desk in your browser instead, on the same store. To get the desktop app, fetch',
    'the Electron binary with `node node_modules/electron/install.js` (ELECTRON_MIRROR=<url> for a',
    'mirror, or ELECTRON_OVERRIDE_DIST_PATH=<dir> for one you have); `npm start -- --web` skips this check.',
  ].join('\n');
}

export const START_USAGE = `Usage: npm start [-- options]

Runs Order Desk: the desktop app when the Electron binary is installed, otherwise the same desk in
your browser (built renderer + web host on 127.0.0.1, on the desktop app's own store, seeded with
the demo marketplace on first run). Ctrl-C stops it and closes the store.

  --web             run the browser desk even when the desktop app could start
  --port <n>        browser desk: port on 127.0.0.1 (default 0, a free one)
  --no-open         browser desk: print the address but don't open a browser
  -h, --help        show this help`;

/** A command line start.mjs can't run; its message is one line, shown with START_USAGE. */
export class StartUsageError extends Error {}

/**
 * start.mjs's options, 'help', or a StartUsageError. `parse` is node:util parseArgs (passed in so
 * this module stays free of I/O).
 */
export function parseStartArgs(argv, parse) {
  let values;
  try {
    ({ values } = parse({
      args: argv,
      options: {
        web: { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
        'no-open': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    if (typeof error?.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_')) {
      throw new StartUsageError(error.message.split(/(?<=\.)\s/)[0]);
    }
    throw error;
  }
  if (values.help) return 'help';
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) {
    throw new StartUsageError(`--port must be a port number from 0 to 65535, got "${values.port}".`);
  }
  return { web: values.web, port: Number(values.port), open: !values['no-open'] };
}

/** Folders whose files go into the renderer build, and single files that configure it. */
export const RENDERER_INPUTS = { dirs: ['renderer', 'shared'], files: ['package.json', 'package-lock.json'] };

/**
 * Whether the renderer must be built: no build yet, or a source newer than the build.
 * Times are mtimes in ms; `builtAt` is null when out/renderer/index.html is missing.
 */
export function rendererBuildNeeded({ builtAt, newestSourceAt }) {
  return builtAt === null || newestSourceAt > builtAt;
}

/**
 * How to open `url` in the system browser, or null where there is none to open: no display on
 * Linux and the BSDs (a server, a container, SSH without forwarding).
 */
export function browserOpener({ platform, env, url }) {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // start's first quoted argument is a window title; the empty one keeps the URL an URL.
      return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
    default:
      return env.DISPLAY || env.WAYLAND_DISPLAY ? { command: 'xdg-open', args: [url] } : null;
  }
}

/** The web host's "ready" line (electron/web-host/cli.ts), giving its address. */
export function webHostUrl(line) {
  return /^Order Desk web host \(.*\): (http:\/\/\S+)$/.exec(line.trim())?.[1] ?? null;
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
    'or copy a matching build to the path below. `npm start -- --web` runs the desk in a browser meanwhile.',
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
