// Pure trust decisions for the Electron shell. No 'electron' import, so they are tested in Node
// with spoofed URLs (trusted-url.test.ts); window.ts, ipc.ts and protocol.ts only apply them.
import { TRACKING_URL_MAX } from '../../../shared/domain/tracking.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'order-desk';
/** Spelled out rather than taken from URL.origin: Node reports "null" for non-special schemes. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The WHATWG parser quietly strips surrounding spaces and any tab or newline; a URL that needed
 * that is not one Chromium produced, so it is refused rather than cleaned.
 */
function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  if (raw.startsWith(' ') || raw.endsWith(' ') || hasControlCharacter(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on the app's own origin: scheme `app:`, host exactly `order-desk`, no
 * credentials and no port. Prefix or substring checks are what `app://order-desk.evil.com` and
 * `app://order-desk@evil` exploit, so every part is compared whole.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/**
 * A link the OS browser may open: https only (tracking pages), no credentials, a real host, and
 * no longer than a tracking URL may be. Returns the normalised href, or null to refuse.
 */
export function externalLinkTarget(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > TRACKING_URL_MAX) return null;
  const url = parseUrl(raw);
  if (!url || url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string };

/**
 * What to do when the page tries to go to `raw` (will-navigate, will-redirect, window.open):
 * stay on the app origin, hand an https link to the OS browser, refuse everything else.
 * `allowInPlace` is false for new windows: those are never opened inside the app.
 */
export function decideNavigation(raw: unknown, { allowInPlace }: { allowInPlace: boolean }): NavigationDecision {
  if (isAppUrl(raw)) return allowInPlace ? { action: 'allow' } : { action: 'deny' };
  const external = externalLinkTarget(raw);
  return external ? { action: 'open-external', url: external } : { action: 'deny' };
}

/** What ipc.ts knows about the frame behind an IPC message. */
export interface SenderFacts {
  /** event.senderFrame?.url; null when Electron no longer has the frame (navigated or destroyed). */
  frameUrl: string | null | undefined;
  /** The sending frame is the top frame of its WebContents (not an iframe). */
  isTopFrame: boolean;
  /** The sending WebContents is the desk's main window (not a devtools or any other contents). */
  isMainWindow: boolean;
}

/** VS Code's validatedIpcMain rule: a message is served only from the app's own top frame. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.isMainWindow && facts.isTopFrame && isAppUrl(facts.frameUrl);
}

/**
 * Requests the renderer's session must never make: the app loads nothing remote and reads no
 * local files directly (the app: protocol serves its own files). CSP says the same; this is the
 * second lock.
 */
export function isBlockedRequest(raw: unknown): boolean {
  const url = parseUrl(raw);
  if (!url) return true;
  return ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(url.protocol);
}

/**
 * The one permission the desk needs: writing to the clipboard (copy a tracking number or an
 * address), and only for the app's own pages. Everything else (camera, notifications,
 * clipboard read, geolocation, …) is refused.
 */
export function isAllowedPermission(permission: string, requestingUrl: unknown): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
