// Pure decisions for the app: protocol (protocol.ts serves what these allow). No 'electron'
// import; protocol-paths.test.ts throws traversal attempts at them.
import path from 'node:path';
import { isAppUrl } from './trusted-url.js';

/**
 * The renderer's policy. Mantine sets inline styles, hence 'unsafe-inline' for styles only;
 * scripts come from the app's own files, nothing loads from anywhere else, nothing frames us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export type AppFileResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 | 405 };

/** Whether `file` lies strictly inside `root` (both resolved); `root` itself is not inside. */
export function isInsideRoot(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return (
    relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
  );
}

/**
 * Maps an app: request to a file under `root` (out/renderer), or refuses it. The URL parser has
 * already folded `..` and `%2e%2e` segments; each remaining segment is then decoded on its own
 * and refused if decoding produced a separator (`%2f`, `%5c`), a dot segment or dotfile, NUL, or
 * a colon (drive letters, NTFS streams): no renderer asset is named like that. Finally the
 * result must still lie inside root.
 */
export function resolveAppFile(root: string, requestUrl: string, method = 'GET'): AppFileResolution {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  if (!isAppUrl(requestUrl)) return { ok: false, status: 404 };
  const { pathname } = new URL(requestUrl);
  const rawSegments = (pathname === '' || pathname === '/' ? '/index.html' : pathname).split('/').filter(Boolean);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment.startsWith('.') || /[/\\:\0]/.test(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  if (segments.length === 0) return { ok: false, status: 403 };
  const file = path.resolve(root, ...segments);
  return isInsideRoot(root, file) ? { ok: true, file } : { ok: false, status: 403 };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app: response, errors included; nosniff keeps the declared types binding. */
export function appResponseHeaders(file: string | null): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    'Content-Type': file ? contentTypeFor(file) : 'text/plain; charset=utf-8',
  };
}
