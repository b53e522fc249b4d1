// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- Which station is packing an order. One claim per order; an expired claim is free to take.
CREATE TABLE order_claims (
  order_id INTEGER PRIMARY KEY REFERENCES orders(id),
  station_id TEXT NOT NULL,
  station_name TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  user_name TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX order_claims_station ON order_claims(station_id);

-- Packing-slip batches: progress survives a reload of the window; the PDF lives in a file.
CREATE TABLE slip_jobs (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
  total INTEGER NOT NULL CHECK (total > 0),
  done INTEGER NOT NULL DEFAULT 0,
  file_path TEXT,
  error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
`;
