import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../domain/notifications.js';
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
// Settings: the shapes. The rules a person's form is held to run in main
// (electron/main/services/notifications/settings-rules.ts), savedPasswordProblem in shared/domain.

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

// The wire shape is loose on purpose (bounded strings and numbers): the settings rules run in the
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
