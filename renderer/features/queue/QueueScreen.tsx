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

const CLAIMS_REFRESH_MS = 20_000;

const hasChecked = () => useQueue.getState().checked.ids.size > 0;

export function QueueScreen() {
  const searchRef = useRef<HTMLInputElement>(null);
  const printRef = useRef<PrintSlipsHandle>(null);
  const view = useQueue((s) => s.view);
  const searching = useQueue((s) => s.search !== '');

  useEffect(() => {
    // Coming back from an order: the list may have moved on (packed, shipped), so refetch it.
    void useQueue.getState().refresh();
    const unsubscribe = on('orders.changed', () => void useQueue.getState().refresh());
    // Claims come and go without orders.changed (a station claims on every open, and claims
    // expire), so the "Packing: …" badges are kept fresh by a quiet refetch now and then.
    const timer = window.setInterval(() => {
      // Past what one refetch reloads, a refresh would cut the list under someone scrolling it.
      const { rows } = useQueue.getState();
      if (document.visibilityState === 'visible' && rows.length <= MAX_REFRESH) void useQueue.getState().refresh();
    }, CLAIMS_REFRESH_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, []);

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
