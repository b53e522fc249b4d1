import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerSafe } from './header-safe.js';
import { checkNotificationSettings, hostProblem, senderNameProblem } from './settings-rules.js';

const mail = {
  host: 'smtp.example.com',
  port: 465,
  security: 'tls' as const,
  user: null,
  fromName: 'Alder Goods',
  fromAddress: 'orders@example.com',
  replyTo: null,
};

const nothingSaved = { mail: null, hasSmtpPassword: false, hasTwilioToken: false };

describe('hostProblem', () => {
  it('takes host names and IP addresses', () => {
    for (const host of ['localhost', 'smtp.example.com', 'mail-1.eu.example.co.uk', '127.0.0.1', '::1', '[2001:db8::25]', 'example.com.']) {
      expect(hostProblem(host), host).toBeNull();
    }
  });

  it('refuses schemes, spaces, paths, ports and junk, each with its reason', () => {
    expect(hostProblem('')).toMatch(/Enter the mail server/);
    expect(hostProblem('smtps://mail.example.com')).toMatch(/without smtp:\/\//);
    expect(hostProblem('mail example.com')).toMatch(/spaces/);
    expect(hostProblem('mail.example.com/smtp')).toMatch(/without a path/);
    expect(hostProblem('mail.example.com:587')).toMatch(/not a server name/);
    expect(hostProblem('-bad-.example.com')).toMatch(/not a server name/);
    expect(hostProblem('mail_server')).toMatch(/not a server name/);
  });

  it('never accepts whitespace or control characters inside a name', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(' ', '\t', '\r', '\n', '\u0000', '\u0085'), fc.string(), (a, bad, b) => {
        const host = `a${a}${bad}${b}z`;
        expect(hostProblem(host)).not.toBeNull();
      }),
    );
  });
});

describe('senderNameProblem', () => {
  it('refuses CR/LF rather than flattening them, so a header can never be added', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('\r', '\n', '\r\n', '\u2028'), fc.string({ maxLength: 40 }), (a, br, b) => {
        expect(senderNameProblem(`${a}${br}${b}`)).not.toBeNull();
      }),
    );
  });

  it('accepts what headerSafe leaves unchanged, up to 100 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), (name) => {
        fc.pre(name.trim() !== '' && headerSafe(name, 100) === name);
        expect(senderNameProblem(name)).toBeNull();
      }),
    );
    expect(senderNameProblem('x'.repeat(101))).toMatch(/100 characters/);
    expect(senderNameProblem('   ')).toMatch(/Enter the name/);
  });
});

describe('checkNotificationSettings', () => {
  it('treats a switched-off, empty SMS section as no SMS, and blank optional fields as null', () => {
    const checked = checkNotificationSettings(
      { mail: { ...mail, user: '  ', replyTo: '' }, sms: { enabled: false, accountSid: ' ', fromNumber: '' }, alertThreshold: 3 },
      { ...nothingSaved },
    );
    expect(checked).toEqual({ ok: true, value: { mail: { ...mail, user: null, replyTo: null }, sms: null, alertThreshold: 3 } });
  });

  it('keeps a switched-off SMS section that is filled in, and checks it', () => {
    const sms = { enabled: false, accountSid: 'AC1', fromNumber: '+1503' };
    const checked = checkNotificationSettings({ mail, sms, alertThreshold: 3 }, { ...nothingSaved });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.fields)).toEqual(['sms.accountSid']);
  });

  it('needs a token to turn texts on, saved or given; an empty secret is a mistake, not a deletion', () => {
    const sms = { enabled: true, accountSid: `AC${'a'.repeat(32)}`, fromNumber: '+15035550123' };
    expect(checkNotificationSettings({ mail, sms, alertThreshold: 3 }, { ...nothingSaved, hasTwilioToken: true }).ok).toBe(true);
    expect(checkNotificationSettings({ mail, sms, alertThreshold: 3, twilioAuthToken: null }, { ...nothingSaved, hasTwilioToken: true }).ok).toBe(false);
    expect(checkNotificationSettings({ mail, sms, alertThreshold: 3, twilioAuthToken: 'tok' }, { ...nothingSaved }).ok).toBe(true);
    const empty = checkNotificationSettings({ mail, sms: null, alertThreshold: 3, smtpPassword: '' }, { ...nothingSaved });
    expect(!empty.ok && empty.fields.smtpPassword).toMatch(/leave it as it is/);
  });

  it('holds the alert threshold to whole numbers from 1 to 1000', () => {
    for (const alertThreshold of [0, 1001, 2.5, -1, Number.NaN]) {
      const checked = checkNotificationSettings({ mail, sms: null, alertThreshold }, { ...nothingSaved });
      expect(!checked.ok && checked.fields.alertThreshold, String(alertThreshold)).toBeTruthy();
    }
  });
});

describe('checkNotificationSettings and the saved password', () => {
  const signedIn = { ...mail, user: 'desk' };
  const saved = { mail: signedIn, hasSmtpPassword: true, hasTwilioToken: false };

  it('refuses a save that would move the kept password, but not one that deletes it', () => {
    const moved = checkNotificationSettings({ mail: { ...signedIn, host: 'evil.example.net' }, sms: null, alertThreshold: 3 }, saved);
    expect(!moved.ok && moved.fields.smtpPassword).toMatch(/only sent to the server/);
    expect(checkNotificationSettings({ mail: { ...signedIn, host: 'evil.example.net' }, sms: null, alertThreshold: 3, smtpPassword: null }, saved).ok).toBe(true);
  });
});
