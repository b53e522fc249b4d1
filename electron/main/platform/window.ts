// The desk window and the session it runs in. Every decision (which URL is ours, which link
// may open in the browser) comes from trusted-url.ts; this file only wires Electron to it.
import { app, BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, decideNavigation, isAllowedPermission, isAppUrl, isBlockedRequest } from './trusted-url.js';

/** The renderer's own persistent session, so main-process networking (net.fetch on the default
 * session) is never caught by the renderer's request block. */
const DESK_PARTITION = 'persist:order-desk';

export function deskSession(): Session {
  return session.fromPartition(DESK_PARTITION);
}

/** Renderer sandboxing for every WebContents, whatever its webPreferences say. Before ready. */
export function enforceSandbox(): void {
  app.enableSandbox();
}

function openExternally(url: string): void {
  shell.openExternal(url, { activate: true }).catch((error: unknown) => {
    console.error('Could not open a link in the browser:', error instanceof Error ? error.message : String(error));
  });
}

/**
 * Navigation and window rules for one WebContents: stay on the app origin; an https link (a
 * tracking page) opens in the OS browser; nothing else happens. No webviews.
 */
function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, { allowInPlace: false });
    if (decision.action === 'open-external') openExternally(decision.url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, { allowInPlace: true });
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') openExternally(decision.url);
  });
  contents.on('will-frame-navigate', (event) => {
    // Main-frame navigations are will-navigate's; iframes never leave the app origin.
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies guardWebContents to every WebContents the app ever creates (devtools included). */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/**
 * The desk's session refuses every permission but clipboard writes (see isAllowedPermission) and
 * every request for remote or file: content; the app: protocol serves all the renderer needs.
 */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(isAllowedPermission(permission, contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isAllowedPermission(permission, `${requestingOrigin}/`));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.on('will-download', (event) => event.preventDefault());
  // No URL filter: every request is judged by the same pure rule (and no match-pattern
  // syntax to get wrong at run time).
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
}

export interface MainWindowOptions {
  preloadPath: string;
  session: Session;
  onClosed: () => void;
}

export function createMainWindow({ preloadPath, session: ses, onClosed }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Order Desk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      session: ses,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Support can still open DevTools in development builds; a shipped desk has none.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.once('closed', onClosed);
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('The desk window failed to load:', error instanceof Error ? error.message : String(error));
  });
  return window;
}

/** Brings the window forward (a second launch lands here). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
