import { Button, Group, Kbd, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { QUEUE_VIEWS } from '../../../shared/contract/index.js';
import { on } from '../../api/client.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { BulkBar, releaseChecked } from '../bulk/BulkBar.js';
import { BulkHoldDialog } from '../bulk/BulkHoldDialog.js';
import { BulkReportDialog } from '../bulk/BulkReportDialog.js';
import { ImportShipmentsDialog } from '../bulk/ImportShipmentsDialog.js';
import { useBulk } from '../bulk/store.js';
import type { PrintSlipsHandle } from '../slips/PrintSlipsButton.js';
import { QueueFilters, SearchSummary } from './QueueFilters.js';
import { QueueList } from './QueueList.js';
import { useSelectAllKey } from './select-all-key.js';
import { MAX_REFRESH, selectedIndexOf, useQueue } from './store.js';
import { VIEW_LABELS } from './views.js';

const openSelected = () => {
  const queue = useQueue.getState();
  const row = queue.rows[selectedIndexOf(queue)];
  if (row) useRoute.getState().openOrder(row.id);
};

// Past a claim's expiry by this much, so main's clock agrees it has lapsed when the list asks.
const CLAIM_EXPIRY_SLACK_MS = 1_000;

const hasChecked = () => useQueue.getState().checked.ids.size > 0;

/**
 * A claim that lapses says nothing (its station stopped renewing it), so the list looks again
 * once, when the first "Packing: …" badge it shows is due to expire. Each expiry is looked at
 * once: a renewed claim comes back with a later one, and a badge that outlives its expiry
 * (clocks apart) can't make the list refetch in a loop.
 */
function useClaimExpiryRefresh() {
  const rows = useQueue((s) => s.rows);
  const handledUpTo = useRef(0);
  const next = rows.reduce<number | null>((soonest, row) => {
    const expiresAt = row.claimedBy?.expiresAt;
    return expiresAt !== undefined && expiresAt > handledUpTo.current && (soonest === null || expiresAt < soonest) ? expiresAt : soonest;
  }, null);
  useEffect(() => {
    if (next === null) return;
    const timer = window.setTimeout(() => {
      handledUpTo.current = next;
      // Past what one refetch reloads, a refresh would cut the list under someone scrolling it.
      if (useQueue.getState().rows.length <= MAX_REFRESH) void useQueue.getState().refresh();
    }, Math.max(next - Date.now(), 0) + CLAIM_EXPIRY_SLACK_MS);
    return () => window.clearTimeout(timer);
  }, [next]);
}

export function QueueScreen() {
  const searchRef = useRef<HTMLInputElement>(null);
  const printRef = useRef<PrintSlipsHandle>(null);
  const view = useQueue((s) => s.view);
  const searching = useQueue((s) => s.search !== '');

  useEffect(() => {
    // Coming back from an order: the list may have moved on (packed, shipped), so refetch it.
    // Claims, take-overs and releases announce themselves with orders.changed too.
    void useQueue.getState().refresh();
    return on('orders.changed', () => void useQueue.getState().refresh());
  }, []);
  useClaimExpiryRefresh();

  // Keys and actions here are listed for the help overlay in shortcuts.ts: keep both in step.
  const down = (event: KeyboardEvent) => (event.shiftKey ? useQueue.getState().extendChecked(1) : useQueue.getState().moveSelection(1));
  const up = (event: KeyboardEvent) => (event.shiftKey ? useQueue.getState().extendChecked(-1) : useQueue.getState().moveSelection(-1));
  const shortcuts: Record<string, (event: KeyboardEvent) => void> = {
    ArrowDown: down,
    ArrowUp: up,
    j: () => useQueue.getState().moveSelection(1),
    k: () => useQueue.getState().moveSelection(-1),
    Enter: openSelected,
    '/': () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    Escape: () => (hasChecked() ? useQueue.getState().clearChecked() : useQueue.getState().clearSearch()),
    x: () => {
      const id = useQueue.getState().selectedId;
      if (id !== null) useQueue.getState().toggleChecked(id);
    },
    p: () => {
      if (hasChecked()) printRef.current?.print();
    },
    h: () => {
      if (hasChecked()) useBulk.getState().openHold();
    },
    r: () => {
      if (hasChecked()) void releaseChecked();
    },
    i: () => useBulk.getState().openImport(),
  };
  QUEUE_VIEWS.forEach((v, i) => {
    shortcuts[String(i + 1)] = () => useQueue.getState().setView(v);
  });
  useShortcuts(shortcuts);
  useSelectAllKey(() => useQueue.getState().checkAllLoaded());

  return (
    <Stack gap="sm" h="100%" style={{ minHeight: 0 }}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Title order={2} size="h3">
          {searching ? 'Search results' : VIEW_LABELS[view]}
        </Title>
        <Button
          variant="default"
          size="compact-sm"
          onClick={() => useBulk.getState().openImport()}
          rightSection={
            <Kbd size="xs" aria-hidden="true">
              i
            </Kbd>
          }
        >
          Import shipments (CSV)
        </Button>
      </Group>
      <QueueFilters searchRef={searchRef} />
      <SearchSummary />
      <BulkBar printRef={printRef} />
      <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
        <QueueList />
      </Stack>
      <BulkHoldDialog />
      <BulkReportDialog />
      <ImportShipmentsDialog />
    </Stack>
  );
}
