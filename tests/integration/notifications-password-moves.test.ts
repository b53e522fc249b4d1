/**
 * The saved SMTP password goes only to the exact server it was saved for: a change of host, port,
 * security or user asks for it again, in both the save and the test send. Driven through the
 * handler table against a real loopback SMTP server that records every sign-in it sees.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.js';
import type { Result } from '../../shared/domain/result.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import type { MailSettings, NotificationSettingsStore } from '../../electron/main/services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from '../../electron/main/services/notifications/service.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/smtp-server.js';
import { Fixture } from './fixtures.js';

const PASSWORD = 'saved-secret-never-in-clear';
const ASK_AGAIN = /^Enter the password again: the server settings changed/;

let f: Fixture;
let smtp: FakeSmtp;
let settings: NotificationSettingsStore;
let service: RunningNotificationService;
let saved: MailSettings;

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  return (await f.app.dispatch(f.admin, name, input)) as Result<CallOutput<N>>;
}

function attach(mail: MailSettings): void {
  saved = mail;
  settings = memoryNotificationSettings({ mail }, { smtpPassword: PASSWORD });
  // Never started: only its settings and test send are used here.
  service = createNotificationService({ store: f.store, settings, renderEmail, logError: () => {} });
  f.app.ctx.notifications = service;
}

beforeEach(async () => {
  f = new Fixture();
  smtp = await startFakeSmtp({ parse: false });
  // Saved for an encrypted connection: the password must never follow the form to plain text.
  attach({ host: '127.0.0.1', port: smtp.port, security: 'starttls', user: 'desk', fromName: 'Alder', fromAddress: 'orders@example.com', replyTo: null });
});

afterEach(async () => {
  await service.stop();
  await smtp.close();
  f.close();
});

const changes: Array<[string, () => MailSettings]> = [
  ['security switched to none', () => ({ ...saved, security: 'none' })],
  ['another port', () => ({ ...saved, port: saved.port + 1 })],
  ['another host', () => ({ ...saved, host: 'localhost' })],
  ['another user', () => ({ ...saved, user: 'someone-else' })],
];

describe('the saved SMTP password is asked for again when the server settings change', () => {
  it.each(changes)('save refuses %s without the password, on its field, and changes nothing', async (_what, next) => {
    const result = await call('settings.notifications.save', { mail: next(), sms: null, alertThreshold: 3 });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { smtpPassword: expect.stringMatching(ASK_AGAIN) } });
    expect(settings.get().mail).toEqual(saved);
    expect(await settings.getSecret('smtpPassword')).toBe(PASSWORD);
  });

  it.each(changes)('test send refuses %s without the password and sends nothing', async (_what, next) => {
    for (const password of [undefined, null]) {
      const result = await call('settings.notifications.testSend', { to: 'me@example.com', draft: { mail: next(), password } });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { smtpPassword: expect.stringMatching(ASK_AGAIN) } });
    }
    expect(smtp.connections).toBe(0);
    expect(smtp.logins).toEqual([]);
  });

  it('sends a password typed again, and only that one, to the changed server', async () => {
    const result = await call('settings.notifications.testSend', { to: 'me@example.com', draft: { mail: { ...saved, security: 'none' }, password: 'typed-for-this-server' } });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    expect(smtp.logins).toEqual([{ user: 'desk', password: 'typed-for-this-server', secure: false }]);
    const save = await call('settings.notifications.save', { mail: { ...saved, security: 'none' }, sms: null, alertThreshold: 3, smtpPassword: 'typed-for-this-server' });
    expect(save).toMatchObject({ ok: true });
  });

  it('keeps using the saved password while host, port, security and user stay the same', async () => {
    attach({ ...saved, security: 'none' });
    const sameServer = { ...saved, host: '127.0.0.1', fromName: 'Renamed shop' };
    const result = await call('settings.notifications.testSend', { to: 'me@example.com', draft: { mail: sameServer, password: null } });
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    expect(smtp.logins).toEqual([{ user: 'desk', password: PASSWORD, secure: false }]);
    expect(await call('settings.notifications.save', { mail: sameServer, sms: null, alertThreshold: 3 })).toMatchObject({ ok: true });
  });
});
