/**
 * The seams of the notification service: where its settings and secrets come from, how a
 * rendered message is handed to a server, and what the rest of main may ask of it. Electron
 * backs the settings with electron-store and the OS keystore (platform/); the web host and the
 * tests back them with memory; the wire is nodemailer (email) and Twilio's REST API (SMS).
 */
import type { SMTP_SECURITY_MODES } from '../../../../shared/contract/notifications.js';
import type { NotificationContent } from '../../../../shared/domain/notifications.js';
import type { FailureClass } from './delivery-errors.js';

export type SmtpSecurity = (typeof SMTP_SECURITY_MODES)[number];

/** Everything needed to reach the mail server, except the password (a secret, kept apart). */
export interface MailSettings {
  host: string;
  port: number;
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: loopback/dev only. */
  security: SmtpSecurity;
  /** Null when the server takes mail without signing in. */
  user: string | null;
  fromName: string;
  fromAddress: string;
  /** Replies go here when set (a support mailbox), else to fromAddress. */
  replyTo: string | null;
}

export interface SmsSettings {
  /** Opt-in: nothing is texted until someone turns this on. */
  enabled: boolean;
  accountSid: string;
  /** E.164 sender number bought from Twilio. */
  fromNumber: string;
}

export interface NotificationSettings {
  /** Null until someone configures SMTP; mail stays queued meanwhile. */
  mail: MailSettings | null;
  sms: SmsSettings | null;
  /** Failed notifications at which the desk raises an alert. */
  alertThreshold: number;
}

export type NotificationSecretName = 'smtpPassword' | 'twilioAuthToken';

/** Settings and their secrets; the secrets never leave main and are stored encrypted. */
export interface NotificationSettingsStore {
  get(): NotificationSettings;
  save(settings: NotificationSettings): void;
  getSecret(name: NotificationSecretName): Promise<string | null>;
  /** Null deletes it. Throws when the secret can't be stored encrypted (nothing is saved then). */
  setSecret(name: NotificationSecretName, value: string | null): Promise<void>;
  hasSecret(name: NotificationSecretName): boolean;
}

/** A message ready for the wire: rendered once, stored on its row, sent and previewed as is. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What the templates need beyond the content: who the mail is from. */
export interface EmailBrand {
  /** The marketplace's or the seller's name, shown in headers and footers. */
  senderName: string;
  /** Where "reply to this email" goes; shown in the footer. */
  replyAddress: string;
}

export type RenderEmail = (content: NotificationContent, brand: EmailBrand) => Promise<RenderedEmail>;

/** The outcome of handing one message to a provider. */
export type DeliveryOutcome =
  | { ok: true; providerId: string; response: string }
  /**
   * unknown: the whole message reached the server but its reply never came (the connection
   * broke): it may have arrived, so it is never sent again on its own.
   */
  | { ok: false; failure: FailureClass | 'unknown'; message: string };

export interface OutgoingEmail {
  to: string;
  /** Stable per dedupe key, so a manual resend of an "unknown" message can be recognised downstream. */
  messageId: string;
  rendered: RenderedEmail;
}

export interface OutgoingSms {
  to: string;
  body: string;
}

/** An SMS provider (Twilio today). */
export interface SmsProvider {
  send(message: OutgoingSms): Promise<DeliveryOutcome>;
}

/** What the notifications screen shows about the sender itself. */
export interface SenderState {
  /** not_configured: no SMTP settings yet; offline: the server can't be reached, mail waits. */
  mail: 'not_configured' | 'ready' | 'offline';
  /** Why the last connection attempt failed (never a secret). */
  lastError: string | null;
  /** When an offline sender tries the server again (epoch ms). */
  nextProbeAt: number | null;
}

/** A stored or freshly rendered message, exactly as it goes (or went) out. */
export type NotificationPreview =
  | { channel: 'email'; from: string; to: string; messageId: string | null; rendered: RenderedEmail }
  | { channel: 'sms'; from: string; to: string; body: string };

/** What the rest of main (handlers, the composition root) may ask of the notification service. */
export interface NotificationService {
  readonly settings: NotificationSettingsStore;
  /** Rows were queued or re-queued: look now instead of at the next tick. */
  wake(): void;
  /**
   * Sends one email outside the queue, with the saved settings or with `draft` (settings being
   * edited, not saved yet; a null draftPassword means the saved password).
   */
  testSend(to: string, draft?: { mail: MailSettings; password: string | null }): Promise<DeliveryOutcome>;
  /** The exact message of a row: as stored when it was sent, or rendered now from its content. */
  preview(notificationId: number): Promise<NotificationPreview | null>;
  state(): SenderState;
}
