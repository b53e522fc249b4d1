// Sandboxed preload (bundled to out/preload/index.cjs). It exposes window.orderDesk, the
// DeskBridge: contract calls and events only. ipcRenderer itself never reaches the page, and
// listeners get the payload, never the IPC event (whose `sender` is ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '../../shared/contract/bridge.js';
import { createDeskBridge } from './bridge-core.js';
import { IPC_CALL_CHANNEL as CALL_CHANNEL, IPC_EVENT_CHANNEL as EVENT_CHANNEL } from '../../shared/contract/bridge.js';

const bridge = createDeskBridge(
  {
    invoke: (message) => ipcRenderer.invoke(CALL_CHANNEL, message),
    listen: (handler) => {
      ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => handler(message));
    },
  },
  (message, error) => console.error(`[orderDesk] ${message}`, error),
);

// A fresh object with exactly the two methods: nothing else of the preload is reachable.
const exposed: DeskBridge = {
  call: (name, input) => bridge.call(name, input),
  on: (event, listener) => bridge.on(event, listener),
};

contextBridge.exposeInMainWorld('orderDesk', exposed);
