// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- Whose part of the order a timeline entry is about. A marketplace order can hold several
-- stores' items, and a seller sees only their own stores' part of it: an entry with a store_id
-- is shown to that store's sellers (and admins) only; NULL means it is about the order as a
-- whole and everyone who can see the order sees it. A row is about one store at most: work that
-- touches several stores' parts is recorded as one row per store, each carrying only that
-- store's data, so a row never holds anything of a store that can't see it.
ALTER TABLE order_events ADD COLUMN store_id INTEGER REFERENCES stores(id);

-- Back-fill. Each entry written before this migration gets the stores its data shows it is
-- about: a parcel's entry is tagged in place; others get one row per store, with that store's
-- share of the data, in migrated_event_parts. An entry with no store stays NULL. The rule per
-- kind (the same the write path follows from now on):
--   shipped            the parcel's store (shipments.store_id via shipmentId); without a known
--                      parcel, the stores of its items.
--   items_packed,
--   returned           the stores of the items (order_items.store_id via items[].itemId).
--   delivered          the stores of the parcels (shipmentIds[], or shipmentId as the carrier
--                      reports it); digital delivery, with no parcel, is the whole order's.
--   claim_taken_over   the stores whose claims were taken (storeIds[]), among the order's.
--   note               a seller's note belongs to the stores of the order they work for, unless
--                      that is every store of the order (then it is for everyone); an admin's
--                      note, or one whose author no longer works for any store of the order, is
--                      for everyone.
--   anything else      NULL: placed, paid, payment_failed, hold_placed, hold_released,
--                      shipping_address_changed, cancelled, refunded, return_requested,
--                      return_approved, confirmation_resent, notification_retried concern the
--                      order as a whole (one hold, one address, one payment, one customer).
CREATE TABLE migrated_event_parts (
  event_id INTEGER NOT NULL,
  store_id INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (event_id, store_id)
) STRICT, WITHOUT ROWID;

-- One parcel is one store's: most entries are tagged in place, with no copy of their data.
UPDATE order_events
SET store_id = (SELECT s.store_id FROM shipments s WHERE s.id = order_events.data ->> '$.shipmentId' AND s.order_id = order_events.order_id)
WHERE kind IN ('shipped', 'delivered') AND data ->> '$.shipmentId' IS NOT NULL;

INSERT INTO migrated_event_parts (event_id, store_id, data)
SELECT e.id, i.store_id, json_set(e.data, '$.items', json_group_array(json(j.value) ORDER BY j.key))
FROM order_events e, json_each(e.data, '$.items') j
JOIN order_items i ON i.id = j.value ->> '$.itemId' AND i.order_id = e.order_id
WHERE (e.kind IN ('items_packed', 'returned') OR (e.kind = 'shipped' AND e.store_id IS NULL))
  AND json_type(e.data, '$.items') = 'array'
GROUP BY e.id, i.store_id;

INSERT INTO migrated_event_parts (event_id, store_id, data)
SELECT e.id, s.store_id, json_set(e.data, '$.shipmentIds', json_group_array(s.id ORDER BY j.key))
FROM order_events e, json_each(e.data, '$.shipmentIds') j
JOIN shipments s ON s.id = j.value AND s.order_id = e.order_id
WHERE e.kind = 'delivered' AND e.store_id IS NULL AND json_type(e.data, '$.shipmentIds') = 'array'
GROUP BY e.id, s.store_id;

INSERT INTO migrated_event_parts (event_id, store_id, data)
SELECT e.id, os.store_id, json_set(e.data, '$.storeIds', json_array(os.store_id))
FROM order_events e, json_each(e.data, '$.storeIds') j
JOIN order_stores os ON os.order_id = e.order_id AND os.store_id = j.value
WHERE e.kind = 'claim_taken_over' AND json_type(e.data, '$.storeIds') = 'array'
GROUP BY e.id, os.store_id;

INSERT INTO migrated_event_parts (event_id, store_id, data)
SELECT e.id, os.store_id, e.data
FROM order_events e
JOIN users u ON u.id = e.actor_id AND u.role = 'seller'
JOIN order_stores os ON os.order_id = e.order_id
JOIN store_members m ON m.user_id = u.id AND m.store_id = os.store_id
WHERE e.kind = 'note';
DELETE FROM migrated_event_parts
WHERE event_id IN (
  SELECT p.event_id FROM migrated_event_parts p JOIN order_events e ON e.id = p.event_id
  WHERE e.kind = 'note'
  GROUP BY p.event_id
  HAVING count(*) = (SELECT count(*) FROM order_stores os WHERE os.order_id = e.order_id)
);

-- An entry about one store keeps its row and data. An entry about several keeps its row for the
-- lowest store, with that store's share of the data, and gets a new row, at the same time and by
-- the same person, for each other store (the timeline orders entries by time, so they stay
-- together).
UPDATE order_events
SET store_id = (SELECT min(p.store_id) FROM migrated_event_parts p WHERE p.event_id = order_events.id),
    data = CASE
      WHEN (SELECT count(*) FROM migrated_event_parts p WHERE p.event_id = order_events.id) = 1 THEN data
      ELSE (SELECT p.data FROM migrated_event_parts p WHERE p.event_id = order_events.id ORDER BY p.store_id LIMIT 1)
    END
WHERE id IN (SELECT event_id FROM migrated_event_parts);

INSERT INTO order_events (order_id, at, actor_id, actor_name, station_id, station_name, kind, data, store_id)
SELECT e.order_id, e.at, e.actor_id, e.actor_name, e.station_id, e.station_name, e.kind, p.data, p.store_id
FROM migrated_event_parts p
JOIN order_events e ON e.id = p.event_id
WHERE p.store_id > e.store_id
ORDER BY p.event_id, p.store_id;

DROP TABLE migrated_event_parts;

-- The timeline walks an order's entries newest first and stops at its limit. With store_id in
-- the index a seller's filter is decided on the index entry, so another store's entries are
-- skipped without reading their rows. It serves every (order_id, id) lookup the old index did.
-- Built after the back-fill, so the updates above don't maintain it row by row.
CREATE INDEX order_events_timeline ON order_events(order_id, id, store_id);
DROP INDEX order_events_order;
`;
