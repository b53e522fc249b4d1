import path from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  electronLaunch,
  electronPlatformPath,
  exitCodeOf,
  headerDownloadFailure,
  headersFailureMessage,
  nativeBuildFailureMessage,
  nativePaths,
  nodeGypArgs,
  nodeGypCandidates,
  nodeGypEnv,
  browserOpener,
  parseStartArgs,
  RENDERER_INPUTS,
  rendererBuildNeeded,
  resolveElectronBinary,
  START_USAGE,
  StartUsageError,
  webFallbackMessage,
  webHostUrl,
} from '../../scripts/start-lib.mjs';

const ELECTRON_DIR = '/proj/node_modules/electron';
const existsOnly =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('resolveElectronBinary', () => {
  it('finds the downloaded binary from path.txt', () => {
    const binary = path.join(ELECTRON_DIR, 'dist', 'electron');
    expect(
      resolveElectronBinary({
        electronDir: ELECTRON_DIR,
        pathTxt: 'electron',
        platform: 'linux',
        overrideDistPath: undefined,
        exists: existsOnly(ELECTRON_DIR, binary),
      }),
    ).toEqual({ ok: true, binary });
  });

  it('reports a skipped download (no path.txt) without trying to download', () => {
    const r = resolveElectronBinary({
      electronDir: ELECTRON_DIR,
      pathTxt: null,
      platform: 'linux',
      overrideDistPath: undefined,
      exists: existsOnly(ELECTRON_DIR),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/never downloaded/);
  });

  it('reports a path.txt whose binary is gone', () => {
    const r = resolveElectronBinary({
      electronDir: ELECTRON_DIR,
      pathTxt: 'electron',
      platform: 'linux',
      overrideDistPath: undefined,
      exists: existsOnly(ELECTRON_DIR),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(path.join(ELECTRON_DIR, 'dist', 'electron'));
  });

  it('reports a missing electron package', () => {
    const r = resolveElectronBinary({
      electronDir: ELECTRON_DIR,
      pathTxt: null,
      platform: 'linux',
      overrideDistPath: undefined,
      exists: () => false,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/npm install/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const ok = resolveElectronBinary({
      electronDir: ELECTRON_DIR,
      pathTxt: null,
      platform: 'linux',
      overrideDistPath: '/opt/electron',
      exists: existsOnly('/opt/electron/electron'),
    });
    expect(ok).toEqual({ ok: true, binary: '/opt/electron/electron' });
    const missing = resolveElectronBinary({
      electronDir: ELECTRON_DIR,
      pathTxt: null,
      platform: 'linux',
      overrideDistPath: '/opt/electron',
      exists: () => false,
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
  });

  it('knows each platform executable', () => {
    expect(electronPlatformPath('linux')).toBe('electron');
    expect(electronPlatformPath('win32')).toBe('electron.exe');
    expect(electronPlatformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('webFallbackMessage', () => {
  it('says in one short paragraph why the desktop app cannot start and how to get it', () => {
    const msg = webFallbackMessage({ version: '45.5.0', reason: 'the Electron binary was never downloaded' });
    expect(msg).toContain('Electron 45.5.0');
    expect(msg).toContain('never downloaded');
    expect(msg).toContain('browser');
    expect(msg).toContain('node node_modules/electron/install.js');
    expect(msg).toContain('ELECTRON_MIRROR');
    expect(msg).toContain('--web');
    expect(msg).not.toMatch(/\n\s*\n/);
    expect(msg.split('\n').length).toBeLessThanOrEqual(4);
  });
});

describe('parseStartArgs', () => {
  it('defaults to the desktop app, a free port and opening the browser', () => {
    expect(parseStartArgs([], parseArgs)).toEqual({ web: false, port: 0, open: true });
    expect(parseStartArgs(['--web', '--port', '8080', '--no-open'], parseArgs)).toEqual({ web: true, port: 8080, open: false });
    expect(parseStartArgs(['-h'], parseArgs)).toBe('help');
  });

  it('refuses unknown options, stray arguments and bad ports with one line', () => {
    for (const [argv, message] of [
      [['--webb'], /^Unknown option '--webb'/],
      [['web'], /^Unexpected argument 'web'/],
      [['--port'], /^Option '--port <value>' argument missing/],
      [['--port', '70000'], /^--port must be a port number/],
      [['--port', '-1'], /./],
    ] as const) {
      let error: unknown;
      try {
        parseStartArgs([...argv], parseArgs);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(StartUsageError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(START_USAGE).toMatch(/^Usage: npm start/);
  });
});

describe('browser desk decisions', () => {
  it('builds the renderer when there is no build or a source is newer', () => {
    expect(rendererBuildNeeded({ builtAt: null, newestSourceAt: 0 })).toBe(true);
    expect(rendererBuildNeeded({ builtAt: 1000, newestSourceAt: 2000 })).toBe(true);
    expect(rendererBuildNeeded({ builtAt: 2000, newestSourceAt: 1000 })).toBe(false);
    expect(RENDERER_INPUTS.dirs).toEqual(expect.arrayContaining(['renderer', 'shared']));
  });

  it('opens the system browser where there is one, and skips a Linux box without a display', () => {
    const url = 'http://127.0.0.1:5174/#token=a&b';
    expect(browserOpener({ platform: 'linux', env: { DISPLAY: ':0' }, url })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserOpener({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, url })?.command).toBe('xdg-open');
    expect(browserOpener({ platform: 'linux', env: {}, url })).toBeNull();
    expect(browserOpener({ platform: 'darwin', env: {}, url })).toEqual({ command: 'open', args: [url] });
    expect(browserOpener({ platform: 'win32', env: {}, url })).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', 'http://127.0.0.1:5174/#token=a^&b'],
    });
  });

  it("reads the address from the web host's ready line", () => {
    expect(webHostUrl('Order Desk web host (Avery Admin, admin): http://127.0.0.1:41583/#token=abc')).toBe(
      'http://127.0.0.1:41583/#token=abc',
    );
    expect(webHostUrl('Store: /home/a/.config/order-desk/order-desk.sqlite')).toBeNull();
  });
});

describe('native build paths and commands', () => {
  it('keeps the Electron driver apart from node_modules', () => {
    const p = nativePaths('/proj', { betterSqliteVersion: '12.11.1', electronVersion: '45.5.0' });
    expect(p.srcDir).toBe('/proj/build/native/src-12.11.1');
    expect(p.builtFile).toBe('/proj/build/native/src-12.11.1/build/Release/better_sqlite3.node');
    expect(p.outFile).toBe('/proj/build/native/electron-45.5.0/better_sqlite3.node');
    expect(p.moduleDir).toBe('/proj/node_modules/better-sqlite3');
    expect(p.outFile.startsWith(p.moduleDir)).toBe(false);
  });

  it('targets Electron headers', () => {
    expect(nodeGypArgs({ electronVersion: '45.5.0' })).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=45.5.0',
      '--dist-url=https://electronjs.org/headers',
      '--arch=x64',
    ]);
    expect(nodeGypArgs({ electronVersion: '45.5.0', arch: 'arm64' })).toContain('--arch=arm64');
  });

  it("looks for npm's bundled node-gyp", () => {
    const c = nodeGypCandidates({
      root: '/proj',
      npmGlobalPrefix: '/usr',
      npmBinDir: '/usr/bin',
      execPath: '/usr/bin/node',
    });
    expect(c[0]).toBe('/proj/node_modules/node-gyp/bin/node-gyp.js');
    expect(c).toContain('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
    expect(new Set(c).size).toBe(c.length);
    expect(nodeGypCandidates({ root: '/proj', npmGlobalPrefix: null, npmBinDir: null, execPath: null })).toHaveLength(1);
  });

  it("drops npm config that would point node-gyp at Node's headers", () => {
    const env = nodeGypEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_cache: '/root/.npm',
      HOME: undefined,
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/root/.npm' });
  });
});

describe('headerDownloadFailure', () => {
  it('recognises an offline machine (node-gyp ENOTFOUND text)', () => {
    const output = [
      'gyp http GET https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz',
      'gyp WARN install got an error, rolling back install',
      'gyp ERR! configure error ',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
    ].join('\n');
    expect(headerDownloadFailure(output)).toMatch(/could not be reached/);
  });

  it('recognises HTTP errors and refused connections', () => {
    expect(
      headerDownloadFailure(
        'gyp http GET x\ngyp ERR! stack Error: 404 response downloading https://electronjs.org/headers/v99.0.0/node-v99.0.0-headers.tar.gz',
      ),
    ).toBe('the server answered HTTP 404 for https://electronjs.org/headers/v99.0.0/node-v99.0.0-headers.tar.gz');
    expect(headerDownloadFailure('gyp http GET x\ngyp ERR! stack Error: connect ECONNREFUSED 1.2.3.4:443')).toBe(
      'the connection failed (ECONNREFUSED)',
    );
    expect(headerDownloadFailure('gyp http GET x\nError: getaddrinfo EAI_AGAIN electronjs.org')).toMatch(
      /DNS lookup of electronjs.org failed/,
    );
    expect(headerDownloadFailure('gyp WARN install got an error\nSELF_SIGNED_CERT_IN_CHAIN')).toMatch(/certificate/);
  });

  it('leaves compiler failures alone', () => {
    const output = [
      'gyp info spawn make',
      '../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file or directory',
      'make: *** [better_sqlite3.target.mk:120] Error 1',
      'gyp ERR! build error',
    ].join('\n');
    expect(headerDownloadFailure(output)).toBeNull();
  });

  it('words the headers message as agreed', () => {
    const msg = headersFailureMessage({ electronVersion: '45.5.0', reason: 'offline' });
    expect(msg.startsWith(
      "Couldn't download Electron 45.5.0 headers from electronjs.org to build the database driver for Electron: offline.",
    )).toBe(true);
    expect(nativeBuildFailureMessage({ electronVersion: '45.5.0', exitCode: 1, outFile: '/x.node' })).toContain('/x.node');
  });
});

describe('launch', () => {
  it('points the app at the Electron driver and never runs Electron as Node', () => {
    const l = electronLaunch({
      binary: '/e/electron',
      root: '/proj',
      bindingPath: '/proj/build/native/electron-45.5.0/better_sqlite3.node',
      env: { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' },
    });
    expect(l.command).toBe('/e/electron');
    expect(l.args).toEqual(['/proj']);
    expect(l.env.ORDER_DESK_SQLITE_BINDING).toBe('/proj/build/native/electron-45.5.0/better_sqlite3.node');
    expect(l.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    expect(l.env.PATH).toBe('/usr/bin');
  });

  it('forwards exit codes and signals', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(3, null)).toBe(3);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, null)).toBe(1);
  });
});
