/**
 * The settings store as the sender hands it to the handlers: the same store, but the sender
 * hears of every change. A new secret rebuilds the connection (the OS keystore is asked once per
 * change, not once per message); a save is a person saying "try now", so queued mail leaves at
 * once instead of at the next poll.
 */
import type { NotificationSettingsStore } from './ports.js';

export interface SettingsListener {
  secretChanged(): void;
  saved(): void;
}

export function watchSettings(inner: NotificationSettingsStore, listener: SettingsListener): NotificationSettingsStore {
  return {
    ...inner,
    save(settings) {
      inner.save(settings);
      listener.saved();
    },
    async setSecret(name, value) {
      await inner.setSecret(name, value);
      listener.secretChanged();
    },
  };
}
