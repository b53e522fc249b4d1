import { Stack, Title } from '@mantine/core';
import { useRejections } from './rejections.js';
import { RejectionList } from './RejectionList.js';
import { isSynced, useSync } from './store.js';

/**
 * On the order page: this order's changes the shop refused, with its reason. Shown only when
 * there are some: the page stays as it was for an order nothing happened to.
 */
export function OrderRejections({ orderId }: { orderId: number }) {
  const synced = useSync((s) => isSynced(s.status));
  const rejections = useRejections(orderId, synced);
  if (!synced || rejections.rows.length === 0) return null;
  return (
    <Stack gap={6} component="section" aria-labelledby={`rejections-${orderId}`} data-testid="order-rejections">
      <Title order={3} size="h5" id={`rejections-${orderId}`}>
        Changes the shop refused
      </Title>
      <RejectionList state={rejections} empty="" />
    </Stack>
  );
}
