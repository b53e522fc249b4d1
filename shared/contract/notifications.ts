import { z } from 'zod';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  recipientProblem,
} from '../domain/notifications.js';
import { idSchema, uuidSchema } from './schemas.js';

const epochMs = z.number().int().nonnegative();

export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);

/** Notifications per status, within what the caller may see. */
export const notificationCountsSchema = z.object({
  queued: z.number().int().nonnegative(),
  sending: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  suppressed: z.number().int().nonnegative(),
});
export type NotificationCounts = z.infer<typeof notificationCountsSchema>;

export const notificationListInputSchema = z
  .object({
    /** Omitted: every status. */
    status: notificationStatusSchema.optional(),
    orderId: idSchema.optional(),
    /** Keyset cursor: rows with a smaller id (newest first), from the previous page's nextCursor. */
    before: idSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type NotificationListInput = z.input<typeof notificationListInputSchema>;

export const notificationRowSchema = z.object({
  id: idSchema,
  orderId: idSchema.nullable(),
  orderNumber: z.string().nullable(),
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  recipient: z.string(),
  status: notificationStatusSchema,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: epochMs.nullable(),
  /** Why the last attempt failed, in full (the server's reply or our reason). */
  lastError: z.string().nullable(),
  createdAt: epochMs,
  /** When the row last changed status (queued, tried, sent, failed, retried). */
  updatedAt: epochMs.nullable(),
  sentAt: epochMs.nullable(),
  /** The subject as rendered when the sender took the row; null until then. */
  subject: z.string().nullable(),
});
export type NotificationRow = z.infer<typeof notificationRowSchema>;

export const notificationListOutputSchema = z.object({
  rows: z.array(notificationRowSchema),
  nextCursor: idSchema.nullable(),
  /** Per status for the same scope and order filter, whatever the status filter: the tabs' counts. */
  counts: notificationCountsSchema,
});
export type NotificationListOutput = z.infer<typeof notificationListOutputSchema>;

export const notificationRefSchema = z.object({ id: idSchema }).strict();

const renderedEmailSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });

/** The exact message of a row: as stored when it went out, or rendered now from its content. */
export const notificationPreviewSchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('email'),
    from: z.string(),
    to: z.string(),
    messageId: z.string().nullable(),
    rendered: renderedEmailSchema,
  }),
  z.object({ channel: z.literal('sms'), from: z.string(), to: z.string(), body: z.string() }),
]);
export type NotificationPreviewView = z.infer<typeof notificationPreviewSchema>;

export const notificationRetryInputSchema = z.object({ ids: z.array(idSchema).min(1).max(500) }).strict();

/** Per row: put back in the queue, or refused with the reason. */
export const notificationRetryReportSchema = z.object({
  retried: z.array(idSchema),
  refused: z.array(z.object({ id: idSchema, message: z.string() })),
});
export type NotificationRetryReport = z.infer<typeof notificationRetryReportSchema>;

/** What the sender says about itself (see SenderState in the notification service). */
export const senderStateSchema = z.object({
  mail: z.enum(['not_configured', 'ready', 'offline']),
  lastError: z.string().nullable(),
  nextProbeAt: epochMs.nullable(),
});
export type SenderStateView = z.infer<typeof senderStateSchema>;

export const notificationSummarySchema = z.object({
  counts: notificationCountsSchema,
  failed: z.number().int().nonnegative(),
  threshold: z.number().int().positive(),
  /** Failures have reached the threshold: the app shows a banner. */
  alert: z.boolean(),
  /** Null where this desk runs no sender (nothing leaves it). */
  sender: senderStateSchema.nullable(),
});
export type NotificationSummary = z.infer<typeof notificationSummarySchema>;

export const resendConfirmationInputSchema = z
  .object({
    orderId: idSchema,
    /** Made by the client per click: a repeated request (double click, retry) queues one email. */
    requestId: uuidSchema,
  })
  .strict();

export const resendConfirmationOutputSchema = z.object({
  orderId: idSchema,
  notificationId: idSchema,
  /** False when this requestId had already queued it: nothing new was queued. */
  queued: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Settings: the shapes, then the rules a person's form is held to.

export const SMTP_SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
export const smtpSecuritySchema = z.enum(SMTP_SECURITY_MODES);

export const mailSettingsSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: smtpSecuritySchema,
  user: z.string().nullable(),
  fromName: z.string(),
  fromAddress: z.string(),
  replyTo: z.string().nullable(),
});
export type MailSettingsView = z.infer<typeof mailSettingsSchema>;

export const smsSettingsSchema = z.object({
  enabled: z.boolean(),
  accountSid: z.string(),
  fromNumber: z.string(),
});
export type SmsSettingsView = z.infer<typeof smsSettingsSchema>;

/** Never a secret: only whether one is saved. */
export const notificationSettingsViewSchema = z.object({
  mail: mailSettingsSchema.nullable(),
  sms: smsSettingsSchema.nullable(),
  alertThreshold: z.number().int().positive(),
  hasSmtpPassword: z.boolean(),
  hasTwilioToken: z.boolean(),
});
export type NotificationSettingsView = z.infer<typeof notificationSettingsViewSchema>;

// The wire shape is loose on purpose (bounded strings and numbers): the rules below run in the
// handler so every mistake comes back at once, as a sentence on its own field.
const looseText = z.string().max(1000);
const looseMailSchema = z
  .object({
    host: looseText,
    port: z.number(),
    security: smtpSecuritySchema,
    user: looseText.nullable(),
    fromName: looseText,
    fromAddress: looseText,
    replyTo: looseText.nullable(),
  })
  .strict();
const looseSmsSchema = z.object({ enabled: z.boolean(), accountSid: looseText, fromNumber: looseText }).strict();
/** Omitted: keep the saved one; null: delete it; a string: replace it. */
const secretInput = z.string().max(4096).nullable().optional();

export const saveNotificationSettingsInputSchema = z
  .object({
    mail: looseMailSchema.nullable(),
    sms: looseSmsSchema.nullable(),
    alertThreshold: z.number(),
    smtpPassword: secretInput,
    twilioAuthToken: secretInput,
  })
  .strict();
export type SaveNotificationSettingsInput = z.input<typeof saveNotificationSettingsInputSchema>;

export const testSendInputSchema = z
  .object({
    to: looseText,
    /** Settings being edited, not saved yet; password omitted or null = the saved password. */
    draft: z.object({ mail: looseMailSchema, password: z.string().max(4096).nullable().optional() }).strict().optional(),
  })
  .strict();

export const testSendOutputSchema = z.object({
  ok: z.boolean(),
  /** What happened, as a sentence with the server's own words. */
  message: z.string(),
});

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

type LooseMail = z.output<typeof looseMailSchema>;
type LooseSms = z.output<typeof looseSmsSchema>;

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

/** What is saved now, as far as the rules need to know. */
export interface SavedSettingsFacts {
  mail: MailSettingsView | null;
  hasSmtpPassword: boolean;
  hasTwilioToken: boolean;
}

/** What differs between where the password was saved for and where it would go now. */
function serverChanges(saved: MailSettingsView, next: MailSettingsView): string[] {
  const changes: string[] = [];
  if (saved.host.toLowerCase() !== next.host.toLowerCase()) changes.push('server');
  if (saved.port !== next.port) changes.push('port');
  if (saved.security !== next.security) changes.push('security');
  if (saved.user !== next.user) changes.push('user name');
  return changes;
}

/**
 * The saved password only ever goes to the exact server it was saved for: pointed at another
 * host it would hand the secret to whoever runs that host, and moved to another port or to
 * `security: none` it could cross the network in clear text. Any change of host, port,
 * security or user means it must be typed again.
 * Null when the password may be used; otherwise the sentence for the password field.
 * `newPassword` undefined or null means "use the saved one".
 */
export function savedPasswordProblem(next: MailSettingsView, newPassword: string | null | undefined, saved: SavedSettingsFacts): string | null {
  if (newPassword !== undefined && newPassword !== null) return null;
  if (!saved.hasSmtpPassword || next.user === null) return null;
  const changes = saved.mail === null ? ['server'] : serverChanges(saved.mail, next);
  if (changes.length === 0) return null;
  return (
    `Enter the password again: the server settings changed (${changes.join(', ')}). ` +
    `The saved password is only sent to the server and user it was saved for. Type it again to use it with ${next.host.slice(0, 80)}:${next.port}.`
  );
}

/**
 * Every rule of the notification settings form, all at once, against what is saved now (texts
 * can't be switched on without a token; the saved password can't follow a new server).
 */
export function checkNotificationSettings(
  input: z.output<typeof saveNotificationSettingsInputSchema>,
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
