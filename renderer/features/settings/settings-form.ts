import type {
  NotificationSettingsView,
  SaveNotificationSettingsInput,
} from '../../../shared/contract/index.js';
import { SMTP_SECURITY_MODES } from '../../../shared/contract/index.js';
import { savedPasswordProblem } from '../../../shared/domain/notifications.js';

export type SmtpSecurity = (typeof SMTP_SECURITY_MODES)[number];

/** What the form holds: every field as typed. Secrets start empty: the desk never sends them back. */
export interface SettingsDraft {
  host: string;
  port: string;
  security: SmtpSecurity;
  user: string;
  /** A new password; '' keeps the saved one (or none). */
  password: string;
  /** Delete the saved password on save. */
  removePassword: boolean;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  smsEnabled: boolean;
  accountSid: string;
  fromNumber: string;
  /** A new auth token; '' keeps the saved one. */
  authToken: string;
  removeAuthToken: boolean;
  alertThreshold: string;
}

export type DraftField = keyof SettingsDraft;

export const SECURITY_OPTIONS: { value: SmtpSecurity; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'TLS from the start (usually port 465)' },
  { value: 'none', label: 'None: a server on this computer or network only' },
];

export function draftFrom(view: NotificationSettingsView): SettingsDraft {
  return {
    host: view.mail?.host ?? '',
    port: String(view.mail?.port ?? 587),
    security: view.mail?.security ?? 'starttls',
    user: view.mail?.user ?? '',
    password: '',
    removePassword: false,
    fromName: view.mail?.fromName ?? '',
    fromAddress: view.mail?.fromAddress ?? '',
    replyTo: view.mail?.replyTo ?? '',
    smsEnabled: view.sms?.enabled ?? false,
    accountSid: view.sms?.accountSid ?? '',
    fromNumber: view.sms?.fromNumber ?? '',
    authToken: '',
    removeAuthToken: false,
    alertThreshold: String(view.alertThreshold),
  };
}

// A number that isn't one goes as -1 / 0 so main answers with its own sentence on the field,
// rather than the wire's "expected number".
const wholeNumber = (text: string, invalid: number): number => {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : invalid;
};

const mailBlank = (d: SettingsDraft) => [d.host, d.user, d.fromName, d.fromAddress, d.replyTo].every((v) => v.trim() === '');

export function mailInput(d: SettingsDraft): NonNullable<SaveNotificationSettingsInput['mail']> {
  return {
    host: d.host,
    port: wholeNumber(d.port, -1),
    security: d.security,
    user: d.user.trim() === '' ? null : d.user,
    fromName: d.fromName,
    fromAddress: d.fromAddress,
    replyTo: d.replyTo.trim() === '' ? null : d.replyTo,
  };
}

/** What save sends: an untouched secret is left out (kept), a removed one is null, a typed one replaces it. */
export function saveInputFrom(d: SettingsDraft): SaveNotificationSettingsInput {
  const input: SaveNotificationSettingsInput = {
    mail: mailBlank(d) ? null : mailInput(d),
    sms: { enabled: d.smsEnabled, accountSid: d.accountSid, fromNumber: d.fromNumber },
    alertThreshold: wholeNumber(d.alertThreshold, 0),
  };
  if (d.removePassword) input.smtpPassword = null;
  else if (d.password !== '') input.smtpPassword = d.password;
  if (d.removeAuthToken) input.twilioAuthToken = null;
  else if (d.authToken !== '') input.twilioAuthToken = d.authToken;
  return input;
}

/** A test send uses the form as it is now, so settings can be tried before they are saved. */
export function testSendInputFrom(d: SettingsDraft, to: string) {
  return { to, draft: { mail: mailInput(d), password: d.removePassword ? '' : d.password === '' ? null : d.password } };
}

/**
 * Main's own rule, run as the person types: once host, port, security or user differ from what
 * the saved password belongs to, the password field says it must be typed again, before a save
 * or a test send is refused for it. Null while the saved password may still be used.
 */
export function passwordAgainProblem(view: NotificationSettingsView, d: SettingsDraft): string | null {
  if (d.removePassword || mailBlank(d)) return null;
  const user = d.user.trim();
  const next = { ...mailInput(d), host: d.host.trim(), user: user === '' ? null : user };
  return savedPasswordProblem(next, d.password === '' ? undefined : d.password, {
    mail: view.mail,
    hasSmtpPassword: view.hasSmtpPassword,
    hasTwilioToken: view.hasTwilioToken,
  });
}

/** Main's field paths, as the form's inputs name them. */
const FIELD_OF: Record<string, DraftField> = {
  'mail.host': 'host',
  'mail.port': 'port',
  'mail.security': 'security',
  'mail.user': 'user',
  'mail.fromName': 'fromName',
  'mail.fromAddress': 'fromAddress',
  'mail.replyTo': 'replyTo',
  smtpPassword: 'password',
  'sms.enabled': 'smsEnabled',
  'sms.accountSid': 'accountSid',
  'sms.fromNumber': 'fromNumber',
  twilioAuthToken: 'authToken',
  alertThreshold: 'alertThreshold',
};

export type DraftErrors = Partial<Record<DraftField | 'to', string>>;

/**
 * Maps a refused save's (or test send's) field errors onto the form; any the form has no input
 * for come back as sentences, so no message is lost.
 */
export function draftErrorsFrom(fields: Record<string, string> | undefined): { errors: DraftErrors; other: string[] } {
  const errors: DraftErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields ?? {})) {
    const field = path === 'to' ? 'to' : FIELD_OF[path];
    if (field !== undefined) errors[field] ??= message;
    else other.push(message);
  }
  return { errors, other };
}
