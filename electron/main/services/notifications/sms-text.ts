/**
 * The words of a text message. Plain and short (one or two segments): no markup to escape, but
 * customer text still loses control and bidi characters so it can't reorder or hide the rest.
 */
import type { NotificationContent } from '../../../../shared/domain/notifications.js';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;

const clean = (value: string, max: number) => {
  const flat = value.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** Null for kinds that are never texted. */
export function smsText(content: NotificationContent, senderName: string): string | null {
  const from = clean(senderName, 40);
  switch (content.kind) {
    case 'shipped':
      return `${from}: order ${clean(content.orderNumber, 40)} ${content.partial ? 'has a parcel on its way' : 'has shipped'} with ${clean(content.carrierName, 40)}. Track it: ${content.trackingUrl} Reply STOP to opt out.`;
    default:
      return null;
  }
}
