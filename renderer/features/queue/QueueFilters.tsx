import { Button, Group, Kbd, NativeSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import type { Ref, KeyboardEvent } from 'react';
import { useSession } from '../../stores/session.js';
import { useRoute } from '../../stores/route.js';
import { plural } from '../../lib/format.js';
import { selectedIndexOf, useQueue, type SortOrder } from './store.js';
import { AGE_OPTIONS } from './views.js';

const ALL = 'all';

export function QueueFilters({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const stores = useSession((s) => s.stores);
  const storeId = useQueue((s) => s.storeId);
  const minAgeDays = useQueue((s) => s.minAgeDays);
  const sort = useQueue((s) => s.sort);
  const searchText = useQueue((s) => s.searchText);
  const searching = useQueue((s) => s.search !== '');

  const storeOptions = [
    { value: ALL, label: 'All stores' },
    ...stores.map((store) => ({ value: String(store.id), label: store.name })),
  ];
  const ageOptions = AGE_OPTIONS.map((days) => ({
    value: String(days),
    label: days === 0 ? 'Any age' : plural(days, 'day'),
  }));

  // The search box drives the list too: arrows move the selection, Enter opens it.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const queue = useQueue.getState();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      queue.moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = queue.rows[selectedIndexOf(queue)];
      if (row) useRoute.getState().openOrder(row.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (queue.searchText !== '') queue.clearSearch();
      else event.currentTarget.blur();
    }
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        aria-label="Search orders"
        placeholder="Search number, customer, email, SKU…"
        value={searchText}
        onChange={(event) => useQueue.getState().setSearchText(event.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        w={320}
        size="sm"
        rightSectionPointerEvents="none"
        rightSectionWidth={searchText ? 44 : 32}
        rightSection={
          // The one "Clear search" button is in the results line; here just the key hints.
          <Kbd size="xs" aria-hidden="true">
            {searchText ? 'Esc' : '/'}
          </Kbd>
        }
      />
      {/* Native selects: instant to drive from the keyboard, and one labelled control each. */}
      <NativeSelect
        label="Store"
        size="sm"
        w={240}
        data={storeOptions}
        value={storeId === null ? ALL : String(storeId)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          useQueue.getState().setStoreId(value !== ALL ? Number(value) : null);
        }}
      />
      <NativeSelect
        label="Older than"
        size="sm"
        w={130}
        data={ageOptions}
        value={String(minAgeDays)}
        onChange={(event) => useQueue.getState().setMinAgeDays(Number(event.currentTarget.value))}
        disabled={searching}
        title={searching ? 'Search looks at orders of every age.' : undefined}
      />
      <div>
        <Text component="span" size="sm" fw={500} display="block" mb={2} id="queue-sort-label">
          Sort
        </Text>
        <SegmentedControl
          size="sm"
          aria-labelledby="queue-sort-label"
          value={sort}
          onChange={(value) => useQueue.getState().setSort(value as SortOrder)}
          data={[
            { value: 'oldest', label: 'Oldest first' },
            { value: 'newest', label: 'Newest first' },
          ]}
        />
      </div>
    </Group>
  );
}

/** "N results for …" with a way out, shown only while searching. */
export function SearchSummary() {
  const search = useQueue((s) => s.search);
  const count = useQueue((s) => s.rows.length);
  const more = useQueue((s) => s.nextCursor !== null);
  const status = useQueue((s) => s.status);
  if (search === '') return null;
  return (
    <Group gap="xs" role="status">
      <Text size="sm">
        {status === 'loading' ? 'Searching…' : `${more ? `${count}+` : count} ${count === 1 && !more ? 'result' : 'results'}`}{' '}
        for “{search}” in all tabs
      </Text>
      <Button size="compact-xs" variant="subtle" onClick={() => useQueue.getState().clearSearch()}>
        Clear search
      </Button>
    </Group>
  );
}
