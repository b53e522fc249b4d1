import type { OrderEventView } from '../../../shared/contract/index.js';
import { formatMoney, isCents } from '../../../shared/domain/money.js';
import { humanize } from '../../lib/format.js';
import { kindLabel } from '../notifications/labels.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

interface LineLike {
  quantity: number;
  itemId?: number;
  sku?: string;
  title?: string;
}

/** Item titles by id, so "1 × NWO-SCK-007" reads "1 × Merino Hiking Socks – L (NWO-SCK-007)". */
export type ItemTitles = ReadonlyMap<number, string>;

function lines(v: unknown, titles: ItemTitles): LineLike[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((raw): LineLike[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const r = raw as Record<string, unknown>;
    if (typeof r.quantity !== 'number') return [];
    const line: LineLike = { quantity: r.quantity };
    const sku = str(r.sku);
    const title = str(r.title) ?? (typeof r.itemId === 'number' ? titles.get(r.itemId) : undefined);
    if (sku) line.sku = sku;
    if (title) line.title = title;
    return [line];
  });
}

const describeLines = (items: LineLike[]): string =>
  items
    .map((line) => {
      const name = line.title && line.sku ? `${line.title} (${line.sku})` : (line.title ?? line.sku ?? 'item');
      return `${line.quantity} × ${name}`;
    })
    .join(', ');

export interface TimelineText {
  /** One sentence, as a person would say it. */
  title: string;
  /** Free text someone wrote (note body, hold reason), shown apart and never interpreted. */
  body?: string;
  tone: 'default' | 'success' | 'warning' | 'danger' | 'note';
}

/**
 * The sentence for one timeline event. Event data is whatever main stored for that kind, so
 * every field is checked before use and unknown kinds still read sensibly.
 */
export function describeEvent(event: OrderEventView, titles: ItemTitles = new Map()): TimelineText {
  const d = event.data;
  switch (event.kind) {
    case 'placed': {
      const total = isCents(d.totalCents) ? ` for ${formatMoney(d.totalCents)}` : '';
      return { title: `Order placed${total}.`, tone: 'default' };
    }
    case 'paid': {
      const amount = isCents(d.amountCents) ? `Payment of ${formatMoney(d.amountCents)} received.` : 'Payment received.';
      return { title: amount, tone: 'success' };
    }
    case 'payment_failed': {
      const code = str(d.code);
      return { title: `A payment attempt failed${code ? ` (${code.replace(/_/g, ' ')})` : ''}.`, tone: 'danger' };
    }
    case 'refunded': {
      const amount = isCents(d.amountCents) ? `Refunded ${formatMoney(d.amountCents)}` : 'Issued a refund';
      const reason = str(d.reason);
      return reason ? { title: `${amount}.`, body: reason, tone: 'warning' } : { title: `${amount}.`, tone: 'warning' };
    }
    case 'return_requested': {
      const items = lines(d.items, titles);
      const reason = str(d.reason);
      if (items.length === 0) {
        return reason ? { title: 'Asked to return the order.', body: reason, tone: 'warning' } : { title: 'Asked to return the order.', tone: 'warning' };
      }
      // From the storefront: the reason is one of its codes, the customer's own words are the description.
      const why = reason ? ` (${humanize(reason).toLowerCase()})` : '';
      const title = `The customer asked to return ${describeLines(items)}${why}.`;
      const description = str(d.description);
      return description ? { title, body: description, tone: 'warning' } : { title, tone: 'warning' };
    }
    case 'cancellation_requested': {
      const reason = str(d.reason);
      const title = 'The customer asked to cancel the order.';
      return reason ? { title, body: reason, tone: 'warning' } : { title, tone: 'warning' };
    }
    case 'items_packed': {
      const items = lines(d.items, titles);
      const verb = d.source === 'scan' ? 'Verified by scanning' : 'Packed';
      return { title: items.length > 0 ? `${verb} ${describeLines(items)}.` : `${verb} the items.`, tone: 'default' };
    }
    case 'shipped': {
      const carrier = str(d.carrierName) ?? (str(d.carrier)?.toUpperCase() ?? null);
      const tracking = str(d.trackingNumber);
      const items = lines(d.items, titles);
      let title = 'Shipped';
      if (carrier) title += ` with ${carrier}`;
      if (tracking) title += `, tracking number ${tracking}`;
      if (items.length > 0) title += ` (${describeLines(items)})`;
      title += '.';
      if (d.notifyCustomer === false) title += ' The customer was not emailed.';
      const override = str(d.verificationOverride);
      // An override is the one thing a reviewer needs to see about a parcel: say why, apart.
      if (override) return { title: `${title} Shipped without verifying every unit:`, body: override, tone: 'warning' };
      return { title, tone: 'success' };
    }
    case 'hold_placed': {
      const reason = str(d.reason);
      return reason ? { title: 'Put the order on hold.', body: reason, tone: 'warning' } : { title: 'Put the order on hold.', tone: 'warning' };
    }
    case 'hold_released':
      return { title: 'Released the hold.', tone: 'default' };
    case 'note': {
      const body = str(d.body);
      return body ? { title: 'Added an internal note.', body, tone: 'note' } : { title: 'Added an empty note.', tone: 'note' };
    }
    case 'cancelled': {
      const reason = str(d.reason);
      return reason ? { title: 'Cancelled the order.', body: reason, tone: 'danger' } : { title: 'Cancelled the order.', tone: 'danger' };
    }
    case 'delivered': {
      const count = Array.isArray(d.shipmentIds) ? d.shipmentIds.length : 0;
      let title = count > 1 ? `Marked ${count} parcels delivered.` : 'Marked the parcel delivered.';
      if (d.notifyCustomer === false) title += ' The customer was not emailed.';
      return { title, tone: 'success' };
    }
    case 'claim_taken_over': {
      const from = str(d.fromStationName);
      const who = str(d.fromUserName);
      return { title: `Took over packing${from ? ` from ${from}` : ''}${who ? ` (${who})` : ''}.`, tone: 'warning' };
    }
    case 'shipping_address_changed':
      return { title: 'Changed the shipping address.', tone: 'default' };
    case 'returned':
      return { title: 'The order was returned.', tone: 'warning' };
    case 'notification_retried': {
      const kind = str(d.kind);
      const what = `${kind ? `${kindLabel(kind).toLowerCase()} ` : ''}${d.channel === 'sms' ? 'text' : 'email'}`;
      const to = str(d.recipient);
      const title = `Retried the ${what}${to ? ` to ${to}` : ''}.`;
      const reason = str(d.lastError);
      return reason ? { title: `${title} It had failed:`, body: reason, tone: 'default' } : { title, tone: 'default' };
    }
    case 'confirmation_resent': {
      const to = str(d.recipient);
      return { title: `Emailed the order confirmation again${to ? ` to ${to}` : ''}.`, tone: 'default' };
    }
    default: {
      // Newer kinds from a later version: show the kind and any plain values it carries.
      const details = Object.entries(d)
        .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
        .slice(0, 4)
        .map(([k, v]) => `${humanize(k).toLowerCase()}: ${String(v)}`)
        .join(', ');
      return { title: `${humanize(event.kind)}${details ? ` (${details})` : ''}.`, tone: 'default' };
    }
  }
}
