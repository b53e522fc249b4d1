// Frozen: never edit a shipped migration. Add a new dated file instead.
export const up = String.raw`
-- A notification_retried entry names a customer message and why it failed. Until now the write
-- path recorded it order-wide, so on a marketplace order every co-seller saw another store's
-- failed email and its error text. From now on it carries the message's store
-- (notifications.store_id); this brings the entries already written into line:
--   * a message about one store's part (a parcel) tags its entry with that store;
--   * an entry that stays order-wide (a message about the whole order, or one no longer on file)
--     on an order of several stores loses its error text, which only admins may see there.
UPDATE order_events
SET store_id = (
  SELECT n.store_id FROM notifications n
  WHERE n.id = order_events.data ->> '$.notificationId' AND n.order_id = order_events.order_id
)
WHERE kind = 'notification_retried' AND store_id IS NULL
  AND EXISTS (
    SELECT 1 FROM notifications n
    WHERE n.id = order_events.data ->> '$.notificationId' AND n.order_id = order_events.order_id AND n.store_id IS NOT NULL
  );

UPDATE order_events
SET data = json_set(data, '$.lastError', NULL)
WHERE kind = 'notification_retried' AND store_id IS NULL
  AND data ->> '$.lastError' IS NOT NULL
  AND (SELECT count(*) FROM order_stores s WHERE s.order_id = order_events.order_id) > 1;
`;
