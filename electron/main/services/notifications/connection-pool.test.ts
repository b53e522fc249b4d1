import { describe, expect, it } from 'vitest';
import { createConnectionPool, type MakeMailer } from './connection-pool.js';
import { memoryNotificationSettings } from './memory-settings.js';
import type { MailSettings, NotificationSecretName } from './ports.js';
import type { Mailer } from './smtp.js';

const mail: MailSettings = { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'desk', fromName: 'Shomp', fromAddress: 'orders@example.com', replyTo: null };
const sms = { enabled: true, accountSid: `AC${'0'.repeat(32)}`, fromNumber: '+15035550123' };

/** Records every mailer built (with its password) and which were closed. */
function mailers() {
  const built: Array<{ password: string | null; connections: number; closed: boolean }> = [];
  const make: MakeMailer = (_settings, password, connections) => {
    const entry = { password, connections, closed: false };
    built.push(entry);
    const mailer: Mailer = { send: () => Promise.reject(new Error('not used')), close: () => void (entry.closed = true) };
    return mailer;
  };
  return { built, make };
}

describe('the connection pool', () => {
  it('shares one mailer (one read of the password) between messages leaving together', async () => {
    const { built, make } = mailers();
    const settings = memoryNotificationSettings({ mail }, { smtpPassword: 'pw' });
    const pool = createConnectionPool({ settings, connections: 5, makeMailer: make, makeSms: () => ({ send: () => Promise.reject(new Error('not used')) }) });
    const [a, b] = await Promise.all([pool.mailer(mail), pool.mailer(mail)]);
    expect(a).toBe(b);
    expect(built).toEqual([{ password: 'pw', connections: 5, closed: false }]);
  });

  it('builds a new mailer with the new password after a secret change, and closes the old one', async () => {
    const { built, make } = mailers();
    const settings = memoryNotificationSettings({ mail }, { smtpPassword: 'old' });
    const pool = createConnectionPool({ settings, connections: 5, makeMailer: make, makeSms: () => ({ send: () => Promise.reject(new Error('not used')) }) });
    await pool.mailer(mail);
    await settings.setSecret('smtpPassword', 'new');
    pool.secretChanged();
    await pool.mailer(mail);
    expect(built.map((entry) => [entry.password, entry.closed])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    await pool.close();
    expect(built[1]!.closed).toBe(true);
  });

  it('asks a keystore that failed once again next time, instead of remembering it as broken', async () => {
    const { built, make } = mailers();
    let failures = 1;
    const inner = memoryNotificationSettings({ mail, sms }, { smtpPassword: 'pw', twilioAuthToken: 'tok' });
    const settings = {
      getSecret: (name: NotificationSecretName) => (failures-- > 0 ? Promise.reject(new Error('keystore locked')) : inner.getSecret(name)),
    };
    const tokens: string[] = [];
    const pool = createConnectionPool({ settings, connections: 1, makeMailer: make, makeSms: (_config, token) => (tokens.push(token), { send: () => Promise.reject(new Error('not used')) }) });
    await expect(pool.mailer(mail)).rejects.toThrow('keystore locked');
    await expect(pool.mailer(mail)).resolves.toBeDefined();
    expect(built).toHaveLength(1);
    failures = 1;
    await expect(pool.sms(sms)).rejects.toThrow('keystore locked');
    await expect(pool.sms(sms)).resolves.not.toBeNull();
    expect(tokens).toEqual(['tok']);
  });

  it('has no SMS provider while no auth token is saved', async () => {
    const settings = memoryNotificationSettings({ sms });
    const pool = createConnectionPool({ settings, connections: 1, makeMailer: mailers().make, makeSms: () => ({ send: () => Promise.reject(new Error('not used')) }) });
    expect(await pool.sms(sms)).toBeNull();
  });
});
