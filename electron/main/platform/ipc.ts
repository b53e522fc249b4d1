// The one IPC door into main. Every message is checked against the frame that sent it before
// the handler table sees it (VS Code's validatedIpcMain); dispatch then parses the input and
// checks the role. Events go back on a single channel.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventName } from '../../../shared/contract/index.js';
import { fail, type Result } from '../../../shared/domain/result.js';
import type { Actor } from '../app/context.js';
import type { Dispatch } from '../app/dispatch.js';
import { CALL_CHANNEL, EVENT_CHANNEL, parseCallMessage } from './ipc-channels.js';
import { isTrustedSender } from './trusted-url.js';

export interface DeskIpcOptions {
  dispatch: Dispatch;
  actor: () => Actor | null;
  /** The desk window, once it exists; messages from anything else are refused. */
  mainWindow: () => BrowserWindow | null;
  logError: (message: string, error: unknown) => void;
}

function senderIsTrusted(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  const top = window.webContents.mainFrame;
  return isTrustedSender({
    frameUrl: frame.url,
    // Compared by ids, not object identity: the frame must be this window's top frame.
    isTopFrame: frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId,
    isMainWindow: event.sender.id === window.webContents.id,
  });
}

export function registerDeskIpc({ dispatch, actor, mainWindow, logError }: DeskIpcOptions): void {
  ipcMain.handle(CALL_CHANNEL, (event, raw: unknown): Result<unknown> | Promise<Result<unknown>> => {
    if (!senderIsTrusted(event, mainWindow())) {
      logError('refused an IPC call from an untrusted sender', null);
      return fail('FORBIDDEN', 'This window may not use the desk.');
    }
    const message = parseCallMessage(raw);
    if (!message) return fail('INVALID_INPUT', 'The request could not be read.');
    return dispatch(actor(), message.name, message.input);
  });
}

/** Contract events to the desk window (an App subscriber); dropped while the window doesn't exist. */
export function createEventSender(mainWindow: () => BrowserWindow | null) {
  return (event: EventName, payload: unknown): void => {
    const window = mainWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(EVENT_CHANNEL, { event, payload });
  };
}
