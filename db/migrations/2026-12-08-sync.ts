// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- What the desk needs to apply pulled pages and rebase its own changes on them (issue 10).
-- outbox.order_id: the order a mutation changed, so a pulled order's pending changes are found by
-- index; outbox.server_version: the version the server answered when it applied the mutation, so
-- a pulled doc that already includes it is not given it twice. actor_name and station_name keep
-- who made a change and where, for the timeline of a replay and for the rejections list, even
-- after that person's account leaves this desk.
ALTER TABLE outbox ADD COLUMN order_id INTEGER;
ALTER TABLE outbox ADD COLUMN server_version INTEGER;
ALTER TABLE outbox ADD COLUMN actor_name TEXT;
ALTER TABLE outbox ADD COLUMN station_name TEXT;
CREATE INDEX outbox_order ON outbox(order_id, status, id) WHERE order_id IS NOT NULL;

-- Changes the server refused: undone locally, kept here with the server's reason for people to see.
CREATE TABLE sync_rejections (
  mutation_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  args TEXT NOT NULL CHECK (json_valid(args)),
  order_id INTEGER,
  summary TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  made_at INTEGER NOT NULL,
  made_by_id INTEGER NOT NULL,
  made_by_name TEXT NOT NULL,
  rejected_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sync_rejections_order ON sync_rejections(order_id, rejected_at) WHERE order_id IS NOT NULL;
CREATE INDEX sync_rejections_recent ON sync_rejections(rejected_at);

-- Pulled rows that did not parse or could not be applied: set aside (the rest of the page is
-- applied), logged and shown in the sync panel. raw is the row as it arrived, for a bug report.
CREATE TABLE sync_quarantine (
  id INTEGER PRIMARY KEY,
  row_type TEXT,
  row_id INTEGER,
  version INTEGER,
  raw TEXT NOT NULL,
  error TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

-- The server's copy of an order the desk has unsettled changes on (an OrderDoc as JSON, at
-- version): what the order goes back to when the server refuses one of those changes, before the
-- remaining ones are replayed. Kept only while such changes exist.
CREATE TABLE sync_base (
  order_id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL CHECK (json_valid(doc))
) STRICT;
`;
