import { Button, Group, Kbd, Paper, Text } from '@mantine/core';
import type { Ref } from 'react';
import { plural } from '../../lib/format.js';
import { notify } from '../../stores/toasts.js';
import { checkedInOrder } from '../queue/selection.js';
import { useQueue } from '../queue/store.js';
import { MAX_SLIP_ORDERS, PrintSlipsButton, type PrintSlipsHandle } from '../slips/PrintSlipsButton.js';
import { useBulk, type OrderNumbers } from './store.js';

/** One bulk call takes at most this many orders (the contract's limit). */
export const MAX_BULK_ORDERS = 1000;

/** The ticked orders in list order, with their numbers for reports. */
export function checkedOrders(): { ids: number[]; numbers: OrderNumbers } {
  const { rows, checked } = useQueue.getState();
  const ids = checkedInOrder(
    checked,
    rows.map((row) => row.id),
  );
  const numbers = new Map(rows.filter((row) => checked.ids.has(row.id)).map((row) => [row.id, row.number]));
  return { ids, numbers };
}

/** Release every ticked order's hold; the report dialog shows what happened. */
export async function releaseChecked(): Promise<void> {
  const { ids, numbers } = checkedOrders();
  if (ids.length === 0 || ids.length > MAX_BULK_ORDERS) return;
  const result = await useBulk.getState().releaseHold(ids, numbers);
  if (!result.ok) notify.error(result.message, 'The holds were not released');
  else void useQueue.getState().refresh();
}

/** Shown above the queue while orders are ticked: what can be done to all of them at once. */
export function BulkBar({ printRef }: { printRef: Ref<PrintSlipsHandle> }) {
  const checked = useQueue((s) => s.checked);
  const rows = useQueue((s) => s.rows);
  const busy = useBulk((s) => s.busy);
  if (checked.ids.size === 0) return null;

  const ids = checkedInOrder(
    checked,
    rows.map((row) => row.id),
  );
  const tooMany = ids.length > MAX_BULK_ORDERS;
  const limitNote = tooMany ? `Bulk actions take at most ${MAX_BULK_ORDERS.toLocaleString('en-US')} orders at a time.` : undefined;

  return (
    <Paper withBorder px="sm" py={6} bg="blue.0" data-testid="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} role="status" data-testid="checked-count">
            {plural(ids.length, 'order')} ticked
          </Text>
          {tooMany && (
            <Text size="xs" c="red">
              {limitNote}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <PrintSlipsButton
            ref={printRef}
            orderIds={ids.length > MAX_SLIP_ORDERS ? [] : ids}
            size="compact-sm"
            label="Print slips"
            shortcut="p"
          />
          <Button size="compact-sm" variant="default" onClick={() => useBulk.getState().openHold()} disabled={tooMany} rightSection={<Kbd size="xs">h</Kbd>}>
            Place hold
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void releaseChecked()}
            loading={busy === 'release'}
            disabled={tooMany}
            rightSection={<Kbd size="xs">r</Kbd>}
          >
            Release hold
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => useQueue.getState().clearChecked()} rightSection={<Kbd size="xs">Esc</Kbd>}>
            Untick all
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
