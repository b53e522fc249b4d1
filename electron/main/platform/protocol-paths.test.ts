import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appResponseHeaders,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isInsideRoot,
  resolveAppFile,
} from './protocol-paths.js';

const ROOT = path.resolve('/opt/order-desk/out/renderer');

function resolved(url: string, method?: string) {
  return resolveAppFile(ROOT, url, method);
}

describe('resolveAppFile', () => {
  it('serves index.html for the bare origin', () => {
    expect(resolved('app://order-desk/')).toEqual({ ok: true, file: path.join(ROOT, 'index.html') });
    expect(resolved('app://order-desk')).toEqual({ ok: true, file: path.join(ROOT, 'index.html') });
  });

  it('maps asset paths under the root, ignoring query and hash', () => {
    expect(resolved('app://order-desk/assets/index-Bx1.js?v=2#x')).toEqual({
      ok: true,
      file: path.join(ROOT, 'assets', 'index-Bx1.js'),
    });
    expect(resolved('app://order-desk/fonts/Inter%20Var.woff2')).toEqual({
      ok: true,
      file: path.join(ROOT, 'fonts', 'Inter Var.woff2'),
    });
  });

  it.each([
    'app://order-desk/../../etc/passwd',
    'app://order-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://order-desk/%2E%2E/%2E%2E/etc/passwd',
    'app://order-desk/.%2e/.%2e/etc/passwd',
    'app://order-desk/assets/../../../etc/passwd',
    'app://order-desk/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  ])('keeps dot segments the URL parser folded inside the root: %s', (url) => {
    expect(resolved(url)).toEqual({ ok: true, file: path.join(ROOT, 'etc', 'passwd') });
  });

  it.each([
    'app://order-desk/..%2f..%2f..%2fetc%2fpasswd',
    'app://order-desk/..%2F..%2Fetc/passwd',
    'app://order-desk/assets%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://order-desk/..%5c..%5cwindows%5cwin.ini',
    'app://order-desk/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://order-desk/C:%5cWindows%5cwin.ini',
    'app://order-desk/C:/Windows/win.ini',
    'app://order-desk/index.html::$DATA',
    'app://order-desk/index.html%00.png',
    'app://order-desk/.env',
    'app://order-desk/.git/config',
    'app://order-desk/assets/.hidden',
    'app://order-desk/%2fetc%2fpasswd',
    'app://order-desk/%2F%2Fserver%2Fshare',
  ])('refuses %s', (url) => {
    expect(resolved(url)).toEqual({ ok: false, status: 403 });
  });

  it('decodes once only: %252e%252e names a literal "%2e%2e" folder inside the root', () => {
    expect(resolved('app://order-desk/%252e%252e/secret')).toEqual({ ok: true, file: path.join(ROOT, '%2e%2e', 'secret') });
  });

  it('never resolves outside the root, whatever the path', () => {
    const attempts = ['..', '%2e%2e', '..%2f', '%2e%2e%2f', '..%5c', '.', '%2e', '%00', 'a', '%2f'];
    for (const a of attempts) {
      for (const b of attempts) {
        for (const c of ['etc/passwd', '%2fetc%2fpasswd', 'x']) {
          const result = resolved(`app://order-desk/${a}/${b}/${c}`);
          if (result.ok) expect(isInsideRoot(ROOT, result.file)).toBe(true);
        }
      }
    }
  });

  it.each([
    'app://order-desk.evil.com/index.html',
    'app://order-desk@evil/index.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://order-desk/index.html',
    'app://order-desk:1234/index.html',
  ])('serves nothing for another origin: %s', (url) => {
    expect(resolved(url)).toEqual({ ok: false, status: 404 });
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolved('app://order-desk/%E0%A4%A.js')).toEqual({ ok: false, status: 400 });
  });

  it('answers GET and HEAD only', () => {
    expect(resolved('app://order-desk/index.html', 'HEAD').ok).toBe(true);
    expect(resolved('app://order-desk/index.html', 'POST')).toEqual({ ok: false, status: 405 });
  });
});

describe('isInsideRoot', () => {
  it('is strict about the boundary', () => {
    expect(isInsideRoot(ROOT, path.join(ROOT, 'index.html'))).toBe(true);
    expect(isInsideRoot(ROOT, path.join(ROOT, '..foo'))).toBe(true);
    expect(isInsideRoot(ROOT, ROOT)).toBe(false);
    expect(isInsideRoot(ROOT, `${ROOT}-evil/index.html`)).toBe(false);
    expect(isInsideRoot(ROOT, path.dirname(ROOT))).toBe(false);
    expect(isInsideRoot(ROOT, '/etc/passwd')).toBe(false);
  });
});

describe('headers', () => {
  it('has the agreed CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows inline or eval scripts, or remote sources', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('puts the CSP and nosniff on every response, errors included', () => {
    for (const file of [null, path.join(ROOT, 'index.html')]) {
      const headers = appResponseHeaders(file);
      expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('types files by extension', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});
