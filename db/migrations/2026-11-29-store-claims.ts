// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- Claims per (order, store): a marketplace order can hold items of several stores and each seller
-- packs only their own store's items, so two sellers packing their halves of one order must not
-- warn each other. An admin packing the whole order holds a claim on each of its stores.
CREATE TABLE order_store_claims (
  order_id INTEGER NOT NULL REFERENCES orders(id),
  store_id INTEGER NOT NULL REFERENCES stores(id),
  station_id TEXT NOT NULL,
  station_name TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  user_name TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (order_id, store_id)
) STRICT, WITHOUT ROWID;

-- A per-order claim becomes a claim on each of the order's stores its holder could pack: every
-- store for an admin, the stores they work for for a seller (what they saw and packed of the
-- order). A claim whose holder packs none of the order's stores any more is dropped. Times are
-- kept, so an expired claim stays expired and a fresh one still warns other stations.
INSERT INTO order_store_claims (order_id, store_id, station_id, station_name, user_id, user_name, claimed_at, expires_at)
SELECT c.order_id, s.store_id, c.station_id, c.station_name, c.user_id, c.user_name, c.claimed_at, c.expires_at
FROM order_claims c
JOIN order_stores s ON s.order_id = c.order_id
JOIN users u ON u.id = c.user_id
WHERE u.role = 'admin'
   OR EXISTS (SELECT 1 FROM store_members m WHERE m.user_id = c.user_id AND m.store_id = s.store_id);

DROP TABLE order_claims;
ALTER TABLE order_store_claims RENAME TO order_claims;
CREATE INDEX order_claims_station ON order_claims(station_id);
`;
