/**
 * Realistic content of every kind, valid by the schema: what the tests render, and what a test
 * send or a template preview can show before any real order has produced a message.
 */
import type { ContentOf, NotificationContent, NotificationKind } from '../../../../shared/domain/notifications.js';
import type { EmailBrand } from '../notifications/ports.js';

export const SAMPLE_BRAND: EmailBrand = { senderName: 'Maple & Twine', replyAddress: 'help@mapleandtwine.example' };

const common = { orderNumber: 'SH-10042', customerName: 'Ada Lovelace', storeNames: ['Maple & Twine'] };
const mug = { title: 'Stoneware mug, blue', sku: 'MUG-BLU-12', quantity: 2 };
const teapot = { title: 'Cast iron teapot', sku: 'TEA-IRN-1', quantity: 1 };
const address = { name: 'Ada Lovelace', street: '12 St James Sq', street2: 'Apt 3', city: 'Springfield', state: 'IL', zip: '62701' };

const SAMPLES: { [K in NotificationKind]: ContentOf<K> } = {
  order_confirmation: {
    kind: 'order_confirmation',
    ...common,
    // 02:00 UTC on May 4 is the evening of May 3 in New York.
    placedAt: Date.UTC(2026, 4, 4, 2, 0),
    items: [
      { ...mug, unitPriceCents: 1_850 },
      { ...teapot, unitPriceCents: 124_900 },
    ],
    subtotalCents: 128_600,
    shippingCents: 995,
    taxCents: 10_610,
    discountCents: 1_000,
    totalCents: 139_205,
    shippingMethod: 'Ground',
    shippingAddress: address,
  },
  fulfillment_update: {
    kind: 'fulfillment_update',
    ...common,
    headline: 'We corrected your shipping address.',
    message: 'The street number was missing.\nYour parcel will go to the address below.',
    shippingAddress: address,
  },
  shipped: {
    kind: 'shipped',
    ...common,
    carrierName: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784',
    items: [mug],
    partial: true,
    estimatedDelivery: 'Thursday, May 7',
  },
  delivered: { kind: 'delivered', ...common, orderDelivered: true, parcels: 2 },
  cancellation_approved: {
    kind: 'cancellation_approved',
    ...common,
    reason: 'Ordered the wrong size.',
    refundCents: 139_205,
  },
  cancellation_rejected: {
    kind: 'cancellation_rejected',
    ...common,
    reason: 'Your order had already been handed to the carrier.',
  },
  return_approved: {
    kind: 'return_approved',
    ...common,
    items: [teapot],
    instructions: 'Pack the teapot in its original box.\nPrint the label we attached and drop it at any UPS store.',
    refundCents: 124_900,
  },
  return_rejected: {
    kind: 'return_rejected',
    ...common,
    items: [mug],
    reason: 'Returns are accepted within 30 days of delivery; this one arrived 45 days after.',
  },
  refund_issued: {
    kind: 'refund_issued',
    ...common,
    amountCents: 123_456,
    totalRefundedCents: 125_456,
    reason: 'Damaged in transit.',
  },
};

/** A fresh copy of the sample of `kind` (callers may change it freely). */
export function sampleContent<K extends NotificationKind>(kind: K): ContentOf<K> {
  return structuredClone(SAMPLES[kind]);
}

/** Every kind's sample, in NOTIFICATION_KINDS order. */
export function allSamples(): NotificationContent[] {
  return Object.values(SAMPLES).map((sample) => structuredClone(sample));
}
