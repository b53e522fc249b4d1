import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { OrderDetail, OrderItemView } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { plural } from '../../lib/format.js';
import classes from './packing.module.css';
import { addTicks, packProgress, verifiedOf, type Ticks } from './pack-rules.js';
import { usePacking } from './store.js';

/** Local ticks of one item (here, and in the save now in flight). */
const ticksOf = (state: { pending: Ticks; inflight: Ticks }, itemId: number): number => (state.pending[itemId] ?? 0) + (state.inflight[itemId] ?? 0);

/**
 * Overall progress: verified units of what is left to ship, and "Ready to ship" when all are.
 * Re-rendered by every tick, so it is plain elements styled by the CSS module: the tick has one
 * frame to paint, and each Mantine component on this path costs some of it.
 */
export function PackProgress({ order }: { order: OrderDetail }) {
  // Numbers, not the ticks object: a save moving ticks from pending to in flight changes nothing shown.
  const verified = usePacking((s) => packProgress(order, addTicks(s.pending, s.inflight)).verified);
  const saving = usePacking((s) => Object.keys(s.pending).length > 0 || Object.keys(s.inflight).length > 0);
  const total = useMemo(() => packProgress(order, {}).total, [order]);
  const ready = total > 0 && verified === total;
  const fraction = total === 0 ? 1 : verified / total;
  return (
    <div className={classes.progress} data-testid="pack-progress" data-verified={verified} data-total={total} data-saving={saving}>
      <div className={classes.bar} data-ready={ready} aria-hidden="true">
        {/* Scaled, not resized: the bar's change is composited instead of laid out. */}
        <div className={classes.barFill} style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <p className={classes.count} aria-label={`${verified} of ${total} units verified`}>
        {verified} / {total}
      </p>
      <ProgressBadge ready={ready} left={total - verified} />
    </div>
  );
}

const ProgressBadge = memo(function ProgressBadge({ ready, left }: { ready: boolean; left: number }) {
  if (ready) {
    return (
      <Badge color="teal" size="lg" variant="filled" radius="sm" data-testid="ready-to-ship">
        Ready to ship
      </Badge>
    );
  }
  return left === 0 ? (
    <Badge color="gray" size="lg" variant="light" radius="sm">
      Nothing left to ship
    </Badge>
  ) : (
    <Badge color="blue" size="lg" variant="light" radius="sm">
      {plural(left, 'unit')} to scan
    </Badge>
  );
});

/** One row per item: scanned units against the quantity, green once complete. */
export function PackItems({ order }: { order: OrderDetail }) {
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
            <PackRow key={item.id} item={item} showStore={storeCount > 1} />
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

// Each row follows its own count, so a scan re-renders the one row it ticked, not the table: the
// tick has one frame to paint. Within the row only the <tr> (it carries the row's state) and the
// count, a plain element, render again; the item's cells are made once per item.
//
// A save's answer brings a new order with new item objects: a row whose item reads the same is
// skipped (compared field by field), so only the rows the save changed render again.
const PackRow = memo(function PackRow({ item, showStore }: { item: OrderItemView; showStore: boolean }) {
  const verified = usePacking((s) => verifiedOf(item, { [item.id]: ticksOf(s, item.id) }));
  const last = usePacking((s) => s.lastTickedItemId === item.id);
  const complete = !item.isDigital && verified >= item.quantity;
  const cells = useMemo(() => <ItemCells item={item} showStore={showStore} />, [item, showStore]);
  return (
    <Table.Tr
      className={classes.itemRow}
      data-testid="pack-item"
      data-item-id={item.id}
      data-verified={item.isDigital ? undefined : verified}
      data-complete={complete}
      data-last={last}
    >
      {cells}
      <td className={classes.countCell}>
        {item.isDigital ? (
          <Text c="dimmed">—</Text>
        ) : (
          <p className={classes.count} data-complete={complete} data-testid="pack-item-count">
            {complete ? '✓ ' : ''}
            {verified} / {item.quantity}
          </p>
        )}
      </td>
    </Table.Tr>
  );
}, (before, after) => before.showStore === after.showStore && sameFields(before.item, after.item));

function sameFields(a: OrderItemView, b: OrderItemView): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof OrderItemView)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

function ItemCells({ item, showStore }: { item: OrderItemView; showStore: boolean }) {
  const shippedAll = !item.isDigital && remainingToShip(item) === 0;
  return (
    <>
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
    </>
  );
}
