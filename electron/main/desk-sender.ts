/**
 * The notification sender as the desk runs it: real templates, and its changes announced as
 * app events (notifications.changed refreshes the screen, notifications.alert raises the banner).
 * Part of the composition root: it wires a service to the app, which services may not import.
 */
import type { AppContext } from './app/context.js';
import { renderEmail } from './services/email/render.js';
import type { NotificationSettingsStore } from './services/notifications/ports.js';
import { createNotificationService, type RunningNotificationService } from './services/notifications/service.js';

export function deskNotificationSender(
  app: Pick<AppContext, 'store' | 'emit'>,
  settings: NotificationSettingsStore,
  logError: AppContext['logError'],
): RunningNotificationService {
  return createNotificationService({
    store: app.store,
    settings,
    renderEmail,
    logError,
    onChanged: (ids) => app.emit('notifications.changed', { ids }),
    onAlert: (failed, threshold) => app.emit('notifications.alert', { failed, threshold }),
  });
}
