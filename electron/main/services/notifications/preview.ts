/**
 * The exact message of a row, for the notifications screen: as stored when it was taken, or
 * rendered now from its content (a row still queued, or one that failed before rendering).
 */
import type { OrderStore } from '../../../../db/store.js';
import { notificationContentSchema } from '../../../../shared/domain/notifications.js';
import { brandOf } from './message-headers.js';
import type { NotificationPreview, NotificationSettingsStore, RenderEmail } from './ports.js';
import { smsText } from './sms-text.js';

export interface PreviewDeps {
  store: OrderStore;
  settings: Pick<NotificationSettingsStore, 'get'>;
  renderEmail: RenderEmail;
}

export async function previewNotification(notificationId: number, deps: PreviewDeps): Promise<NotificationPreview | null> {
  const { store } = deps;
  const row = store.first(
    store.q
      .selectFrom('notifications')
      .select(['channel', 'recipient', 'payload', 'subject', 'body_html', 'body_text', 'message_id'])
      .where('id', '=', notificationId),
  );
  if (!row) return null;
  const current = deps.settings.get();
  const brand = brandOf(current.mail);
  if (row.channel === 'sms') {
    const content = notificationContentSchema.safeParse(JSON.parse(row.payload));
    const body = row.body_text ?? (content.success ? smsText(content.data, brand.senderName) : null) ?? '';
    return { channel: 'sms', from: current.sms?.fromNumber ?? '', to: row.recipient, body };
  }
  const from = current.mail ? `${current.mail.fromName} <${current.mail.fromAddress}>` : '';
  if (row.subject !== null && row.body_html !== null && row.body_text !== null) {
    return { channel: 'email', from, to: row.recipient, messageId: row.message_id, rendered: { subject: row.subject, html: row.body_html, text: row.body_text } };
  }
  const content = notificationContentSchema.safeParse(JSON.parse(row.payload));
  if (!content.success) return null;
  return { channel: 'email', from, to: row.recipient, messageId: null, rendered: await deps.renderEmail(content.data, brand) };
}
