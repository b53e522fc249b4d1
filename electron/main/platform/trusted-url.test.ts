import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  decideNavigation,
  isAllowedPermission,
  externalLinkTarget,
  isAppUrl,
  isBlockedRequest,
  isTrustedSender,
} from './trusted-url.js';

const SPOOFED_APP_URLS = [
  'app://order-desk.evil.com/index.html',
  'app://order-desk@evil/index.html',
  'app://order-desk:pw@evil/index.html',
  'app://evil@order-desk/index.html',
  'app://user:pass@order-desk/index.html',
  'app://order-desk:8080/index.html',
  'app://order-desk./index.html',
  'app://order-desk-evil/index.html',
  'app://evil.order-desk/index.html',
  'app://evilorder-desk/index.html',
  'app://ORDER-DESK-/index.html',
  'app:order-desk/index.html',
  'app:/order-desk/index.html',
  'app:///order-desk/index.html',
  'apps://order-desk/index.html',
  'xapp://order-desk/index.html',
  'file:///etc/passwd',
  'file://order-desk/index.html',
  'https://order-desk/index.html',
  'http://order-desk/',
  'https://evil.com/?app://order-desk/',
  'https://evil.com/#app://order-desk/',
  'javascript:alert(1)//app://order-desk/',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://order-desk/0d7a2c3e',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  ' app://order-desk/index.html',
  'app://order-desk/index.html ',
  'app://order\t-desk/index.html',
  'app://order-desk\n.evil/index.html',
  '',
  'not a url',
];

describe('isAppUrl', () => {
  it('accepts the app origin and its pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js?v=1#top`)).toBe(true);
  });

  it.each(SPOOFED_APP_URLS)('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [null, undefined, 42, {}, ['app://order-desk/'], new URL(APP_ENTRY_URL)]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });

  it('refuses absurdly long input without parsing it', () => {
    expect(isAppUrl(`${APP_ORIGIN}/${'a'.repeat(10_000)}`)).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  it('passes https tracking links, normalised', () => {
    expect(externalLinkTarget('https://www.ups.com/track?tracknum=1Z999')).toBe('https://www.ups.com/track?tracknum=1Z999');
    expect(externalLinkTarget('HTTPS://WWW.FEDEX.COM/fedextrack/?trknbr=1')).toBe('https://www.fedex.com/fedextrack/?trknbr=1');
  });

  it.each([
    'http://www.ups.com/track',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://order-desk/index.html',
    'https://user:pass@carrier.example/track',
    'https://user@carrier.example/track',
    'ftp://carrier.example/',
    'mailto:someone@example.com',
    'smb://server/share',
    'ms-settings:privacy',
    'vbscript:msgbox(1)',
    'data:text/html,hi',
    'https://',
    ' https://www.ups.com/track',
    'https://www.ups.com/track\n',
    `https://carrier.example/${'x'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('stays on the app origin in place', () => {
    expect(decideNavigation(`${APP_ORIGIN}/index.html#/orders`, { allowInPlace: true })).toEqual({ action: 'allow' });
  });

  it('never opens a second app window', () => {
    expect(decideNavigation(APP_ENTRY_URL, { allowInPlace: false })).toEqual({ action: 'deny' });
  });

  it('hands https links to the browser', () => {
    expect(decideNavigation('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400', { allowInPlace: true })).toEqual({
      action: 'open-external',
      url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400',
    });
  });

  it.each(SPOOFED_APP_URLS.filter((url) => !url.startsWith('https:')))('denies %s', (url) => {
    expect(decideNavigation(url, { allowInPlace: true })).toEqual({ action: 'deny' });
    expect(decideNavigation(url, { allowInPlace: false })).toEqual({ action: 'deny' });
  });

  it('treats a look-alike https URL as an outside link, never as the app', () => {
    expect(decideNavigation('https://order-desk/index.html', { allowInPlace: true }).action).toBe('open-external');
  });
});

describe('isTrustedSender', () => {
  const trusted = { frameUrl: APP_ENTRY_URL, isTopFrame: true, isMainWindow: true };

  it('trusts the main window top frame on the app origin', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });

  it('refuses a missing (destroyed or navigated) frame', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: undefined })).toBe(false);
  });

  it('refuses a subframe, even on the app origin', () => {
    expect(isTrustedSender({ ...trusted, isTopFrame: false })).toBe(false);
  });

  it('refuses any other WebContents', () => {
    expect(isTrustedSender({ ...trusted, isMainWindow: false })).toBe(false);
  });

  it.each(SPOOFED_APP_URLS)('refuses a top frame at %s', (frameUrl) => {
    expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
  });
});

describe('isBlockedRequest', () => {
  it.each(['https://evil.example/x.js', 'http://127.0.0.1:9222/', 'wss://evil.example/', 'ws://localhost/', 'file:///etc/passwd', 'ftp://x/'])(
    'blocks %s',
    (url) => expect(isBlockedRequest(url)).toBe(true),
  );

  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/assets/app.js`, 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/x.js'])(
    'lets %s through',
    (url) => expect(isBlockedRequest(url)).toBe(false),
  );

  it('blocks what it cannot parse', () => {
    expect(isBlockedRequest('::::')).toBe(true);
  });
});

describe('isAllowedPermission', () => {
  it('allows clipboard writes from the app only', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://order-desk/index.html')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://order-desk/')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://order-desk.evil.com/')).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(isAllowedPermission(permission, 'app://order-desk/index.html')).toBe(false);
    }
  });
});
