import { Group, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { QUEUE_VIEWS } from '../../../shared/contract/index.js';
import { on } from '../../api/client.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { QueueFilters, SearchSummary } from './QueueFilters.js';
import { QueueList } from './QueueList.js';
import { selectedIndexOf, useQueue } from './store.js';
import { VIEW_LABELS } from './views.js';

const openSelected = () => {
  const queue = useQueue.getState();
  const row = queue.rows[selectedIndexOf(queue)];
  if (row) useRoute.getState().openOrder(row.id);
};

export function QueueScreen() {
  const searchRef = useRef<HTMLInputElement>(null);
  const view = useQueue((s) => s.view);
  const searching = useQueue((s) => s.search !== '');

  useEffect(() => {
    // Coming back from an order: the list may have moved on (packed, shipped), so refetch it.
    void useQueue.getState().refresh();
    return on('orders.changed', () => void useQueue.getState().refresh());
  }, []);

  const down = () => useQueue.getState().moveSelection(1);
  const up = () => useQueue.getState().moveSelection(-1);
  const shortcuts: Record<string, () => void> = {
    ArrowDown: down,
    ArrowUp: up,
    j: down,
    k: up,
    Enter: openSelected,
    '/': () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    Escape: () => useQueue.getState().clearSearch(),
  };
  QUEUE_VIEWS.forEach((v, i) => {
    shortcuts[String(i + 1)] = () => useQueue.getState().setView(v);
  });
  useShortcuts(shortcuts);

  return (
    <Stack gap="sm" h="100%" style={{ minHeight: 0 }}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Title order={2} size="h3">
          {searching ? 'Search results' : VIEW_LABELS[view]}
        </Title>
      </Group>
      <QueueFilters searchRef={searchRef} />
      <SearchSummary />
      <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
        <QueueList />
      </Stack>
    </Stack>
  );
}
