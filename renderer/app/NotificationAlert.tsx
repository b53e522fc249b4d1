import { Alert, Button, Group, Text } from '@mantine/core';
import { useNotifications } from '../features/notifications/store.js';
import { useNotificationSummary } from '../features/notifications/summary-store.js';
import { useRoute } from '../stores/route.js';

/** Shown across the app once failures reach the alert threshold, until they are retried. */
export function NotificationAlert() {
  const summary = useNotificationSummary((s) => s.summary);
  const onScreen = useRoute((s) => s.route.screen === 'notifications');
  if (!summary?.alert) return null;
  const review = () => {
    useRoute.getState().openNotifications();
    useNotifications.getState().setTab('failed');
  };
  return (
    <Alert color="red" variant="filled" py={6} mb="sm" role="alert" data-testid="notification-alert" style={{ flexShrink: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={600}>
          {summary.failed === 1 ? '1 customer notification failed' : `${summary.failed} customer notifications failed`}: customers may not know what happened to their orders.
        </Text>
        {!onScreen && (
          <Button size="compact-sm" variant="white" color="red" onClick={review}>
            Review
          </Button>
        )}
      </Group>
    </Alert>
  );
}
