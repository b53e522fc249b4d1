// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- The message exactly as it went out, stored when the sender takes the row: the preview of a
-- sent email is what the customer got, whatever the templates say today.
ALTER TABLE notifications ADD COLUMN subject TEXT;
ALTER TABLE notifications ADD COLUMN body_html TEXT;
ALTER TABLE notifications ADD COLUMN body_text TEXT;
-- Stable per dedupe key: a message resent by hand after an interrupted send carries the same
-- Message-ID, so the receiving side can recognise it.
ALTER TABLE notifications ADD COLUMN message_id TEXT;
-- The provider's id for the accepted message (SMTP queue id in the reply, Twilio's message SID).
ALTER TABLE notifications ADD COLUMN provider_id TEXT;
ALTER TABLE notifications ADD COLUMN updated_at INTEGER;
-- When the sender handed the row to the server; a row still 'sending' at start-up was interrupted.
ALTER TABLE notifications ADD COLUMN sending_at INTEGER;
-- The store a message is about (a parcel's store), or NULL when it is about the whole order. A
-- seller sees their stores' messages, and whole-order ones only when the whole order is theirs:
-- those can name any store's items.
ALTER TABLE notifications ADD COLUMN store_id INTEGER REFERENCES stores(id);

-- The sender's "what is due on this channel" and "when is the next one due": one index range each,
-- however many rows of the other channel wait.
CREATE INDEX notifications_channel_due ON notifications(status, channel, next_attempt_at);
CREATE INDEX notifications_order ON notifications(order_id, id);
CREATE INDEX notifications_status_id ON notifications(status, id);
`;
