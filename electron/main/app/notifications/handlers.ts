import { fail, ok } from '../../../../shared/domain/result.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { loadNotificationFor } from './access.js';
import { listNotifications, summarize } from './list.js';
import { resendConfirmation } from './resend-confirmation.js';
import { retryNotifications } from './retry.js';
import { saveSettings, senderOf, settingsView, testSend } from './settings.js';

export type NotificationCall =
  | 'notifications.list'
  | 'notifications.preview'
  | 'notifications.retry'
  | 'notifications.summary'
  | 'orders.resendConfirmation'
  | 'settings.notifications.get'
  | 'settings.notifications.save'
  | 'settings.notifications.testSend';

/**
 * The notifications screen and its settings. Listing, counting and retrying read and write the
 * database alone, so they work on a desk with no sender; previews, settings and test sends need
 * the sender (ctx.notifications, read at call time: the composition root may attach it later).
 */
export function notificationHandlers(ctx: AppContext): HandlerGroup<NotificationCall> {
  return {
    'notifications.list': (input, actor) => ok(listNotifications(ctx.store, actor, input)),
    'notifications.summary': (_input, actor) => ok(summarize(ctx, actor)),
    'notifications.retry': (input, actor) => retryNotifications(ctx, actor, input.ids),
    'notifications.preview': async (input, actor) => {
      const row = loadNotificationFor(ctx.store, actor, input.id);
      if (!row.ok) return row;
      if (!ctx.notifications) return fail('INTERNAL', 'Previews are made by the sender, which does not run on this desk.');
      const preview = await ctx.notifications.preview(input.id);
      return preview ? ok(preview) : fail('NOT_FOUND', `There is no notification with id ${input.id}.`);
    },
    'orders.resendConfirmation': (input, actor) => resendConfirmation(ctx, actor, input),
    'settings.notifications.get': () => {
      const sender = senderOf(ctx);
      return sender.ok ? ok(settingsView(sender.value.settings)) : sender;
    },
    'settings.notifications.save': (input) => saveSettings(ctx, input),
    'settings.notifications.testSend': (input) => testSend(ctx, input),
  };
}
