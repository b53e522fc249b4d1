import { Badge, Group, Kbd, NavLink, Tabs, Text } from '@mantine/core';
import { QUEUE_VIEWS, type QueueView } from '../../shared/contract/index.js';
import { useQueue } from '../features/queue/store.js';
import { VIEW_LABELS } from '../features/queue/views.js';
import { useNotificationSummary } from '../features/notifications/summary-store.js';
import { useRoute } from '../stores/route.js';
import { useSession } from '../stores/session.js';

/** The queue tabs, down the side. Choosing one from an order page goes back to the queue. */
export function QueueNav() {
  const view = useQueue((s) => s.view);
  const searching = useQueue((s) => s.search !== '');
  const onQueue = useRoute((s) => s.route.screen === 'queue');
  const onPack = useRoute((s) => s.route.screen === 'pack');
  const onOtherScreen = useRoute((s) => s.route.screen === 'notifications' || s.route.screen === 'settings');
  return (
    <>
      <NavLink
        component="button"
        label="Packing station"
        description="Scan, verify, ship"
        active={onPack}
        variant="filled"
        color="teal"
        onClick={() => useRoute.getState().openPacking()}
        rightSection={
          <Kbd size="xs" aria-hidden="true">
            F2
          </Kbd>
        }
        aria-keyshortcuts="F2"
        mb="sm"
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        data-testid="nav-packing"
      />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" mb={6}>
        Fulfillment queue
      </Text>
      <Tabs
        orientation="vertical"
        variant="pills"
        value={onPack || onOtherScreen || (searching && onQueue) ? null : view}
        onChange={(value) => {
          if (value === null) return;
          useRoute.getState().backToQueue();
          useQueue.getState().setView(value as QueueView);
          // Hand the keyboard back to the list so ↑/↓ move through orders, not tabs.
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        }}
        activateTabWithKeyboard={false}
        styles={{ tab: { justifyContent: 'flex-start' }, tabLabel: { textAlign: 'left' } }}
        aria-label="Queue tabs"
      >
        <Tabs.List w="100%">
          {QUEUE_VIEWS.map((v, i) => (
            <Tabs.Tab
              key={v}
              value={v}
              onClick={() => useRoute.getState().backToQueue()}
              rightSection={
                <Text size="xs" aria-hidden="true" style={{ opacity: 0.55 }}>
                  {i + 1}
                </Text>
              }
            >
              {VIEW_LABELS[v]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <MessagesNav />
    </>
  );
}

/** Customer notifications, with the failed count, and (for admins) their settings. */
function MessagesNav() {
  const screen = useRoute((s) => s.route.screen);
  const failed = useNotificationSummary((s) => s.summary?.failed ?? 0);
  const isAdmin = useSession((s) => s.session?.user.role === 'admin');
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" mt="md" mb={6}>
        Customer messages
      </Text>
      <NavLink
        component="button"
        label={
          <Group gap={6} component="span" wrap="nowrap">
            Notifications
            {failed > 0 && (
              <Badge size="xs" color="red" variant="filled" aria-label={`${failed} failed`}>
                {failed}
              </Badge>
            )}
          </Group>
        }
        active={screen === 'notifications'}
        onClick={() => useRoute.getState().openNotifications()}
        rightSection={
          <Kbd size="xs" aria-hidden="true">
            F3
          </Kbd>
        }
        aria-keyshortcuts="F3"
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        data-testid="nav-notifications"
      />
      {isAdmin && (
        <NavLink
          component="button"
          label="Notification settings"
          active={screen === 'settings'}
          onClick={() => useRoute.getState().openSettings()}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          data-testid="nav-settings"
        />
      )}
    </>
  );
}
