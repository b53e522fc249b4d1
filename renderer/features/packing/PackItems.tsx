import { Badge, Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { OrderDetail, OrderItemView } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { plural } from '../../lib/format.js';
import classes from './packing.module.css';
import { addTicks, packProgress, verifiedOf } from './pack-rules.js';
import { usePacking } from './store.js';

function useTicks() {
  const pending = usePacking((s) => s.pending);
  const inflight = usePacking((s) => s.inflight);
  return useMemo(() => addTicks(pending, inflight), [pending, inflight]);
}

/** Overall progress: verified units of what is left to ship, and "Ready to ship" when all are. */
export function PackProgress({ order }: { order: OrderDetail }) {
  const ticks = useTicks();
  const progress = packProgress(order, ticks);
  const saving = Object.keys(ticks).length > 0;
  const percent = progress.total === 0 ? 100 : (progress.verified / progress.total) * 100;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="pack-progress" data-verified={progress.verified} data-total={progress.total} data-saving={saving}>
      <Progress value={percent} color={progress.ready ? 'teal' : 'blue'} size="lg" radius="sm" style={{ flex: 1 }} aria-hidden="true" />
      <Text className={classes.count} aria-label={`${progress.verified} of ${progress.total} units verified`}>
        {progress.verified} / {progress.total}
      </Text>
      {progress.ready ? (
        <Badge color="teal" size="lg" variant="filled" radius="sm" data-testid="ready-to-ship">
          Ready to ship
        </Badge>
      ) : progress.total === 0 ? (
        <Badge color="gray" size="lg" variant="light" radius="sm">
          Nothing left to ship
        </Badge>
      ) : (
        <Badge color="blue" size="lg" variant="light" radius="sm">
          {plural(progress.total - progress.verified, 'unit')} to scan
        </Badge>
      )}
    </Group>
  );
}

/** One row per item: scanned units against the quantity, green once complete. */
export function PackItems({ order }: { order: OrderDetail }) {
  const ticks = useTicks();
  const lastTicked = usePacking((s) => s.lastTickedItemId);
  const storeCount = new Set(order.items.map((item) => item.storeId)).size;
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label="Items to verify">
      <Title order={3} size="h6" tt="uppercase" c="dimmed" mb={6}>
        Items to verify
      </Title>
      <Table withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>SKU · barcode</Table.Th>
            <Table.Th ta="right" w={120}>
              Verified
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.items.map((item) => (
            <PackRow key={item.id} item={item} verified={verifiedOf(item, ticks)} last={lastTicked === item.id} showStore={storeCount > 1} />
          ))}
        </Table.Tbody>
      </Table>
      {order.hiddenItemCount > 0 && (
        <Text size="sm" c="dimmed" mt={6}>
          {plural(order.hiddenItemCount, 'item')} from other stores {order.hiddenItemCount === 1 ? 'is' : 'are'} hidden and not packed here.
        </Text>
      )}
    </Paper>
  );
}

// One row re-renders per scan, not the whole table: the tick has one frame to paint.
const PackRow = memo(function PackRow({ item, verified, last, showStore }: { item: OrderItemView; verified: number; last: boolean; showStore: boolean }) {
  const shippedAll = !item.isDigital && remainingToShip(item) === 0;
  const complete = !item.isDigital && verified >= item.quantity;
  return (
    <Table.Tr
      className={classes.itemRow}
      data-testid="pack-item"
      data-item-id={item.id}
      data-verified={item.isDigital ? undefined : verified}
      data-complete={complete}
      data-last={last}
    >
      <Table.Td>
        <Text size="sm" fw={500} span>
          {item.title}
        </Text>
        {item.isDigital && (
          <Badge size="xs" variant="outline" color="violet" ml={6}>
            Digital: nothing to pack
          </Badge>
        )}
        {shippedAll && (
          <Badge size="xs" variant="light" color="gray" ml={6}>
            Shipped
          </Badge>
        )}
        {showStore && (
          <Text size="xs" c="dimmed">
            {item.storeName}
          </Text>
        )}
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {item.sku}
        {item.barcode && (
          <Text span c="dimmed" ff="monospace" fz="xs">
            {' · '}
            {item.barcode}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {item.isDigital ? (
          <Text c="dimmed">—</Text>
        ) : (
          <Text className={classes.count} c={complete ? 'teal.8' : undefined} data-testid="pack-item-count">
            {complete ? '✓ ' : ''}
            {verified} / {item.quantity}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
});
