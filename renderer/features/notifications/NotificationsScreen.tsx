import { Alert, Anchor, Badge, Button, Center, Checkbox, Grid, Group, Kbd, Loader, ScrollArea, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { NotificationRow } from '../../../shared/contract/index.js';
import { formatDateTime, formatRelative, plural } from '../../lib/format.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { useSession } from '../../stores/session.js';
import { kindLabel, senderLine, STATUS_COLORS, STATUS_LABELS, tabCount, tabLabel, tabOrder, type NotificationTab } from './labels.js';
import { PreviewPanel } from './PreviewPanel.js';
import { onNotificationEvents, useNotificationSummary } from './summary-store.js';
import { useNotifications } from './store.js';
import classes from './notifications.module.css';

const highlighted = (): NotificationRow | undefined => {
  const s = useNotifications.getState();
  return s.rows.find((row) => row.id === s.highlightedId);
};

const openHighlightedOrder = () => {
  const row = highlighted();
  if (row?.orderId != null) useRoute.getState().openOrder(row.orderId);
};

/** r: the ticked rows, or else the highlighted one. */
const retryTickedOrHighlighted = () => {
  const s = useNotifications.getState();
  const ids = s.checked.size > 0 ? [...s.checked] : s.highlightedId !== null ? [s.highlightedId] : [];
  void s.retry(ids);
};

function SenderStatus() {
  const summary = useNotificationSummary((s) => s.summary);
  const isAdmin = useSession((s) => s.session?.user.role === 'admin');
  if (summary === null) return null;
  const line = senderLine(summary.sender);
  const color = line.tone === 'ok' ? 'teal' : line.tone === 'warn' ? 'orange' : 'gray';
  return (
    <Alert color={color} variant="light" py={6} data-testid="sender-status">
      <Text size="sm">
        {line.text}{' '}
        {line.tone !== 'ok' && summary.sender !== null && isAdmin && (
          <Anchor component="button" type="button" size="sm" onClick={() => useRoute.getState().openSettings()}>
            Open notification settings
          </Anchor>
        )}
      </Text>
    </Alert>
  );
}

/** Under the status badge: tries, and when the row was sent, failed or will be tried next. */
function statusDetail(row: NotificationRow, now: number): { text: string; title: string } {
  const tries = row.attempts === 1 ? '1 try' : `${row.attempts} tries`;
  if (row.status === 'queued' && row.nextAttemptAt !== null) {
    const next = row.nextAttemptAt <= now ? 'next try now' : `next try ${formatRelative(row.nextAttemptAt, now)}`;
    return { text: row.attempts > 0 ? `${tries} · ${next}` : next, title: `Next try: ${formatDateTime(row.nextAttemptAt)}` };
  }
  const at = row.sentAt ?? row.updatedAt ?? row.createdAt;
  const when = formatRelative(at, now);
  return { text: row.status === 'suppressed' ? when : `${tries} · ${when}`, title: formatDateTime(at) };
}

function RowView({ row, selected, checked }: { row: NotificationRow; selected: boolean; checked: boolean }) {
  const detail = statusDetail(row, Date.now());
  const what = `${kindLabel(row.kind).toLowerCase()} ${row.channel === 'sms' ? 'text' : 'email'}`;
  return (
    <Table.Tr
      className={classes.row}
      aria-selected={selected}
      data-testid="notification-row"
      data-status={row.status}
      data-id={row.id}
      onClick={() => useNotifications.getState().highlight(row.id)}
    >
      <Table.Td onClick={(event) => event.stopPropagation()} w={32}>
        <Checkbox
          size="xs"
          checked={checked}
          disabled={row.status !== 'failed'}
          onChange={() => useNotifications.getState().toggleChecked(row.id)}
          aria-label={`Select the ${what} to ${row.recipient}${row.orderNumber ? ` (order ${row.orderNumber})` : ''}`}
          title={row.status === 'failed' ? undefined : 'Only failed notifications can be retried.'}
        />
      </Table.Td>
      <Table.Td miw={200}>
        <Text size="sm" fw={600}>
          {kindLabel(row.kind)}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            {row.channel === 'sms' ? 'text' : 'email'}
          </Text>
        </Text>
        {row.subject && (
          <Text size="xs" c="dimmed" lineClamp={1} title={row.subject}>
            {row.subject}
          </Text>
        )}
        {row.lastError !== null && (
          <Text size="xs" className={classes.reason} data-testid="failure-reason">
            {row.lastError}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.orderId !== null ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            style={{ whiteSpace: 'nowrap' }}
            onClick={(event) => {
              event.stopPropagation();
              useRoute.getState().openOrder(row.orderId!);
            }}
          >
            {row.orderNumber ?? `Order ${row.orderId}`}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={140} style={{ overflowWrap: 'anywhere' }}>
        <Text size="sm">{row.recipient}</Text>
      </Table.Td>
      <Table.Td miw={120}>
        <Badge color={STATUS_COLORS[row.status]} variant="light" size="sm" style={{ overflow: 'visible' }}>
          {STATUS_LABELS[row.status]}
        </Badge>
        <Text size="xs" c="dimmed" mt={2} title={detail.title}>
          {detail.text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Toolbar() {
  const checked = useNotifications((s) => s.checked.size);
  const retrying = useNotifications((s) => s.retrying);
  const failed = useNotifications((s) => s.counts?.failed ?? 0);
  return (
    <Group gap="xs">
      <Button
        size="compact-sm"
        disabled={checked === 0}
        loading={retrying}
        onClick={() => void useNotifications.getState().retry([...useNotifications.getState().checked])}
        rightSection={<Kbd size="xs">r</Kbd>}
      >
        {checked > 0 ? `Retry ${checked} selected` : 'Retry selected'}
      </Button>
      {failed > 0 && (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          loading={retrying}
          onClick={() => void useNotifications.getState().retryAllFailed()}
          rightSection={<Kbd size="xs">Shift+R</Kbd>}
        >
          Retry all failed ({failed})
        </Button>
      )}
    </Group>
  );
}

function Refusals() {
  const refused = useNotifications((s) => s.refused);
  if (refused.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={`${plural(refused.length, 'notification')} not retried`} data-testid="retry-refused" withCloseButton onClose={() => useNotifications.setState({ refused: [] })}>
      <Stack gap={2}>
        {refused.slice(0, 20).map((r) => (
          <Text key={r.id} size="sm">
            #{r.id}: {r.message}
          </Text>
        ))}
        {refused.length > 20 && <Text size="sm">…and {refused.length - 20} more.</Text>}
      </Stack>
    </Alert>
  );
}

/** What was sent, what is queued and what failed (with the reason), with retry and a preview of each message. */
export function NotificationsScreen() {
  const tab = useNotifications((s) => s.tab);
  const rows = useNotifications((s) => s.rows);
  const counts = useNotifications((s) => s.counts);
  const status = useNotifications((s) => s.status);
  const error = useNotifications((s) => s.error);
  const highlightedId = useNotifications((s) => s.highlightedId);
  const checked = useNotifications((s) => s.checked);
  const preview = useNotifications((s) => s.preview);
  const nextCursor = useNotifications((s) => s.nextCursor);
  const loadingMore = useNotifications((s) => s.loadingMore);

  useEffect(() => {
    const s = useNotifications.getState();
    const summary = useNotificationSummary.getState().summary;
    // Arriving with failures and no tab chosen yet: the failures are the work, show them first.
    if (!s.tabChosen && (summary?.failed ?? 0) > 0) s.setTab('failed', false);
    else void s.reload();
    // Opened before the app's first summary came back (F3 right after the desk opens): the same
    // rule applies once it comes, unless a tab was chosen meanwhile.
    const stopWaiting =
      summary !== null
        ? () => {}
        : useNotificationSummary.subscribe((state) => {
            if (state.summary === null) return;
            stopWaiting();
            const now = useNotifications.getState();
            if (!now.tabChosen && state.summary.failed > 0 && now.tab !== 'failed') now.setTab('failed', false);
          });
    const stopListening = onNotificationEvents(() => void useNotifications.getState().refresh());
    return () => {
      stopWaiting();
      stopListening();
    };
  }, []);

  const move = (delta: number) => () => useNotifications.getState().move(delta);
  useShortcuts({
    ArrowDown: move(1),
    j: move(1),
    ArrowUp: move(-1),
    k: move(-1),
    x: () => {
      const row = highlighted();
      if (row?.status === 'failed') useNotifications.getState().toggleChecked(row.id);
    },
    r: retryTickedOrHighlighted,
    R: () => void useNotifications.getState().retryAllFailed(),
    o: openHighlightedOrder,
    Enter: openHighlightedOrder,
    Escape: () => useRoute.getState().backToQueue(),
  });

  // Scroll the highlighted row into view as the keys move it.
  useEffect(() => {
    if (highlightedId === null) return;
    document.querySelector(`[data-testid="notification-row"][data-id="${highlightedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [highlightedId]);

  const highlightedRow = rows.find((row) => row.id === highlightedId) ?? null;
  const failedRows = rows.filter((row) => row.status === 'failed').map((row) => row.id);
  const allFailedChecked = failedRows.length > 0 && failedRows.every((id) => checked.has(id));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          Notifications
        </Title>
        <Toolbar />
      </Group>
      <SenderStatus />
      <Tabs
        value={tab}
        onChange={(value) => value !== null && useNotifications.getState().setTab(value as NotificationTab)}
        activateTabWithKeyboard={false}
      >
        <Tabs.List aria-label="Notification status">
          {tabOrder(counts).map((t) => {
            const n = tabCount(t, counts);
            return (
              <Tabs.Tab
                key={t}
                value={t}
                data-testid={`tab-${t}`}
                rightSection={
                  n === null ? null : (
                    <Badge size="xs" variant={t === 'failed' && n > 0 ? 'filled' : 'light'} color={t === 'failed' && n > 0 ? 'red' : 'gray'}>
                      {n}
                    </Badge>
                  )
                }
              >
                {tabLabel(t)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <Refusals />
      {status === 'error' ? (
        <Alert color="red" title="Notifications could not be loaded">
          {error}{' '}
          <Button size="compact-xs" variant="subtle" onClick={() => void useNotifications.getState().reload()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {status !== 'ready' && rows.length === 0 ? (
              <Center h={160}>
                <Loader size="sm" />
              </Center>
            ) : rows.length === 0 ? (
              <Text size="sm" c="dimmed" p="md" data-testid="notifications-empty">
                {tab === 'all' ? 'No customer has been notified of anything yet.' : `No ${tabLabel(tab).toLowerCase()} notifications.`}
              </Text>
            ) : (
              <ScrollArea type="auto">
                <Table fz="sm" verticalSpacing={6} highlightOnHover aria-label="Notifications" data-testid="notifications-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={32}>
                        <Checkbox
                          size="xs"
                          aria-label="Select every failed notification shown"
                          disabled={failedRows.length === 0}
                          checked={allFailedChecked}
                          indeterminate={!allFailedChecked && failedRows.some((id) => checked.has(id))}
                          onChange={() => useNotifications.getState().setChecked(allFailedChecked ? [] : failedRows)}
                        />
                      </Table.Th>
                      <Table.Th>Message</Table.Th>
                      <Table.Th>Order</Table.Th>
                      <Table.Th>To</Table.Th>
                      <Table.Th>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <RowView key={row.id} row={row} selected={row.id === highlightedId} checked={checked.has(row.id)} />
                    ))}
                  </Table.Tbody>
                </Table>
                {nextCursor !== null && (
                  <Center py="xs">
                    <Button size="compact-sm" variant="subtle" loading={loadingMore} onClick={() => void useNotifications.getState().loadMore()}>
                      Show older notifications
                    </Button>
                  </Center>
                )}
              </ScrollArea>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <PreviewPanel row={highlightedRow} preview={preview} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
