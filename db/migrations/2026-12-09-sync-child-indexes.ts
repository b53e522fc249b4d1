// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- A pulled order that is already on file is rewritten: its items are deleted and put back. Each
-- deleted item makes SQLite check the rows that reference it (foreign keys), and without these
-- indexes that check scanned every parcel line and return line of the store, so syncing 10,000
-- changed orders slowed as the store grew (npm run bench: offline_10000).
CREATE INDEX shipment_items_item ON shipment_items(order_item_id);
CREATE INDEX return_request_items_item ON return_request_items(order_item_id);
-- The same rewrite clears an order's cancellation requests by order.
CREATE INDEX cancellation_requests_order ON cancellation_requests(order_id);
`;
