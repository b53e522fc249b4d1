/**
 * Notification settings held in memory: for the web host and tests, where there is no OS
 * keystore. Secrets live only as long as the process and are never written anywhere.
 */
import type { NotificationSecretName, NotificationSettings, NotificationSettingsStore } from './ports.js';
import { DEFAULT_FAILURE_ALERT_THRESHOLD } from './alert-threshold.js';

export function memoryNotificationSettings(initial: Partial<NotificationSettings> = {}, secrets: Partial<Record<NotificationSecretName, string>> = {}): NotificationSettingsStore {
  let current: NotificationSettings = { mail: null, sms: null, alertThreshold: DEFAULT_FAILURE_ALERT_THRESHOLD, ...initial };
  const saved = new Map(Object.entries(secrets) as Array<[NotificationSecretName, string]>);
  return {
    get: () => current,
    save(settings) {
      current = structuredClone(settings);
    },
    getSecret: async (name) => saved.get(name) ?? null,
    async setSecret(name, value) {
      if (value === null) saved.delete(name);
      else saved.set(name, value);
    },
    hasSecret: (name) => saved.has(name),
  };
}
