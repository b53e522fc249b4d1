import { readFile } from 'node:fs/promises';
import { appResponseHeaders, resolveAppFile } from '../main/platform/protocol-paths.js';
import { APP_ORIGIN } from '../main/platform/trusted-url.js';

/**
 * Serves the built renderer exactly as the Electron app protocol does: the same path rules
 * (no traversal, no dotfiles) and the same CSP headers, so e2e tests run under the real policy.
 */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
  const resolved = resolveAppFile(root, `${APP_ORIGIN}${urlPath.startsWith('/') ? urlPath : `/${urlPath}`}`);
  if (!resolved.ok) return null;
  try {
    return { body: await readFile(resolved.file), headers: appResponseHeaders(resolved.file) };
  } catch {
    return null;
  }
}
