// The app: scheme. The renderer is served from out/renderer only, with the CSP on every
// response; which file a URL may name is decided in protocol-paths.ts.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { appResponseHeaders, resolveAppFile } from './protocol-paths.js';
import { APP_SCHEME } from './trusted-url.js';

/**
 * Makes app: a standard, secure origin (so storage, module scripts and fetch behave as on
 * https). Not corsEnabled: other origins can't read it. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const refusal = (status: number) => new Response(null, { status, headers: appResponseHeaders(null) });

/** Serves `rendererRoot` (absolute path of out/renderer) on app://order-desk/ in `ses`. */
export function serveAppFiles(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppFile(rendererRoot, request.url, request.method);
    if (!resolved.ok) return refusal(resolved.status);
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: appResponseHeaders(resolved.file),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return refusal(404);
      console.error('app: protocol could not read a renderer file:', code ?? 'unknown error');
      return refusal(500);
    }
  });
}
