// Notification settings in userData/notifications.json (electron-store), their secrets (SMTP
// password, Twilio auth token) encrypted through the OS keystore by secrets.ts.
import Store from 'electron-store';
import { z } from 'zod';
import { mailSettingsSchema, smsSettingsSchema } from '../../../shared/contract/notifications.js';
import { DEFAULT_FAILURE_ALERT_THRESHOLD } from '../services/notifications/alert-threshold.js';
import type { NotificationSettings, NotificationSettingsStore } from '../services/notifications/ports.js';
import type { SecretStore } from './secrets.js';

const storedSchema = z.object({
  mail: mailSettingsSchema.nullable().catch(null),
  sms: smsSettingsSchema.nullable().catch(null),
  alertThreshold: z.number().int().positive().catch(DEFAULT_FAILURE_ALERT_THRESHOLD),
});

/**
 * A hand-edited or older file costs only the part that no longer parses (it falls back to
 * "not set up"), never the whole app. Writes go through save(), which the handler has checked.
 */
export function openNotificationSettings(userDataDir: string, secrets: SecretStore): NotificationSettingsStore {
  const file = new Store<Record<string, unknown>>({ name: 'notifications', cwd: userDataDir, clearInvalidConfig: false });
  const read = (): NotificationSettings => storedSchema.parse({ mail: null, sms: null, alertThreshold: DEFAULT_FAILURE_ALERT_THRESHOLD, ...file.store });
  let current = read();
  return {
    get: () => current,
    save(settings) {
      file.store = { ...storedSchema.parse(settings) };
      current = read();
    },
    getSecret: (name) => secrets.get(name),
    async setSecret(name, value) {
      if (value === null) secrets.delete(name);
      else await secrets.set(name, value);
    },
    hasSecret: (name) => secrets.has(name),
  };
}
