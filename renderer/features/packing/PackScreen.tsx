import { Alert, Anchor, Badge, Grid, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, useEffect } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { on } from '../../api/client.js';
import { isDialogOpen } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { useSession } from '../../stores/session.js';
import { PackItems, PackProgress } from './PackItems.js';
import { ClaimDialog, OverrideDialog } from './PackDialogs.js';
import { SCAN_FIELD_ID, ScanPanel } from './ScanPanel.js';
import { FIRST_QUANTITY_ID, SHIP_BUTTON_ID, ShipPanel, TRACKING_FIELD_ID } from './ShipPanel.js';
import { usePacking, type FocusTarget } from './store.js';

const FIELD_OF: Record<FocusTarget, string> = { scan: SCAN_FIELD_ID, tracking: TRACKING_FIELD_ID, ship: SHIP_BUTTON_ID };
// Claims expire; renewing well inside their lifetime keeps this station's name on the order.
const CLAIM_RENEW_MS = 60_000;

function focusTarget(target: FocusTarget) {
  const element = document.getElementById(FIELD_OF[target]) ?? document.getElementById(SCAN_FIELD_ID);
  element?.focus();
}

/** Station keys that must work while the cursor sits in a field (see shortcuts.ts). */
function onStationKey(event: KeyboardEvent) {
  if (isDialogOpen() || event.defaultPrevented) return;
  if (event.target === document.body && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    // A scan that starts while focus is nowhere (a panel just unmounted) must not lose its first
    // characters: focusing the field during keydown lets this very key land in it.
    focusTarget(usePacking.getState().focus.target);
    return;
  }
  const pack = usePacking.getState();
  const run = (action: () => void) => {
    event.preventDefault();
    action();
  };
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    switch (event.code) {
      case 'KeyO':
        return run(() => {
          if (pack.order) pack.setTracking({ other: !pack.draft.tracking.other });
        });
      case 'KeyQ':
        return run(() => document.getElementById(FIRST_QUANTITY_ID)?.focus());
      case 'KeyE':
        return run(() => pack.setNotify(!pack.draft.notifyCustomer));
      case 'KeyN':
        return run(() => void pack.nextOrder());
      case 'KeyL':
        return run(() => void pack.leave());
    }
    return;
  }
  if (event.ctrlKey || event.metaKey) return;
  switch (event.key) {
    case 'F4':
      return run(() => pack.focusOn('tracking'));
    case 'F8':
      return run(() => void pack.ship());
    case 'F9':
      return run(() => {
        if (pack.order) pack.setOverrideOpen(true);
      });
    case 'Escape':
      if (event.target instanceof HTMLElement && event.target.id !== SCAN_FIELD_ID && event.target.closest('[data-pack-screen]')) {
        return run(() => pack.focusOn('scan'));
      }
  }
}

/**
 * The packing station: a scan field that keeps the keyboard, the order being packed with each
 * item's verified count, and tracking and ship beside it. Works without a mouse.
 */
export function PackScreen() {
  const order = usePacking((s) => s.order);
  const opening = usePacking((s) => s.opening);
  const shipped = usePacking((s) => s.shipped);

  useEffect(() => {
    window.addEventListener('keydown', onStationKey);
    return () => window.removeEventListener('keydown', onStationKey);
  }, []);

  useEffect(() => {
    // Keep the keyboard at the station: whenever focus falls to nothing (a click on blank space,
    // a row that re-rendered away, a closed dialog), put it back where the station expects it.
    const onFocusOut = () => {
      window.setTimeout(() => {
        const active = document.activeElement;
        if (isDialogOpen() || (active !== null && active !== document.body)) return;
        focusTarget(usePacking.getState().focus.target);
      }, 0);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => void usePacking.getState().renewClaim(), CLAIM_RENEW_MS);
    const unsubscribe = on('orders.changed', ({ orderIds }) => {
      const current = usePacking.getState().order;
      if (current && orderIds.includes(current.id)) void usePacking.getState().refresh();
    });
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, []);

  return (
    <Stack gap="sm" data-pack-screen>
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          Packing station
        </Title>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">F8</Kbd> ship · <Kbd size="xs">F9</Kbd> override · <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">N</Kbd> next order ·{' '}
          <Kbd size="xs">?</Kbd> all keys
        </Text>
      </Group>
      <ScanPanel />
      {shipped && (
        <Alert color="teal" variant="light" py="xs" data-testid="shipped-banner" title={shipped.partial ? `Part of order ${shipped.number} shipped` : `Order ${shipped.number} shipped`}>
          {shipped.partial
            ? 'The rest stays here: scan the remaining items for the next parcel.'
            : shipped.next
              ? `Next up: order ${shipped.next}.`
              : 'Nothing else is waiting in To pack.'}
        </Alert>
      )}
      {order ? (
        <PackingOrder order={order} />
      ) : opening ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Opening the order…</Text>
        </Group>
      ) : (
        <Paper withBorder p="lg" radius="sm">
          <Text fw={600}>No order open.</Text>
          <Text size="sm" c="dimmed">
            Scan the barcode on a packing slip, or press <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">N</Kbd> to take the oldest order waiting in To
            pack.
          </Text>
        </Paper>
      )}
      <ClaimDialog />
      <OverrideDialog />
      <FocusKeeper />
    </Stack>
  );
}

/**
 * Puts the keyboard where the store asks, once the commit that asked is in the DOM (the tracking
 * field of an order just opened). Its own component: a focus move must not re-render the screen.
 */
function FocusKeeper() {
  const focus = usePacking((s) => s.focus);
  useEffect(() => {
    const field = document.getElementById(SCAN_FIELD_ID);
    if (focus.unlessScanning && field instanceof HTMLInputElement && document.activeElement === field && field.value !== '') return;
    focusTarget(focus.target);
  }, [focus]);
  return null;
}

function ClaimLine({ order }: { order: OrderDetail }) {
  const station = useSession((s) => s.session?.station.name ?? '');
  if (order.claim === null) return null;
  return order.claim.mine ? (
    <Badge color="blue" variant="light" radius="sm" data-testid="claim-badge">
      Claimed here · {station}
    </Badge>
  ) : (
    <Badge color="orange" variant="filled" radius="sm" data-testid="claim-badge">
      Being packed at {order.claim.stationName} by {order.claim.userName}
    </Badge>
  );
}

// Renders again only for a new order (a save's answer, a refresh): a tick re-renders its own row.
const PackingOrder = memo(function PackingOrder({ order }: { order: OrderDetail }) {
  const address = order.shippingAddress;
  return (
    <Stack gap="sm" data-testid="packing-order" data-order-number={order.number}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Group gap="xs">
            <Title order={2} size="h3">
              Packing order {order.number}
            </Title>
            <ClaimLine order={order} />
            {order.onHold && (
              <Badge color="red" radius="sm">
                On hold
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {order.customer.name}
            {order.shippingMethod ? ` · ${order.shippingMethod}` : ''}
            {' · '}
            <Anchor
              size="sm"
              component="button"
              type="button"
              tabIndex={-1}
              onClick={() => useRoute.getState().openOrder(order.id)}
            >
              Order page
            </Anchor>
          </Text>
        </div>
      </Group>
      {order.onHold && (
        <Alert color="red" variant="light" py="xs" title="On hold: release the hold on the order page before shipping.">
          {order.holdReason}
        </Alert>
      )}
      <PackProgress order={order} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <PackItems order={order} />
            {order.customerNote && (
              <Paper bg="yellow.0" p="xs" radius="sm" withBorder>
                <Text size="xs" fw={600} c="yellow.9">
                  Customer note
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {order.customerNote}
                </Text>
              </Paper>
            )}
            {address && (
              <Paper withBorder p="sm" radius="sm">
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  Ship to
                </Text>
                <Text size="sm">
                  {address.name}, {address.street}
                  {address.street2 ? `, ${address.street2}` : ''}, {address.city}, {address.state} {address.zip}
                </Text>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ShipPanel order={order} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
});
