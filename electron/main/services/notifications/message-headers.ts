/** Who a message is from, and the Message-ID that names it. */
import { createHash } from 'node:crypto';
import type { EmailBrand, MailSettings } from './ports.js';

const DEFAULT_BRAND_NAME = 'Shomp';

export function brandOf(mail: MailSettings | null): EmailBrand {
  return {
    senderName: mail?.fromName.trim() || DEFAULT_BRAND_NAME,
    replyAddress: mail?.replyTo ?? mail?.fromAddress ?? '',
  };
}

/** Stable per dedupe key: the same change always carries the same Message-ID. */
export function messageIdFor(dedupeKey: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'order-desk.invalid';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}
