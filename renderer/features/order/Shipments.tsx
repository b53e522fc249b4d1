import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { formatDateTime, safeHttpsUrl } from '../../lib/format.js';

export function Shipments({ order }: { order: OrderDetail }) {
  if (order.shipments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has shipped yet.
      </Text>
    );
  }
  const titles = new Map(order.items.map((item) => [item.id, item.title]));
  return (
    <Stack gap="xs">
      {order.shipments.map((s) => {
        const url = safeHttpsUrl(s.trackingUrl);
        return (
          <Paper key={s.id} withBorder p="xs" radius="sm">
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {s.carrierName || s.carrier.toUpperCase()}
                </Text>
                {url ? (
                  <Anchor size="sm" href={url} target="_blank" rel="noopener noreferrer" ff="monospace">
                    {s.trackingNumber}
                  </Anchor>
                ) : (
                  <Text size="sm" ff="monospace">
                    {s.trackingNumber}
                  </Text>
                )}
                {s.method && (
                  <Text size="xs" c="dimmed">
                    {s.method}
                  </Text>
                )}
              </Group>
              <Group gap={6}>
                {s.deliveredAt !== null && (
                  <Badge size="xs" color="green" variant="light">
                    Delivered {formatDateTime(s.deliveredAt)}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  Shipped {formatDateTime(s.shippedAt)}
                </Text>
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mt={2}>
              {s.items.map((line) => `${line.quantity} × ${titles.get(line.orderItemId) ?? `item ${line.orderItemId}`}`).join(', ') ||
                'No items recorded.'}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
