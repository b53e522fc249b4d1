import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FulfillmentStatus } from '../shared/domain/fulfillment.js';
import type { OrderStatus } from '../shared/domain/order-status.js';
import type { PaymentStatus } from '../shared/domain/payment.js';
import type { Queue } from '../shared/domain/queue.js';

/** 0 or 1: SQLite has no boolean. */
type Flag = number;

export interface StoreTable {
  id: Generated<number>;
  slug: string;
  name: string;
  is_demo: Flag;
  created_at: number;
}

export type UserRole = 'customer' | 'seller' | 'admin';

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  phone: string | null;
  sms_consent: Flag;
  role: UserRole;
  created_at: number;
}

export interface StoreMemberTable {
  store_id: number;
  user_id: number;
}

export interface AddressTable {
  id: Generated<number>;
  user_id: number;
  type: 'billing' | 'shipping';
  label: string | null;
  name: string;
  street: string;
  street2: string | null;
  city: string;
  state: string;
  zip: string;
  country: 'US';
  phone: string | null;
  is_default: Flag;
  created_at: number;
  updated_at: number;
}

export interface ProductTable {
  id: Generated<number>;
  store_id: number;
  sku: string;
  barcode: string | null;
  title: string;
  kind: 'physical' | 'digital';
  price_cents: number;
}

export interface OrderTable {
  id: Generated<number>;
  number: string;
  customer_id: number;
  customer_name: string;
  customer_email: string;
  customer_phone: string | null;
  status: OrderStatus;
  fulfillment_status: FulfillmentStatus;
  payment_status: PaymentStatus;
  queue: Queue;
  on_hold: Flag;
  hold_reason: string | null;
  held_at: number | null;
  held_by: number | null;
  /** JSON snapshot of the address at order time (UsAddress). */
  billing_address: string;
  shipping_address: string | null;
  shipping_method: string | null;
  currency: 'USD';
  subtotal_cents: number;
  shipping_cents: number;
  tax_cents: number;
  discount_cents: number;
  total_cents: number;
  captured_cents: number;
  refunded_cents: number;
  payment_failed: Flag;
  stripe_payment_intent_id: string | null;
  customer_note: string | null;
  estimated_delivery_date: string | null;
  cancellation_reason: string | null;
  cancelled_at: number | null;
  cancelled_by: number | null;
  placed_at: number;
  paid_at: number | null;
  fulfilled_at: number | null;
  shipped_at: number | null;
  delivered_at: number | null;
  server_version: number;
  updated_at: number;
}

export interface OrderStoreTable {
  order_id: number;
  store_id: number;
  queue: Queue;
  placed_at: number;
}

export interface OrderItemTable {
  id: Generated<number>;
  order_id: number;
  store_id: number;
  product_id: number | null;
  title: string;
  sku: string;
  barcode: string | null;
  is_digital: Flag;
  quantity: number;
  unit_price_cents: number;
  packed_quantity: number;
  fulfilled_quantity: number;
  returned_quantity: number;
}

export interface ShipmentTable {
  id: string;
  order_id: number;
  store_id: number;
  carrier: string;
  carrier_name: string;
  tracking_number: string;
  tracking_url: string;
  method: string | null;
  shipped_at: number;
  delivered_at: number | null;
  created_by: number;
  station_id: string;
}

export interface ShipmentItemTable {
  shipment_id: string;
  order_item_id: number;
  quantity: number;
}

export interface OrderEventTable {
  id: Generated<number>;
  order_id: number;
  at: number;
  actor_id: number | null;
  actor_name: string;
  station_id: string | null;
  station_name: string | null;
  kind: string;
  data: string;
  /** The store whose part of the order this is about; null for the order as a whole (seen by all its sellers). */
  store_id: number | null;
}

export interface CancellationRequestTable {
  id: string;
  order_id: number;
  requested_by: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  decided_by: number | null;
  decided_at: number | null;
  decision_note: string | null;
  created_at: number;
}

export interface ReturnRequestTable {
  id: string;
  order_id: number;
  requested_by: number;
  reason: string;
  /** What the customer wrote about the return ('' when nothing). */
  description: string;
  status: 'pending' | 'approved' | 'rejected' | 'completed';
  refund_cents: number | null;
  decided_by: number | null;
  decided_at: number | null;
  decision_note: string | null;
  completed_at: number | null;
  created_at: number;
}

export interface ReturnRequestItemTable {
  return_request_id: string;
  order_item_id: number;
  quantity: number;
}

export interface RefundTable {
  id: string;
  order_id: number;
  cancellation_request_id: string | null;
  return_request_id: string | null;
  amount_cents: number;
  currency: string;
  status: 'approved' | 'reserved' | 'sending' | 'succeeded' | 'failed' | 'unknown';
  stripe_refund_id: string | null;
  failure_reason: string | null;
  created_by: number;
  created_at: number;
  updated_at: number;
}

export interface NotificationTable {
  id: Generated<number>;
  dedupe_key: string;
  order_id: number | null;
  kind: string;
  channel: 'email' | 'sms';
  recipient: string;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed';
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  payload: string;
  created_at: number;
  sent_at: number | null;
  subject: string | null;
  body_html: string | null;
  body_text: string | null;
  message_id: string | null;
  provider_id: string | null;
  updated_at: number | null;
  sending_at: number | null;
  store_id: number | null;
}

export interface OutboxTable {
  id: Generated<number>;
  mutation_id: string;
  name: string;
  args: string;
  actor_id: number;
  station_id: string;
  status: 'pending' | 'pushed' | 'rejected' | 'conflict';
  result_code: string | null;
  created_at: number;
  pushed_at: number | null;
  /** The order the mutation changed (null for one about no single order). */
  order_id: number | null;
  /** The server's version when it applied the mutation; null until then (or when settled by lastMutationId). */
  server_version: number | null;
  actor_name: string | null;
  station_name: string | null;
}

export interface SyncRejectionTable {
  mutation_id: string;
  name: string;
  args: string;
  order_id: number | null;
  summary: string;
  code: string;
  message: string;
  made_at: number;
  made_by_id: number;
  made_by_name: string;
  rejected_at: number;
}

export interface SyncQuarantineTable {
  id: Generated<number>;
  row_type: string | null;
  row_id: number | null;
  version: number | null;
  raw: string;
  error: string;
  at: number;
}

export interface SyncBaseTable {
  order_id: number;
  version: number;
  doc: string;
}

export interface SyncStateTable {
  key: string;
  value: string;
}

export interface ConflictTable {
  id: Generated<number>;
  order_id: number | null;
  mutation_id: string | null;
  code: string;
  local_state: string;
  server_state: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: number | null;
  resolution: string | null;
}

/** A station's claim on one store's part of an order; (order_id, store_id) is the key. */
export interface OrderClaimTable {
  order_id: number;
  store_id: number;
  station_id: string;
  station_name: string;
  user_id: number;
  user_name: string;
  claimed_at: number;
  expires_at: number;
}

export interface SlipJobTable {
  id: string;
  user_id: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  total: number;
  done: number;
  file_path: string | null;
  error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface Database {
  stores: StoreTable;
  users: UserTable;
  store_members: StoreMemberTable;
  addresses: AddressTable;
  products: ProductTable;
  orders: OrderTable;
  order_stores: OrderStoreTable;
  order_items: OrderItemTable;
  shipments: ShipmentTable;
  shipment_items: ShipmentItemTable;
  order_events: OrderEventTable;
  cancellation_requests: CancellationRequestTable;
  return_requests: ReturnRequestTable;
  return_request_items: ReturnRequestItemTable;
  refunds: RefundTable;
  notifications: NotificationTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
  conflicts: ConflictTable;
  order_claims: OrderClaimTable;
  slip_jobs: SlipJobTable;
  sync_rejections: SyncRejectionTable;
  sync_quarantine: SyncQuarantineTable;
  sync_base: SyncBaseTable;
}

export type Store = Selectable<StoreTable>;
export type User = Selectable<UserTable>;
export type Order = Selectable<OrderTable>;
export type NewOrder = Insertable<OrderTable>;
export type OrderUpdate = Updateable<OrderTable>;
export type OrderItem = Selectable<OrderItemTable>;
export type NewOrderItem = Insertable<OrderItemTable>;
export type Shipment = Selectable<ShipmentTable>;
export type OrderEvent = Selectable<OrderEventTable>;
export type Address = Selectable<AddressTable>;
export type Product = Selectable<ProductTable>;
