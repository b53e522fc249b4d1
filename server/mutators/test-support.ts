// Builders for the mutators' tests: order documents in a given state, staff actors, id sources.
// Not used by the server itself.
import type { ItemDoc, OrderDoc, ShipmentDoc } from '../../shared/contract/sync-protocol.js';
import type { OrderStatus } from '../../shared/domain/order-status.js';
import { withDerived } from './context.js';
import type { EventIds, MutationActor } from './types.js';

export const T0 = Date.UTC(2026, 10, 27, 12);
export const STORE_A = 1;
export const STORE_B = 2;
export const STORE_C = 3;

export const UPS = '1Z999AA10123456784';
export const FEDEX = '986578788855';
export const USPS = '9400111201080805483016';

export const admin: MutationActor = { userId: 1, name: 'Ada Admin', role: 'admin', storeIds: null, stationId: 'st-1', stationName: 'Bench 1' };
export const sellerA: MutationActor = { userId: 2, name: 'Sam Seller', role: 'seller', storeIds: [STORE_A], stationId: 'st-2', stationName: 'Bench 2' };
export const sellerB: MutationActor = { userId: 3, name: 'Bo Seller', role: 'seller', storeIds: [STORE_B], stationId: 'st-3', stationName: 'Bench 3' };
export const sellerC: MutationActor = { userId: 4, name: 'Cy Seller', role: 'seller', storeIds: [STORE_C], stationId: 'st-4', stationName: 'Bench 4' };

/** Event ids counting up from `start`. */
export function counter(start = 1000): EventIds & { next: () => number } {
  let n = start;
  return { eventId: () => ++n, next: () => ++n };
}

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface ItemSpec {
  id?: number;
  storeId: number;
  sku: string;
  quantity: number;
  unitPriceCents?: number;
  digital?: boolean;
  packed?: number;
  fulfilled?: number;
  returned?: number;
}

export interface DocSpec {
  status?: OrderStatus;
  paid?: boolean;
  onHold?: boolean;
  holdReason?: string;
  items: ItemSpec[];
  shipments?: ShipmentDoc[];
  shippingCents?: number;
  taxCents?: number;
  discountCents?: number;
  refundedCents?: number;
}

const address = { name: 'Casey Customer', street: '12 Elm St', street2: null, city: 'Portland', state: 'OR' as const, zip: '97201', country: 'US' as const, phone: null };

/** An order document in the given state, its derived fields computed by the shared rules. */
export function makeDoc(spec: DocSpec): OrderDoc {
  const items: ItemDoc[] = spec.items.map((item, index) => ({
    id: item.id ?? 100 + index,
    storeId: item.storeId,
    productId: null,
    title: `Item ${item.sku}`,
    sku: item.sku,
    barcode: `0${item.sku}`,
    isDigital: item.digital ?? false,
    quantity: item.quantity,
    unitPriceCents: item.unitPriceCents ?? 1500,
    packedQuantity: item.packed ?? 0,
    fulfilledQuantity: item.fulfilled ?? 0,
    returnedQuantity: item.returned ?? 0,
  }));
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  const shipping = spec.shippingCents ?? 500;
  const tax = spec.taxCents ?? 0;
  const discount = spec.discountCents ?? 0;
  const total = subtotal + shipping + tax - discount;
  const paid = spec.paid ?? true;
  return withDerived({
    id: 7,
    number: 'SH-1035600',
    storeIds: [...new Set(items.map((item) => item.storeId))].sort((a, b) => a - b),
    customer: { id: 50, name: 'Casey Customer', email: 'casey@example.com', phone: null, smsConsent: false },
    status: spec.status ?? (paid ? 'processing' : 'pending'),
    fulfillmentStatus: 'unfulfilled',
    paymentStatus: 'pending',
    onHold: spec.onHold ?? false,
    holdReason: spec.onHold ? (spec.holdReason ?? 'Address check') : null,
    heldAt: spec.onHold ? T0 - 1000 : null,
    heldBy: spec.onHold ? admin.userId : null,
    billingAddress: address,
    shippingAddress: items.some((item) => !item.isDigital) ? address : null,
    shippingMethod: 'Ground',
    currency: 'USD',
    subtotalCents: subtotal,
    shippingCents: shipping,
    taxCents: tax,
    discountCents: discount,
    totalCents: total,
    capturedCents: paid ? total : 0,
    refundedCents: spec.refundedCents ?? 0,
    paymentFailed: false,
    stripePaymentIntentId: paid ? 'pi_123' : null,
    customerNote: null,
    estimatedDeliveryDate: null,
    cancellationReason: null,
    cancelledAt: null,
    cancelledBy: null,
    placedAt: T0 - 86_400_000,
    paidAt: paid ? T0 - 86_400_000 : null,
    fulfilledAt: null,
    shippedAt: null,
    deliveredAt: null,
    items,
    shipments: spec.shipments ?? [],
    events: [],
    cancellationRequests: [],
    returnRequests: [],
  });
}

/** A parcel already on the order. */
export function parcel(id: string, storeId: number, items: Array<{ itemId: number; quantity: number }>, shippedAt = T0 - 3600_000): ShipmentDoc {
  return {
    id,
    storeId,
    carrier: 'ups',
    carrierName: 'UPS',
    trackingNumber: UPS,
    trackingUrl: `https://www.ups.com/track?tracknum=${UPS}`,
    method: 'Ground',
    shippedAt,
    deliveredAt: null,
    createdBy: admin.userId,
    stationId: 'st-1',
    items,
  };
}

/** The shared order the desk's fixtures use: Alder's bowl (store A, 1) and Birch's spoons (store B, 2). */
export const sharedOrder = (extra: Partial<DocSpec> = {}) =>
  makeDoc({
    items: [
      { storeId: STORE_A, sku: 'ALD-BOWL', quantity: 1 },
      { storeId: STORE_B, sku: 'BIR-SPOON', quantity: 2 },
    ],
    ...extra,
  });
