/**
 * The sender's connections: one pooled SMTP mailer and one SMS provider, each built for the
 * settings and secrets in force and rebuilt when either changes. Held as promises, so messages
 * leaving together share one read of the secret and one connection pool.
 */
import type { MailSettings, NotificationSettingsStore, SmsProvider, SmsSettings } from './ports.js';
import type { Mailer } from './smtp.js';

export type MakeMailer = (settings: MailSettings, password: string | null, connections: number) => Mailer;
export type MakeSms = (settings: SmsSettings, authToken: string) => SmsProvider;

export interface ConnectionPoolOptions {
  settings: Pick<NotificationSettingsStore, 'getSecret'>;
  /** The SMTP pool's connection count. */
  connections: number;
  makeMailer: MakeMailer;
  makeSms: MakeSms;
}

export interface ConnectionPool {
  mailer(mail: MailSettings): Promise<Mailer>;
  /** Null when no Twilio auth token is saved. */
  sms(config: SmsSettings): Promise<SmsProvider | null>;
  /** A secret changed: the next message builds its connection anew (the keystore is asked again). */
  secretChanged(): void;
  /** Closes the mail connections; the next message (after a restart) opens new ones. */
  close(): Promise<void>;
}

export function createConnectionPool(options: ConnectionPoolOptions): ConnectionPool {
  const { settings, connections, makeMailer, makeSms } = options;
  let secretsRevision = 0;
  let mailer: { key: string; mailer: Promise<Mailer> } | null = null;
  let sms: { key: string; provider: Promise<SmsProvider | null> } | null = null;

  return {
    mailer(mail) {
      const key = JSON.stringify([mail, secretsRevision]);
      if (mailer?.key !== key) {
        const previous = mailer?.mailer;
        mailer = {
          key,
          mailer: (async () => {
            (await previous?.catch(() => null))?.close();
            const password = mail.user === null ? null : await settings.getSecret('smtpPassword');
            return makeMailer(mail, password, connections);
          })().catch((error: unknown) => {
            // A keystore that failed once is asked again next time, not remembered as broken.
            if (mailer?.key === key) mailer = null;
            throw error;
          }),
        };
      }
      return mailer.mailer;
    },
    sms(config) {
      const key = JSON.stringify([config, secretsRevision]);
      if (sms?.key !== key) {
        sms = {
          key,
          provider: settings
            .getSecret('twilioAuthToken')
            .then((token) => (token === null ? null : makeSms(config, token)))
            .catch((error: unknown) => {
              if (sms?.key === key) sms = null;
              throw error;
            }),
        };
      }
      return sms.provider;
    },
    secretChanged() {
      secretsRevision += 1;
    },
    async close() {
      const closing = mailer?.mailer;
      mailer = null;
      (await closing?.catch(() => null))?.close();
      sms = null;
    },
  };
}
