import { orderDocSchema, type OrderDoc } from '../../shared/contract/sync-protocol.js';
import type { ServerDb } from '../../server/db/connect.js';
import { writeOrder } from '../../server/orders/store.js';

const address = { name: 'Casey Buyer', street: '1 Main St', street2: null, city: 'Albany', state: 'NY', zip: '12207', country: 'US', phone: null };

/**
 * A paid, unshipped order with one item line per store given (item ids orderId*10 + n), written
 * straight through the server's own order store, for suites about pulling (not about the rules).
 */
export function orderDoc(id: number, storeIds: number[]): OrderDoc {
  const items = storeIds.map((storeId, n) => ({
    id: id * 10 + n,
    storeId,
    productId: null,
    title: `Widget from store ${storeId}`,
    sku: `SKU-${storeId}-${n}`,
    barcode: null,
    isDigital: false,
    quantity: 1,
    unitPriceCents: 1000,
    packedQuantity: 0,
    fulfilledQuantity: 0,
    returnedQuantity: 0,
  }));
  const total = items.length * 1000;
  return orderDocSchema.parse({
    id,
    number: String(5000 + id),
    storeIds: [...new Set(storeIds)],
    customer: { id: 1, name: 'Casey Buyer', email: 'casey@example.test', phone: null, smsConsent: false },
    status: 'processing',
    fulfillmentStatus: 'unfulfilled',
    paymentStatus: 'paid',
    onHold: false,
    holdReason: null,
    heldAt: null,
    heldBy: null,
    billingAddress: address,
    shippingAddress: address,
    shippingMethod: null,
    currency: 'USD',
    subtotalCents: total,
    shippingCents: 0,
    taxCents: 0,
    discountCents: 0,
    totalCents: total,
    capturedCents: total,
    refundedCents: 0,
    paymentFailed: false,
    stripePaymentIntentId: `pi_${id}`,
    customerNote: null,
    estimatedDeliveryDate: null,
    cancellationReason: null,
    cancelledAt: null,
    cancelledBy: null,
    placedAt: 1_700_000_000_000 + id,
    paidAt: 1_700_000_000_000 + id,
    fulfilledAt: null,
    shippedAt: null,
    deliveredAt: null,
    items,
    shipments: [],
    events: [],
    cancellationRequests: [],
    returnRequests: [],
  });
}

export async function putOrder(sdb: ServerDb, doc: OrderDoc): Promise<number> {
  return sdb.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('orders').select('doc').where('id', '=', doc.id).executeTakeFirst();
    return writeOrder(trx, doc, before ? (JSON.parse(before.doc) as OrderDoc) : null);
  });
}
