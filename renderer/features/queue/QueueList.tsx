import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { QueueRow as Row } from '../../../shared/contract/index.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { StatusBadges } from '../../components/StatusBadges.js';
import { formatAge, formatDateTime } from '../../lib/format.js';
import { useRoute } from '../../stores/route.js';
import classes from './queue.module.css';
import { selectedIndexOf, useQueue } from './store.js';
import { EMPTY_VIEW_TEXT } from './views.js';

const ROW_HEIGHT = 38;
/** Start fetching the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 15;

export function QueueList() {
  const rows = useQueue((s) => s.rows);
  const status = useQueue((s) => s.status);
  const error = useQueue((s) => s.error);
  const nextCursor = useQueue((s) => s.nextCursor);
  const loadingMore = useQueue((s) => s.loadingMore);
  const selectedIndex = useQueue(selectedIndexOf);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (nextCursor !== null && lastVisible >= rows.length - PREFETCH_ROWS) void useQueue.getState().loadMore();
  }, [lastVisible, rows.length, nextCursor]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <>
      <div className={classes.head} aria-hidden="true">
        <span>Order</span>
        <span>Customer</span>
        <span>Ship to</span>
        <span style={{ textAlign: 'right' }}>Items</span>
        <span style={{ textAlign: 'right' }}>Total</span>
        <span style={{ textAlign: 'right' }}>Age</span>
        <span>Status</span>
        <span>Stores</span>
      </div>
      <div
        ref={scrollRef}
        className={classes.list}
        role="listbox"
        aria-label="Orders"
        aria-busy={status === 'loading' || loadingMore}
        aria-activedescendant={selectedIndex >= 0 ? `queue-row-${rows[selectedIndex]!.id}` : undefined}
        tabIndex={0}
      >
        {rows.length === 0 ? (
          <EmptyState status={status} error={error} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <QueueRowView
                  key={item.key}
                  row={row}
                  top={item.start}
                  selected={item.index === selectedIndex}
                />
              );
            })}
          </div>
        )}
        {rows.length > 0 && (loadingMore || (error !== null && nextCursor !== null)) && (
          <Center py="xs">
            {loadingMore ? (
              <Loader size="xs" />
            ) : (
              <Text size="sm" c="red">
                Couldn't load more orders: {error}{' '}
                <Button size="compact-xs" variant="subtle" onClick={() => void useQueue.getState().loadMore()}>
                  Try again
                </Button>
              </Text>
            )}
          </Center>
        )}
      </div>
    </>
  );
}

function QueueRowView({ row, top, selected }: { row: Row; top: number; selected: boolean }) {
  const open = () => {
    useQueue.getState().select(row.id);
    useRoute.getState().openOrder(row.id);
  };
  const age = formatAge(row.placedAt);
  return (
    <div
      id={`queue-row-${row.id}`}
      data-testid="queue-row"
      role="option"
      aria-selected={selected}
      className={classes.row}
      style={{ top, height: ROW_HEIGHT }}
      onClick={open}
    >
      <span className={classes.number}>{row.number}</span>
      <span className={classes.cell} title={row.customerEmail}>
        {row.customerName}
      </span>
      <span className={classes.cell}>{row.shipToState ?? '—'}</span>
      <span className={classes.num}>{row.itemCount}</span>
      <span className={classes.num}>{formatMoney(row.totalCents)}</span>
      <span className={classes.num} title={`Placed ${formatDateTime(row.placedAt)}`}>
        {age}
      </span>
      <span className={classes.cell}>
        <StatusBadges order={row} />
      </span>
      <span className={classes.muted} title={row.storeNames.join(', ')}>
        {row.storeNames.join(', ')}
      </span>
    </div>
  );
}

function EmptyState({ status, error }: { status: string; error: string | null }) {
  const search = useQueue((s) => s.search);
  const view = useQueue((s) => s.view);
  const filtered = useQueue((s) => s.storeId !== null || s.minAgeDays > 0);

  if (status === 'loading' || status === 'idle') {
    return (
      <Center h={160}>
        <Loader size="sm" />
      </Center>
    );
  }
  if (status === 'error') {
    return (
      <Stack align="center" gap="xs" py="xl">
        <Text c="red">Couldn't load the orders. {error}</Text>
        <Button size="xs" variant="light" onClick={() => void useQueue.getState().reload()}>
          Try again
        </Button>
      </Stack>
    );
  }
  let sentence = EMPTY_VIEW_TEXT[view];
  if (search !== '') sentence = `No orders match “${search}”.`;
  else if (filtered) sentence = 'No orders in this tab match the store and age filters.';
  return (
    <Stack align="center" gap="xs" py="xl">
      <Text c="dimmed">{sentence}</Text>
    </Stack>
  );
}
