import { z } from 'zod';
import { defineCall, type EventDefinition } from './define.js';
import {
  notificationListInputSchema,
  notificationListOutputSchema,
  notificationPreviewSchema,
  notificationRefSchema,
  notificationRetryInputSchema,
  notificationRetryReportSchema,
  notificationSettingsViewSchema,
  notificationSummarySchema,
  resendConfirmationInputSchema,
  resendConfirmationOutputSchema,
  saveNotificationSettingsInputSchema,
  testSendInputSchema,
  testSendOutputSchema,
} from './notifications.js';
import { idSchema } from './schemas.js';

// The notifications area's calls and events; its schemas and settings rules are in notifications.ts.

export const notificationCalls = {
  /**
   * Customer notifications, newest first, in keyset pages, with counts per status. A seller sees
   * those of orders in their stores.
   */
  'notifications.list': defineCall({
    kind: 'query',
    input: notificationListInputSchema,
    output: notificationListOutputSchema,
    permission: 'notifications.read',
  }),
  /** The exact message of one notification (FORBIDDEN for a seller whether it is another store's or missing). */
  'notifications.preview': defineCall({
    kind: 'query',
    input: notificationRefSchema,
    output: notificationPreviewSchema,
    permission: 'notifications.read',
  }),
  /** Put failed notifications back in the queue, each retried or refused with its reason. */
  'notifications.retry': defineCall({
    kind: 'mutation',
    input: notificationRetryInputSchema,
    output: notificationRetryReportSchema,
    permission: 'notifications.retry',
  }),
  /** Counts, whether failures have passed the alert threshold, and the sender's state. */
  'notifications.summary': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: notificationSummarySchema,
    permission: 'notifications.read',
  }),
  /** Email the order confirmation again; one email per requestId however often it is sent. */
  'orders.resendConfirmation': defineCall({
    kind: 'mutation',
    input: resendConfirmationInputSchema,
    output: resendConfirmationOutputSchema,
    permission: 'notifications.retry',
  }),
  /** SMTP and SMS settings; secrets are never returned, only whether they are saved. */
  'settings.notifications.get': defineCall({
    kind: 'query',
    input: z.object({}).strict().default({}),
    output: notificationSettingsViewSchema,
    permission: 'settings.manage',
  }),
  /** Save the settings whole or not at all; field errors for the form. Secrets: omitted keeps, null deletes. */
  'settings.notifications.save': defineCall({
    kind: 'local',
    input: saveNotificationSettingsInputSchema,
    output: notificationSettingsViewSchema,
    permission: 'settings.manage',
  }),
  /** Send one test email with the saved settings or a draft of them; says what the server answered. */
  'settings.notifications.testSend': defineCall({
    kind: 'local',
    input: testSendInputSchema,
    output: testSendOutputSchema,
    permission: 'settings.manage',
  }),
} as const;

export const notificationEvents = {
  /** Notifications whose status changed (queued, sent, failed, retried); screens refetch. */
  'notifications.changed': { payload: z.object({ ids: z.array(idSchema) }) },
  /** Failures reached the alert threshold (or changed while past it). */
  'notifications.alert': {
    payload: z.object({ failed: z.number().int().nonnegative(), threshold: z.number().int().positive() }),
  },
} as const satisfies Record<string, EventDefinition>;
