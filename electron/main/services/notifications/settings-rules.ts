/**
 * The rules a person's notification settings are held to, run by the save and test-send
 * handlers so every mistake comes back at once, as a sentence on its own field. Only main runs
 * them; the one rule the form also runs as the person types (savedPasswordProblem) is in
 * shared/domain/notifications.ts.
 */
import { z } from 'zod';
import type {
  MailSettingsView,
  saveNotificationSettingsInputSchema,
  SmsSettingsView,
} from '../../../../shared/contract/notifications.js';
import { savedPasswordProblem, type SavedSettingsFacts } from '../../../../shared/domain/notifications.js';
import { recipientProblem } from './recipients.js';

const CONTROL = /\p{Cc}/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*\\.?$`);
const IPV6 = /^\[?[0-9A-Fa-f:.]+\]?$/;

/** Why `host` can't name a mail server, or null. */
export function hostProblem(raw: string): string | null {
  const host = raw.trim();
  if (host === '') return "Enter the mail server's name, like smtp.example.com.";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'Enter the server name only, without smtp:// or https://.';
  if (/\s/.test(host)) return 'The server name cannot contain spaces.';
  if (host.includes('/')) return 'Enter the server name only, without a path.';
  if (HOSTNAME.test(host)) return null;
  if (host.includes(':') && IPV6.test(host) && z.ipv6().safeParse(host.replace(/^\[|\]$/g, '')).success) return null;
  return `"${host.slice(0, 80)}" is not a server name or IP address.`;
}

/** Why `value` can't be a display name in a From header, or null. CR/LF are refused, never flattened. */
export function senderNameProblem(value: string): string | null {
  if (LINE_BREAK.test(value)) return 'The sender name cannot contain line breaks.';
  if (CONTROL.test(value)) return 'The sender name cannot contain control characters.';
  const name = value.trim();
  if (name === '') return 'Enter the name emails are sent under, like your shop name.';
  if (name.length > 100) return 'Keep the sender name to 100 characters.';
  return null;
}

const E164 = /^\+[1-9]\d{1,14}$/;
const TWILIO_SID = /^AC[0-9a-f]{32}$/;

export interface CheckedNotificationSettings {
  mail: MailSettingsView | null;
  sms: SmsSettingsView | null;
  alertThreshold: number;
}

type SaveSettingsInput = z.output<typeof saveNotificationSettingsInputSchema>;
/** The wire's mail settings, bounded but not yet checked (save and test-send draft share it). */
export type LooseMail = NonNullable<SaveSettingsInput['mail']>;
type LooseSms = NonNullable<SaveSettingsInput['sms']>;

const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value.trim());

/**
 * The SMTP part of the rules. Field keys are the input's own paths (`mail.host`), the same in
 * save and test-send, so a form marks the right field either way.
 */
export function checkMailSettings(mail: LooseMail, fields: Record<string, string>): MailSettingsView {
  const hostIssue = hostProblem(mail.host);
  if (hostIssue) fields['mail.host'] = hostIssue;
  if (!Number.isInteger(mail.port) || mail.port < 1 || mail.port > 65_535) {
    fields['mail.port'] = 'Enter a port from 1 to 65535 (usually 465 for TLS or 587 for STARTTLS).';
  }
  const user = blankToNull(mail.user);
  if (user !== null && CONTROL.test(user)) fields['mail.user'] = 'The user name cannot contain line breaks or control characters.';
  const nameIssue = senderNameProblem(mail.fromName);
  if (nameIssue) fields['mail.fromName'] = nameIssue;
  const fromAddress = mail.fromAddress.trim();
  const fromIssue = fromAddress === '' ? 'Enter the address emails are sent from.' : recipientProblem(fromAddress);
  if (fromIssue) fields['mail.fromAddress'] = fromIssue;
  const replyTo = blankToNull(mail.replyTo);
  const replyIssue = replyTo === null ? null : recipientProblem(replyTo);
  if (replyIssue) fields['mail.replyTo'] = replyIssue;
  return { host: mail.host.trim(), port: mail.port, security: mail.security, user, fromName: mail.fromName.trim(), fromAddress, replyTo };
}

function checkSmsSettings(sms: LooseSms, fields: Record<string, string>): SmsSettingsView {
  const accountSid = sms.accountSid.trim();
  const fromNumber = sms.fromNumber.trim();
  if (!TWILIO_SID.test(accountSid)) fields['sms.accountSid'] = 'Enter the Account SID from the Twilio console: AC followed by 32 characters 0-9 and a-f.';
  if (!E164.test(fromNumber)) fields['sms.fromNumber'] = 'Enter the sending number in international form, like +15035550123.';
  return { enabled: sms.enabled, accountSid, fromNumber };
}

function secretProblem(value: string | null | undefined, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (value === '') return `Enter the ${what}, or leave it as it is to keep the saved one.`;
  if (LINE_BREAK.test(value) || value.includes('\0')) return `The ${what} cannot contain line breaks.`;
  return null;
}

/**
 * Every rule of the notification settings form, all at once, against what is saved now (texts
 * can't be switched on without a token; the saved password can't follow a new server).
 */
export function checkNotificationSettings(
  input: SaveSettingsInput,
  saved: SavedSettingsFacts,
): { ok: true; value: CheckedNotificationSettings } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const mail = input.mail === null ? null : checkMailSettings(input.mail, fields);
  // Texting switched off with nothing filled in is "no SMS", not a half-filled form.
  const smsBlank = input.sms !== null && !input.sms.enabled && input.sms.accountSid.trim() === '' && input.sms.fromNumber.trim() === '';
  const sms = input.sms === null || smsBlank ? null : checkSmsSettings(input.sms, fields);
  if (!Number.isInteger(input.alertThreshold) || input.alertThreshold < 1 || input.alertThreshold > 1000) {
    fields.alertThreshold = 'Enter a whole number of failed messages from 1 to 1000.';
  }
  const passwordIssue = secretProblem(input.smtpPassword, 'password');
  if (passwordIssue) fields.smtpPassword = passwordIssue;
  // Deleting the password (null) is always allowed; keeping it (undefined) must not move it.
  const keptPasswordIssue = mail !== null && input.smtpPassword === undefined ? savedPasswordProblem(mail, undefined, saved) : null;
  if (keptPasswordIssue && !fields.smtpPassword && !fields['mail.host']) fields.smtpPassword = keptPasswordIssue;
  const tokenIssue = secretProblem(input.twilioAuthToken, 'auth token');
  if (tokenIssue) fields.twilioAuthToken = tokenIssue;
  const tokenAfter = input.twilioAuthToken === undefined ? saved.hasTwilioToken : input.twilioAuthToken !== null;
  if (sms?.enabled && !tokenAfter && !fields.twilioAuthToken) fields.twilioAuthToken = 'Enter the Twilio auth token to turn texts on.';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, value: { mail, sms, alertThreshold: input.alertThreshold } };
}

/** The sentence for a refused form: the one mistake, or how many there are. */
export function formProblemSentence(fields: Record<string, string>, before = 'the settings can be saved'): string {
  const messages = Object.values(fields);
  if (messages.length === 1) return messages[0]!;
  return `${messages.length} fields need fixing before ${before}.`;
}
