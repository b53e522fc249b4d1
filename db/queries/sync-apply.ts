import type { Statement } from 'better-sqlite3';
import type { OrderDoc, StaffDoc, StoreDoc } from '../../shared/contract/sync-protocol.js';
import type { OrderStore } from '../store.js';
import { deriveOrderColumns } from './derive.js';
import { searchDocument } from './search.js';

/**
 * Writes the server's rows into the desk's tables: an order as its OrderDoc says (replacing the
 * order's server-side rows, keeping the desk's own: claims, notifications, slip jobs, refunds),
 * a store, a member of staff, or their tombstones. Derived columns (payment and fulfillment
 * status, queue) and the search row come from the same rules the write path uses
 * (deriveOrderColumns, searchDocument), never from the doc, so a pulled order and a locally
 * changed one can't disagree.
 *
 * Rows the reader's scope doesn't deliver (another store, an admin who held an order, a product)
 * are still referenced: a store or person known only by id gets a placeholder row (replaced when
 * their own row arrives), and an item keeps its product id only when the desk has that product.
 *
 * Hand-written, cached statements throughout: a first connection writes a million orders through
 * this (the initial-pull figure of `npm run bench`, 30,000 orders/s end to end).
 */
export interface DocWriter {
  /**
   * The orders a page is about to put: which of them exist is then read in one query instead of
   * one per order. Only for orders put through this writer afterwards, in this transaction.
   */
  expectOrders(orderIds: readonly number[]): void;
  /** Forgets what it knows exists: after a row's savepoint was rolled back, its placeholders are gone too. */
  forgetKnown(): void;
  /** Writes an order as the doc says, at the server's version. */
  putOrder(doc: OrderDoc, version: number): void;
  /** Removes an order and its server-side rows; the desk's own rows about it are let go. */
  deleteOrder(orderId: number): void;
  putStore(doc: StoreDoc): void;
  deleteStore(storeId: number): void;
  putStaff(doc: StaffDoc): void;
  deleteStaff(userId: number): void;
}

const PLACEHOLDER_DOMAIN = 'placeholder.invalid';

type Row = readonly unknown[];

/** Sqlite constraint failures carry a code; anything else is not ours to handle. */
const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && (error as Error & { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createDocWriter(store: OrderStore, now: number): DocWriter {
  const s = (sql: string): Statement => store.prepare(sql);
  const knownStores = new Set<number>();
  const knownUsers = new Set<number>();
  // A customer's row is written once per page even when they placed many of its orders.
  const writtenCustomers = new Map<number, string>();

  const insertPlaceholderStore = s(`INSERT OR IGNORE INTO stores (id, slug, name, is_demo, created_at) VALUES (?, ?, ?, 0, ?)`);
  const ensureStore = (storeId: number): void => {
    if (knownStores.has(storeId)) return;
    insertPlaceholderStore.run(storeId, `~store-${storeId}`, `Store ${storeId}`, now);
    knownStores.add(storeId);
  };

  const insertPlaceholderUser = s(
    `INSERT OR IGNORE INTO users (id, email, name, phone, sms_consent, role, created_at) VALUES (?, ?, ?, NULL, 0, ?, ?)`,
  );
  const ensureUser = (userId: number | null, name: string | null, role: 'seller' | 'customer'): void => {
    if (userId === null || knownUsers.has(userId)) return;
    insertPlaceholderUser.run(userId, `user-${userId}@${PLACEHOLDER_DOMAIN}`, name ?? `Staff #${userId}`, role, now);
    knownUsers.add(userId);
  };

  // An email belongs to one user: another row holding it (an account whose email moved on the
  // server) gives it up to a placeholder address before this one takes it.
  const freeEmail = s(`UPDATE users SET email = 'user-' || id || '@${PLACEHOLDER_DOMAIN}' WHERE email = ? AND id <> ?`);
  const withEmail = (userId: number, email: string, write: () => void): void => {
    try {
      write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      freeEmail.run(email, userId);
      write();
    }
  };

  const upsertCustomer = s(
    `INSERT INTO users (id, email, name, phone, sms_consent, role, created_at) VALUES (?, ?, ?, ?, ?, 'customer', ?)
     ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, phone = excluded.phone, sms_consent = excluded.sms_consent`,
  );
  const putCustomer = (customer: OrderDoc['customer']): void => {
    const key = `${customer.email}\u0000${customer.name}\u0000${customer.phone ?? ''}\u0000${customer.smsConsent ? 1 : 0}`;
    if (writtenCustomers.get(customer.id) === key) return;
    withEmail(customer.id, customer.email, () =>
      upsertCustomer.run(customer.id, customer.email, customer.name, customer.phone, customer.smsConsent ? 1 : 0, now),
    );
    writtenCustomers.set(customer.id, key);
    knownUsers.add(customer.id);
  };

  const orderExists = s('SELECT 1 FROM orders WHERE id = ?').pluck();
  const existingOf = s('SELECT o.id FROM json_each(?) j JOIN orders o ON o.id = j.value').pluck();
  // Which of a page's orders are already on file, in one query (see DocWriter.expect).
  let existing: Set<number> | null = null;
  // The order's server-side rows, children first (foreign keys are enforced). Requests a refund
  // of this desk points at stay, and are rewritten in place by the upserts below.
  const clearStatements: Array<[Statement, number]> = [
    [s('DELETE FROM shipment_items WHERE shipment_id IN (SELECT id FROM shipments WHERE order_id = ?)'), 1],
    [s('DELETE FROM return_request_items WHERE return_request_id IN (SELECT id FROM return_requests WHERE order_id = ?)'), 1],
    [s('DELETE FROM shipments WHERE order_id = ?'), 1],
    [s('DELETE FROM order_events WHERE order_id = ?'), 1],
    [
      s(`DELETE FROM cancellation_requests WHERE order_id = ?
         AND id NOT IN (SELECT cancellation_request_id FROM refunds WHERE order_id = ? AND cancellation_request_id IS NOT NULL)`),
      2,
    ],
    [
      s(`DELETE FROM return_requests WHERE order_id = ?
         AND id NOT IN (SELECT return_request_id FROM refunds WHERE order_id = ? AND return_request_id IS NOT NULL)`),
      2,
    ],
    [s('DELETE FROM order_items WHERE order_id = ?'), 1],
    [s('DELETE FROM order_stores WHERE order_id = ?'), 1],
    [s('DELETE FROM order_search WHERE rowid = ?'), 1],
  ];
  const clearOrder = (orderId: number): void => {
    for (const [statement, uses] of clearStatements) statement.run(...Array<number>(uses).fill(orderId));
  };

  const upsertOrder = s(
    `INSERT INTO orders (id, number, customer_id, customer_name, customer_email, customer_phone, status, fulfillment_status,
       payment_status, queue, on_hold, hold_reason, held_at, held_by, billing_address, shipping_address, shipping_method, currency,
       subtotal_cents, shipping_cents, tax_cents, discount_cents, total_cents, captured_cents, refunded_cents, payment_failed,
       stripe_payment_intent_id, customer_note, estimated_delivery_date, cancellation_reason, cancelled_at, cancelled_by,
       placed_at, paid_at, fulfilled_at, shipped_at, delivered_at, server_version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, customer_id = excluded.customer_id,
       customer_name = excluded.customer_name, customer_email = excluded.customer_email, customer_phone = excluded.customer_phone,
       status = excluded.status, fulfillment_status = excluded.fulfillment_status, payment_status = excluded.payment_status,
       queue = excluded.queue, on_hold = excluded.on_hold, hold_reason = excluded.hold_reason, held_at = excluded.held_at,
       held_by = excluded.held_by, billing_address = excluded.billing_address, shipping_address = excluded.shipping_address,
       shipping_method = excluded.shipping_method, currency = excluded.currency, subtotal_cents = excluded.subtotal_cents,
       shipping_cents = excluded.shipping_cents, tax_cents = excluded.tax_cents, discount_cents = excluded.discount_cents,
       total_cents = excluded.total_cents, captured_cents = excluded.captured_cents, refunded_cents = excluded.refunded_cents,
       payment_failed = excluded.payment_failed, stripe_payment_intent_id = excluded.stripe_payment_intent_id,
       customer_note = excluded.customer_note, estimated_delivery_date = excluded.estimated_delivery_date,
       cancellation_reason = excluded.cancellation_reason, cancelled_at = excluded.cancelled_at, cancelled_by = excluded.cancelled_by,
       placed_at = excluded.placed_at, paid_at = excluded.paid_at, fulfilled_at = excluded.fulfilled_at,
       shipped_at = excluded.shipped_at, delivered_at = excluded.delivered_at, server_version = excluded.server_version,
       updated_at = excluded.updated_at`,
  );
  const insertOrderStore = s('INSERT INTO order_stores (order_id, store_id, queue, placed_at) VALUES (?, ?, ?, ?)');
  const insertItem = s(
    `INSERT INTO order_items (id, order_id, store_id, product_id, title, sku, barcode, is_digital, quantity, unit_price_cents,
       packed_quantity, fulfilled_quantity, returned_quantity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Products aren't pulled: a synced store has none, the demo store a few thousand. Read once.
  const products = new Set(s('SELECT id FROM products').pluck().all() as number[]);
  const productOf = (productId: number | null): number | null => (productId !== null && products.has(productId) ? productId : null);
  const insertShipment = s(
    `INSERT INTO shipments (id, order_id, store_id, carrier, carrier_name, tracking_number, tracking_url, method, shipped_at,
       delivered_at, created_by, station_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertShipmentItem = s('INSERT INTO shipment_items (shipment_id, order_item_id, quantity) VALUES (?, ?, ?)');
  const insertEvent = s(
    `INSERT INTO order_events (id, order_id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  // The id is taken by an entry this desk wrote itself (a replayed change, numbered locally):
  // that entry moves to a fresh id, the server's keeps the one the server gave it.
  const moveLocalEvent = s('UPDATE order_events SET id = (SELECT max(id) + 1 FROM order_events) WHERE id = ?');
  const upsertCancellation = s(
    `INSERT INTO cancellation_requests (id, order_id, requested_by, reason, status, decided_by, decided_at, decision_note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, requested_by = excluded.requested_by, reason = excluded.reason,
       status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
       decision_note = excluded.decision_note, created_at = excluded.created_at`,
  );
  const upsertReturn = s(
    `INSERT INTO return_requests (id, order_id, requested_by, reason, description, status, refund_cents, decided_by, decided_at,
       decision_note, completed_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, requested_by = excluded.requested_by, reason = excluded.reason,
       description = excluded.description, status = excluded.status, refund_cents = excluded.refund_cents, decided_by = excluded.decided_by,
       decided_at = excluded.decided_at, decision_note = excluded.decision_note, completed_at = excluded.completed_at,
       created_at = excluded.created_at`,
  );
  const insertReturnItem = s('INSERT INTO return_request_items (return_request_id, order_item_id, quantity) VALUES (?, ?, ?)');
  const insertSearch = s('INSERT INTO order_search (rowid, number, customer, email, skus, tracking) VALUES (?, ?, ?, ?, ?, ?)');

  const flag = (value: boolean): number => (value ? 1 : 0);

  function putOrder(doc: OrderDoc, version: number): void {
    // The order's stores are those of the items the reader was given: a seller's copy names
    // only their own, so the file never holds a row about another store's part.
    const storeIds = [...new Set(doc.items.map((item) => item.storeId))];
    for (const storeId of storeIds) ensureStore(storeId);
    for (const shipment of doc.shipments) ensureStore(shipment.storeId);
    putCustomer(doc.customer);
    // Timeline entries first: they carry the names of people known here only by id.
    for (const event of doc.events) {
      ensureUser(event.actorId, event.actorName, 'seller');
      if (event.storeId !== null) ensureStore(event.storeId);
    }
    ensureUser(doc.heldBy, null, 'seller');
    ensureUser(doc.cancelledBy, null, 'seller');
    for (const shipment of doc.shipments) ensureUser(shipment.createdBy, null, 'seller');
    for (const request of doc.cancellationRequests) {
      ensureUser(request.requestedBy, null, 'customer');
      ensureUser(request.decidedBy, null, 'seller');
    }
    for (const request of doc.returnRequests) {
      ensureUser(request.requestedBy, null, 'customer');
      ensureUser(request.decidedBy, null, 'seller');
    }

    if (existing ? existing.has(doc.id) : orderExists.get(doc.id) !== undefined) clearOrder(doc.id);
    existing?.add(doc.id);

    const derived = deriveOrderColumns(
      {
        total_cents: doc.totalCents,
        captured_cents: doc.capturedCents,
        refunded_cents: doc.refundedCents,
        payment_failed: flag(doc.paymentFailed),
        status: doc.status,
        on_hold: flag(doc.onHold),
      },
      doc.items,
    );
    const order: Row = [
      doc.id, doc.number, doc.customer.id, doc.customer.name, doc.customer.email, doc.customer.phone, doc.status,
      derived.fulfillment_status, derived.payment_status, derived.queue, flag(doc.onHold), doc.holdReason, doc.heldAt, doc.heldBy,
      JSON.stringify(doc.billingAddress), doc.shippingAddress === null ? null : JSON.stringify(doc.shippingAddress),
      doc.shippingMethod, doc.currency, doc.subtotalCents, doc.shippingCents, doc.taxCents, doc.discountCents, doc.totalCents,
      doc.capturedCents, doc.refundedCents, flag(doc.paymentFailed), doc.stripePaymentIntentId, doc.customerNote,
      doc.estimatedDeliveryDate, doc.cancellationReason, doc.cancelledAt, doc.cancelledBy, doc.placedAt, doc.paidAt,
      doc.fulfilledAt, doc.shippedAt, doc.deliveredAt, version, now,
    ];
    upsertOrder.run(...order);
    for (const storeId of storeIds) insertOrderStore.run(doc.id, storeId, derived.queue, doc.placedAt);
    for (const item of doc.items) {
      insertItem.run(
        item.id, doc.id, item.storeId, productOf(item.productId), item.title, item.sku, item.barcode, flag(item.isDigital), item.quantity,
        item.unitPriceCents, item.packedQuantity, item.fulfilledQuantity, item.returnedQuantity,
      );
    }
    for (const shipment of doc.shipments) {
      insertShipment.run(
        shipment.id, doc.id, shipment.storeId, shipment.carrier, shipment.carrierName, shipment.trackingNumber, shipment.trackingUrl,
        shipment.method, shipment.shippedAt, shipment.deliveredAt, shipment.createdBy, shipment.stationId,
      );
      for (const line of shipment.items) insertShipmentItem.run(shipment.id, line.itemId, line.quantity);
    }
    for (const event of doc.events) {
      const row: Row = [
        event.id, doc.id, event.at, event.actorId, event.actorName, event.stationId, event.stationName, event.kind,
        JSON.stringify(event.data), event.storeId,
      ];
      if (insertEvent.run(...row).changes === 0) {
        moveLocalEvent.run(event.id);
        insertEvent.run(...row);
      }
    }
    for (const request of doc.cancellationRequests) {
      upsertCancellation.run(
        request.id, doc.id, request.requestedBy, request.reason, request.status, request.decidedBy, request.decidedAt,
        request.decisionNote, request.createdAt,
      );
    }
    for (const request of doc.returnRequests) {
      upsertReturn.run(
        request.id, doc.id, request.requestedBy, request.reason, request.description, request.status, request.refundCents, request.decidedBy,
        request.decidedAt, request.decisionNote, request.completedAt, request.createdAt,
      );
      for (const line of request.items) insertReturnItem.run(request.id, line.itemId, line.quantity);
    }
    // The same text refreshOrderSearch writes, from the doc instead of reading the rows back.
    insertSearch.run(
      doc.id,
      ...searchDocument({
        number: doc.number,
        customerName: doc.customer.name,
        email: doc.customer.email,
        skus: [...doc.items].sort((a, b) => a.id - b.id).map((item) => item.sku),
        trackingNumbers: [...doc.shipments].sort((a, b) => a.shippedAt - b.shippedAt).map((shipment) => shipment.trackingNumber),
      }),
    );
  }

  const letGoOfOrder: Statement[] = [
    s('DELETE FROM order_claims WHERE order_id = ?'),
    // Messages already sent or queued stay on the notifications screen; they just no longer link to an order.
    s('UPDATE notifications SET order_id = NULL WHERE order_id = ?'),
    s('UPDATE conflicts SET order_id = NULL WHERE order_id = ?'),
    s('DELETE FROM sync_base WHERE order_id = ?'),
  ];
  const deleteOrderRow = s('DELETE FROM orders WHERE id = ?');

  function deleteOrder(orderId: number): void {
    existing?.delete(orderId);
    if (orderExists.get(orderId) === undefined) return;
    clearOrder(orderId);
    for (const statement of letGoOfOrder) statement.run(orderId);
    // A refund recorded at this desk still points at the order: the delete fails (foreign key)
    // and the row is quarantined rather than losing the refund's record.
    deleteOrderRow.run(orderId);
  }

  const upsertStore = s(
    `INSERT INTO stores (id, slug, name, is_demo, created_at) VALUES (?, ?, ?, 0, ?)
     ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name`,
  );
  const freeSlug = s(`UPDATE stores SET slug = '~store-' || id WHERE slug = ? AND id <> ?`);

  function putStore(doc: StoreDoc): void {
    try {
      upsertStore.run(doc.id, doc.slug, doc.name, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      freeSlug.run(doc.slug, doc.id);
      upsertStore.run(doc.id, doc.slug, doc.name, now);
    }
    knownStores.add(doc.id);
  }

  const deleteMembersOfStore = s('DELETE FROM store_members WHERE store_id = ?');
  const storeInUse = s(
    `SELECT EXISTS (SELECT 1 FROM order_stores WHERE store_id = @id) OR EXISTS (SELECT 1 FROM order_items WHERE store_id = @id)
       OR EXISTS (SELECT 1 FROM products WHERE store_id = @id) OR EXISTS (SELECT 1 FROM notifications WHERE store_id = @id)
       OR EXISTS (SELECT 1 FROM order_events WHERE store_id = @id) OR EXISTS (SELECT 1 FROM shipments WHERE store_id = @id)
       OR EXISTS (SELECT 1 FROM order_claims WHERE store_id = @id)`,
  ).pluck();
  const deleteStoreRow = s('DELETE FROM stores WHERE id = ?');

  function deleteStore(storeId: number): void {
    deleteMembersOfStore.run(storeId);
    // Rows of the desk still about it (a sent message) keep it; its orders' own tombstones follow.
    if (storeInUse.get({ id: storeId }) === 0) deleteStoreRow.run(storeId);
    knownStores.delete(storeId);
  }

  const upsertStaff = s(
    `INSERT INTO users (id, email, name, phone, sms_consent, role, created_at) VALUES (?, ?, ?, NULL, 0, ?, ?)
     ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, role = excluded.role`,
  );
  const deleteMembersOfUser = s('DELETE FROM store_members WHERE user_id = ?');
  const insertMember = s('INSERT INTO store_members (store_id, user_id) VALUES (?, ?)');

  function putStaff(doc: StaffDoc): void {
    withEmail(doc.id, doc.email, () => upsertStaff.run(doc.id, doc.email, doc.name, doc.role, now));
    knownUsers.add(doc.id);
    deleteMembersOfUser.run(doc.id);
    for (const storeId of new Set(doc.storeIds)) {
      ensureStore(storeId);
      insertMember.run(storeId, doc.id);
    }
  }

  function deleteStaff(userId: number): void {
    // The person's row stays: parcels and timeline entries name them. They just work for no store here any more.
    deleteMembersOfUser.run(userId);
  }

  function expectOrders(orderIds: readonly number[]): void {
    existing = new Set(existingOf.all(JSON.stringify(orderIds)) as number[]);
  }

  function forgetKnown(): void {
    knownStores.clear();
    knownUsers.clear();
    writtenCustomers.clear();
  }

  return { expectOrders, forgetKnown, putOrder, deleteOrder, putStore, deleteStore, putStaff, deleteStaff };
}

/** Sets a pulled row aside: logged by the caller, shown in the sync panel, never applied. */
export function quarantineRow(
  store: OrderStore,
  row: { type: string | null; id: number | null; version: number | null; raw: string; error: string },
  now: number,
): void {
  store.execute('INSERT INTO sync_quarantine (row_type, row_id, version, raw, error, at) VALUES (?, ?, ?, ?, ?, ?)', [
    row.type,
    row.id,
    row.version,
    row.raw,
    row.error,
    now,
  ]);
}
