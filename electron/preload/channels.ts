// Same strings as electron/main/platform/ipc-channels.ts (checked by ipc-channels.test.ts).

export const CALL_CHANNEL = 'desk:call';
export const EVENT_CHANNEL = 'desk:event';
