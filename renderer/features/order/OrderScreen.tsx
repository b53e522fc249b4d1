import { Alert, Button, Center, Grid, Group, Kbd, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { usePacking } from '../packing/store.js';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { on } from '../../api/client.js';
import { StatusBadges } from '../../components/StatusBadges.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { OrderRejections } from '../sync/OrderRejections.js';
import { useShowsUnsynced } from '../sync/store.js';
import { UnsyncedBadge } from '../sync/UnsyncedBadge.js';
import { ItemsTable } from './ItemsTable.js';
import { OrderActions } from './OrderActions.js';
import { OrderSidebar, Panel } from './OrderSidebar.js';
import { DeliverModal } from './DeliverModal.js';
import { ShipModal } from './ShipModal.js';
import { Shipments } from './Shipments.js';
import { useOrder } from './store.js';
import { HoldModal, NoteModal } from './TextActionModal.js';
import { Timeline } from './Timeline.js';

export function OrderScreen({ orderId }: { orderId: number }) {
  const detail = useOrder((s) => (s.detail?.id === orderId ? s.detail : null));
  const status = useOrder((s) => s.status);
  const error = useOrder((s) => s.error);
  const back = useRoute((s) => s.backToQueue);

  useEffect(() => {
    void useOrder.getState().load(orderId);
    return on('orders.changed', ({ orderIds }) => {
      if (orderIds.includes(orderId)) void useOrder.getState().changed();
    });
  }, [orderId]);

  useShortcuts({ Escape: back, Backspace: back });

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" onClick={back} leftSection={<span aria-hidden="true">←</span>}>
          Back to queue
        </Button>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Esc</Kbd>
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          color="teal"
          ml="auto"
          onClick={() => {
            void usePacking.getState().openOrder(orderId);
            useRoute.getState().openPacking();
          }}
          rightSection={<Kbd size="xs">F2</Kbd>}
        >
          Pack at the station
        </Button>
      </Group>
      {detail ? (
        <OrderView order={detail} />
      ) : status === 'error' ? (
        <Alert color="red" title="This order could not be opened">
          {error}{' '}
          <Button size="compact-xs" variant="subtle" onClick={() => void useOrder.getState().load(orderId)}>
            Try again
          </Button>
        </Alert>
      ) : (
        <Center h={200}>
          <Loader size="sm" />
        </Center>
      )}
    </Stack>
  );
}

function OrderView({ order }: { order: OrderDetail }) {
  const showsUnsynced = useShowsUnsynced();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Group gap="sm" align="center">
            <Title order={2} size="h3">
              Order {order.number}
            </Title>
            <StatusBadges order={order} size="sm" withOrderStatus />
            {showsUnsynced && order.unsynced && <UnsyncedBadge size="sm" />}
          </Group>
          <Text size="sm" c="dimmed">
            Placed {formatRelative(order.placedAt)} ({formatDateTime(order.placedAt)}) by {order.customer.name}
          </Text>
        </div>
        <OrderActions order={order} />
      </Group>

      <OrderRejections orderId={order.id} />
      {order.claim && (
        <Alert
          color={order.claim.mine ? 'blue' : 'orange'}
          variant="light"
          py="xs"
          data-testid="claim-banner"
          title={
            order.claim.mine
              ? `Being packed here, at ${order.claim.stationName}`
              : `Being packed at ${order.claim.stationName} by ${order.claim.userName}`
          }
        >
          <Text size="sm">
            Since {formatRelative(order.claim.claimedAt)}.
            {order.claim.mine ? '' : ' Check with them before packing or shipping it here.'}
          </Text>
        </Alert>
      )}
      {order.onHold && (
        <Alert color="red" variant="light" title="On hold: release the hold before packing or shipping." role="alert" py="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <Text span size="sm" fw={600}>
              Reason:
            </Text>{' '}
            {order.holdReason ?? 'No reason was given.'}
          </Text>
        </Alert>
      )}
      {order.status === 'cancelled' && (
        <Alert color="gray" title="Cancelled">
          {order.cancellationReason ?? 'No reason was recorded.'}
        </Alert>
      )}

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Panel title="Items">
              <ItemsTable order={order} />
            </Panel>
            <Panel title="Shipments">
              <Shipments order={order} />
            </Panel>
            <Panel title="Timeline" label="Order history">
              <Timeline order={order} />
            </Panel>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <OrderSidebar order={order} />
        </Grid.Col>
      </Grid>

      <ShipModal order={order} />
      <HoldModal order={order} />
      <NoteModal order={order} />
      <DeliverModal order={order} />
    </Stack>
  );
}
