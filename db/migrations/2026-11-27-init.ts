// Frozen: never edit a shipped migration. Add a new dated file instead.
// Tables are STRICT so a wrong type is refused by SQLite itself, not just by our code.
// Times are epoch milliseconds (INTEGER): compact, sortable and index-friendly.
export const up = String.raw`
CREATE TABLE stores (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  phone TEXT,
  sms_consent INTEGER NOT NULL DEFAULT 0 CHECK (sms_consent IN (0, 1)),
  role TEXT NOT NULL CHECK (role IN ('customer', 'seller', 'admin')),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE store_members (
  store_id INTEGER NOT NULL REFERENCES stores(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (store_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX store_members_user ON store_members(user_id);

CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  type TEXT NOT NULL CHECK (type IN ('billing', 'shipping')),
  label TEXT,
  name TEXT NOT NULL,
  street TEXT NOT NULL,
  street2 TEXT,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  zip TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT 'US' CHECK (country = 'US'),
  phone TEXT,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX addresses_user ON addresses(user_id, type);
CREATE UNIQUE INDEX addresses_one_default ON addresses(user_id, type) WHERE is_default = 1;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  store_id INTEGER NOT NULL REFERENCES stores(id),
  sku TEXT NOT NULL,
  barcode TEXT,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('physical', 'digital')),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  UNIQUE (store_id, sku)
) STRICT;
CREATE INDEX products_barcode ON products(barcode) WHERE barcode IS NOT NULL;

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES users(id),
  customer_name TEXT NOT NULL,
  customer_email TEXT NOT NULL,
  customer_phone TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'cancelled', 'returned')),
  fulfillment_status TEXT NOT NULL CHECK (fulfillment_status IN ('unfulfilled', 'partially_fulfilled', 'fulfilled')),
  payment_status TEXT NOT NULL CHECK (payment_status IN ('pending', 'paid', 'failed', 'partially_refunded', 'refunded')),
  queue TEXT NOT NULL CHECK (queue IN ('awaiting_payment', 'to_pack', 'on_hold', 'shipped', 'closed')),
  on_hold INTEGER NOT NULL DEFAULT 0 CHECK (on_hold IN (0, 1)),
  hold_reason TEXT,
  held_at INTEGER,
  held_by INTEGER REFERENCES users(id),
  billing_address TEXT NOT NULL CHECK (json_valid(billing_address)),
  shipping_address TEXT CHECK (shipping_address IS NULL OR json_valid(shipping_address)),
  shipping_method TEXT,
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (currency = 'USD'),
  subtotal_cents INTEGER NOT NULL CHECK (subtotal_cents >= 0),
  shipping_cents INTEGER NOT NULL DEFAULT 0 CHECK (shipping_cents >= 0),
  tax_cents INTEGER NOT NULL DEFAULT 0 CHECK (tax_cents >= 0),
  discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  captured_cents INTEGER NOT NULL DEFAULT 0 CHECK (captured_cents >= 0),
  refunded_cents INTEGER NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0 AND refunded_cents <= captured_cents),
  payment_failed INTEGER NOT NULL DEFAULT 0 CHECK (payment_failed IN (0, 1)),
  stripe_payment_intent_id TEXT,
  customer_note TEXT,
  estimated_delivery_date TEXT,
  cancellation_reason TEXT,
  cancelled_at INTEGER,
  cancelled_by INTEGER REFERENCES users(id),
  placed_at INTEGER NOT NULL,
  paid_at INTEGER,
  fulfilled_at INTEGER,
  shipped_at INTEGER,
  delivered_at INTEGER,
  server_version INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX orders_queue ON orders(queue, placed_at, id);
CREATE INDEX orders_placed ON orders(placed_at, id);
CREATE INDEX orders_customer ON orders(customer_id);

-- One row per (order, store): a marketplace order can hold several sellers' items.
-- queue and placed_at are copied from the order so a seller's queue page is a single index range.
CREATE TABLE order_stores (
  order_id INTEGER NOT NULL REFERENCES orders(id),
  store_id INTEGER NOT NULL REFERENCES stores(id),
  queue TEXT NOT NULL,
  placed_at INTEGER NOT NULL,
  PRIMARY KEY (order_id, store_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX order_stores_queue ON order_stores(store_id, queue, placed_at, order_id);
CREATE INDEX order_stores_placed ON order_stores(store_id, placed_at, order_id);

CREATE TABLE order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  store_id INTEGER NOT NULL REFERENCES stores(id),
  product_id INTEGER REFERENCES products(id),
  title TEXT NOT NULL,
  sku TEXT NOT NULL,
  barcode TEXT,
  is_digital INTEGER NOT NULL DEFAULT 0 CHECK (is_digital IN (0, 1)),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
  packed_quantity INTEGER NOT NULL DEFAULT 0 CHECK (packed_quantity >= 0 AND packed_quantity <= quantity),
  fulfilled_quantity INTEGER NOT NULL DEFAULT 0 CHECK (fulfilled_quantity >= 0 AND fulfilled_quantity <= quantity),
  returned_quantity INTEGER NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= fulfilled_quantity)
) STRICT;
CREATE INDEX order_items_order ON order_items(order_id);

CREATE TABLE shipments (
  id TEXT PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  store_id INTEGER NOT NULL REFERENCES stores(id),
  carrier TEXT NOT NULL,
  carrier_name TEXT NOT NULL,
  tracking_number TEXT NOT NULL,
  tracking_url TEXT NOT NULL,
  method TEXT,
  shipped_at INTEGER NOT NULL,
  delivered_at INTEGER,
  created_by INTEGER NOT NULL REFERENCES users(id),
  station_id TEXT NOT NULL
) STRICT;
CREATE INDEX shipments_order ON shipments(order_id);
CREATE INDEX shipments_tracking ON shipments(tracking_number);

CREATE TABLE shipment_items (
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  order_item_id INTEGER NOT NULL REFERENCES order_items(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, order_item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE order_events (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  at INTEGER NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  actor_name TEXT NOT NULL,
  station_id TEXT,
  station_name TEXT,
  kind TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
) STRICT;
CREATE INDEX order_events_order ON order_events(order_id, id);

CREATE TABLE cancellation_requests (
  id TEXT PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  decision_note TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cancellation_requests_status ON cancellation_requests(status, created_at);
CREATE UNIQUE INDEX cancellation_requests_one_pending ON cancellation_requests(order_id) WHERE status = 'pending';

CREATE TABLE return_requests (
  id TEXT PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'completed')),
  refund_cents INTEGER CHECK (refund_cents IS NULL OR refund_cents >= 0),
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  decision_note TEXT,
  completed_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX return_requests_status ON return_requests(status, created_at);
CREATE INDEX return_requests_order ON return_requests(order_id);

CREATE TABLE return_request_items (
  return_request_id TEXT NOT NULL REFERENCES return_requests(id),
  order_item_id INTEGER NOT NULL REFERENCES order_items(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (return_request_id, order_item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  cancellation_request_id TEXT UNIQUE REFERENCES cancellation_requests(id),
  return_request_id TEXT UNIQUE REFERENCES return_requests(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL DEFAULT 'USD',
  status TEXT NOT NULL CHECK (status IN ('approved', 'reserved', 'sending', 'succeeded', 'failed', 'unknown')),
  stripe_refund_id TEXT UNIQUE,
  failure_reason TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX refunds_order ON refunds(order_id);
CREATE INDEX refunds_status ON refunds(status);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  order_id INTEGER REFERENCES orders(id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'suppressed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error TEXT,
  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  created_at INTEGER NOT NULL,
  sent_at INTEGER
) STRICT;
CREATE INDEX notifications_due ON notifications(status, next_attempt_at);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  mutation_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  args TEXT NOT NULL CHECK (json_valid(args)),
  actor_id INTEGER NOT NULL REFERENCES users(id),
  station_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'pushed', 'rejected', 'conflict')),
  result_code TEXT,
  created_at INTEGER NOT NULL,
  pushed_at INTEGER
) STRICT;
CREATE INDEX outbox_pending ON outbox(status, id);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  order_id INTEGER REFERENCES orders(id),
  mutation_id TEXT,
  code TEXT NOT NULL,
  local_state TEXT NOT NULL CHECK (json_valid(local_state)),
  server_state TEXT NOT NULL CHECK (json_valid(server_state)),
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by INTEGER REFERENCES users(id),
  resolution TEXT
) STRICT;
CREATE INDEX conflicts_open ON conflicts(resolved_at, created_at);

-- Search over order number, customer name and email, SKUs and tracking numbers.
-- Contentless (the text lives in the real tables); rowid is the order id. Kept current by
-- the write path's refreshOrderSearch, never by hand.
CREATE VIRTUAL TABLE order_search USING fts5(
  number, customer, email, skus, tracking,
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 2"
);
`;
