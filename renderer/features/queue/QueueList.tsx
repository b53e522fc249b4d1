import { Badge, Button, Center, Checkbox, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import type { QueueRow as Row } from '../../../shared/contract/index.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { StatusBadges } from '../../components/StatusBadges.js';
import { useShowsUnsynced } from '../sync/store.js';
import { UnsyncedBadge } from '../sync/UnsyncedBadge.js';
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
  const checked = useQueue((s) => s.checked);
  const showsUnsynced = useShowsUnsynced();

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
      <div className={classes.head}>
        <CheckAllBox />
        <span aria-hidden="true">Order</span>
        <span aria-hidden="true">Customer</span>
        <span aria-hidden="true">Ship to</span>
        <span aria-hidden="true" style={{ textAlign: 'right' }}>Items</span>
        <span aria-hidden="true" style={{ textAlign: 'right' }}>Total</span>
        <span aria-hidden="true" style={{ textAlign: 'right' }}>Age</span>
        <span aria-hidden="true">Status</span>
        <span aria-hidden="true">Stores</span>
      </div>
      <div
        ref={scrollRef}
        className={classes.list}
        role="listbox"
        aria-label="Orders"
        aria-multiselectable="true"
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
                  ticked={checked.ids.has(row.id)}
                  unsynced={showsUnsynced && row.unsynced}
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

/** Ticks every loaded row, or unticks them all; shows "some" while only part are ticked. */
function CheckAllBox() {
  const total = useQueue((s) => s.rows.length);
  const count = useQueue((s) => s.checked.ids.size);
  const all = total > 0 && count === total;
  return (
    <Checkbox
      size="xs"
      aria-label={all ? 'Untick every order' : 'Tick every loaded order'}
      title="Tick every loaded order (Ctrl+A)"
      checked={all}
      indeterminate={count > 0 && !all}
      disabled={total === 0}
      onChange={() => (all || count > 0 ? useQueue.getState().clearChecked() : useQueue.getState().checkAllLoaded())}
    />
  );
}

function QueueRowView({ row, top, selected, ticked, unsynced }: { row: Row; top: number; selected: boolean; ticked: boolean; unsynced: boolean }) {
  const open = (event: MouseEvent) => {
    // Shift+click ticks a range, as in a mail client, instead of opening the order.
    if (event.shiftKey) {
      window.getSelection()?.removeAllRanges();
      useQueue.getState().checkRangeTo(row.id);
      return;
    }
    useQueue.getState().select(row.id);
    useRoute.getState().openOrder(row.id);
  };
  const tick = (event: MouseEvent) => {
    event.stopPropagation();
    if (event.shiftKey) useQueue.getState().checkRangeTo(row.id);
    else useQueue.getState().toggleChecked(row.id);
  };
  const age = formatAge(row.placedAt);
  return (
    <div
      id={`queue-row-${row.id}`}
      data-testid="queue-row"
      role="option"
      aria-selected={selected}
      aria-checked={ticked}
      data-ticked={ticked}
      className={classes.row}
      style={{ top, height: ROW_HEIGHT }}
      onClick={open}
    >
      {/* A click on the box only ticks; the row's own click opens the order. */}
      <span className={classes.tick} onClick={tick}>
        <Checkbox size="xs" tabIndex={-1} aria-label={`Tick ${row.number}`} checked={ticked} readOnly />
      </span>
      <span className={classes.number}>{row.number}</span>
      <span className={classes.cell} title={row.customerEmail}>
        {row.customerName}
      </span>
      <span className={classes.cell}>{row.shipToState ?? '—'}</span>
      <span className={classes.num}>{row.itemCount}</span>
      {/* On an order shared with other stores a seller sees their items' share: marked, so it isn't read as the order's total. */}
      <span className={classes.num} title={row.moneyScope === 'own_items' ? "Your items' share of an order shared with other stores" : undefined}>
        {formatMoney(row.totalCents)}
        {row.moneyScope === 'own_items' ? '*' : ''}
      </span>
      <span className={classes.num} title={`Placed ${formatDateTime(row.placedAt)}`}>
        {age}
      </span>
      <span className={classes.status}>
        <StatusBadges order={row} />
        {unsynced && <UnsyncedBadge />}
        {row.claimedBy && <ClaimBadge claim={row.claimedBy} />}
      </span>
      <span className={classes.muted} title={row.storeNames.join(', ')}>
        {row.storeNames.join(', ')}
      </span>
    </div>
  );
}

/** Who is packing the order right now; this station's own claim stands out. */
function ClaimBadge({ claim }: { claim: NonNullable<Row['claimedBy']> }) {
  const text = `Packing: ${claim.stationName} · ${claim.userName}`;
  return (
    <Tooltip
      label={`${text}. ${claim.mine ? 'That is this station.' : 'Another station has it; you are warned before packing it too.'}`}
      withArrow
    >
      <Badge
        size="xs"
        radius="sm"
        variant={claim.mine ? 'filled' : 'outline'}
        color={claim.mine ? 'indigo' : 'violet'}
        className={classes.claim}
        data-testid="claim-badge"
        data-mine={claim.mine}
      >
        {text}
      </Badge>
    </Tooltip>
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
