import { Alert, Anchor, Badge, Button, Checkbox, Group, Kbd, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { ShipForm, type ShipFormLayout } from '../shipping/ShipForm.js';
import { checkTrackingDraft, shippableItems } from '../shipping/ship-draft.js';
import { addTicks, type Ticks, defaultQuantities, packProgress, unverifiedInParcel, verifiedUnshipped } from './pack-rules.js';
import { afterPaint } from './after-paint.js';
import { usePacking } from './store.js';

export const TRACKING_FIELD_ID = 'pack-tracking';
export const SHIP_BUTTON_ID = 'pack-ship';
export const FIRST_QUANTITY_ID = 'pack-qty-first';

function TrackingResult() {
  const draft = usePacking((s) => s.draft.tracking);
  const check = checkTrackingDraft(draft);
  if (check.ok) {
    return (
      <Stack gap={2} data-testid="tracking-detected" data-carrier={check.carrier}>
        <Group gap={6}>
          <Badge color="teal" variant="filled" radius="sm">
            {check.carrierLabel}
          </Badge>
          {check.serviceName && check.serviceName !== check.carrierLabel && <Text size="sm">{check.serviceName}</Text>}
        </Group>
        <Anchor href={check.trackingUrl} target="_blank" rel="noreferrer noopener" size="xs" style={{ overflowWrap: 'anywhere' }}>
          {check.trackingUrl}
        </Anchor>
      </Stack>
    );
  }
  return (
    <Text size="sm" c={check.empty ? 'dimmed' : 'red.8'} data-testid="tracking-reason">
      {check.reason}
    </Text>
  );
}

/**
 * Tracking (detected live), parcel contents, override, email option and the Ship button.
 * It follows a scan's ticks once the frame that paints the tick is out: the tick itself must
 * paint in the frame after the scan, and this panel is the heaviest part of the screen. A new
 * order (a save's answer) shows at once, with the ticks that go with it.
 */
export function ShipPanel({ order }: { order: OrderDetail }) {
  const ticks = useSameTicks(usePacking((s) => s.pending), usePacking((s) => s.inflight));
  const shown = useAfterPaint(useMemo(() => ({ order, ticks }), [order, ticks]), (next, now) => next.order !== now.order);
  return <ShipPanelBody order={shown.order} ticks={shown.ticks} />;
}

/** pending + inflight, the same object while the sum is the same (a save moving ticks changes nothing here). */
function useSameTicks(pending: Ticks, inflight: Ticks): Ticks {
  const last = useRef<Ticks>({});
  const sum = addTicks(pending, inflight);
  const keys = Object.keys(sum);
  const same = keys.length === Object.keys(last.current).length && keys.every((id) => last.current[Number(id)] === sum[Number(id)]);
  if (!same) last.current = sum;
  return last.current;
}

/**
 * `value` as of the last frame: a change shows after the frame now being prepared is out, unless
 * `immediate(next, shown)` says it must show at once.
 */
function useAfterPaint<T>(value: T, immediate: (next: T, shown: T) => boolean): T {
  const [shown, setShown] = useState(value);
  const now = shown !== value && immediate(value, shown);
  // Adopted during render: React renders again straight away with it, before anything is committed.
  if (now) setShown(value);
  useEffect(() => {
    if (shown === value) return;
    return afterPaint(() => setShown(value));
  }, [value, shown]);
  return now ? value : shown;
}

const ShipPanelBody = memo(function ShipPanelBody({ order, ticks }: { order: OrderDetail; ticks: Ticks }) {
  const draft = usePacking((s) => s.draft);
  const shipping = usePacking((s) => s.shipping);
  const shipError = usePacking((s) => s.shipError);
  const progress = packProgress(order, ticks);
  const defaults = defaultQuantities(order, ticks, draft.overrideReason !== null);
  const quantities = draft.quantities ?? defaults;
  const unverified = unverifiedInParcel(order, ticks, quantities);
  const tracking = checkTrackingDraft(draft.tracking);
  const pack = usePacking.getState();

  const onTrackingKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // Enter confirms the number and puts the keyboard on Ship; the next Enter ships.
    if (checkTrackingDraft(usePacking.getState().draft.tracking).ok) pack.focusOn('ship');
  };

  if (progress.total === 0) {
    return (
      <Paper withBorder p="sm" radius="sm">
        <Text size="sm" c="dimmed">
          Everything on this order has shipped.
        </Text>
      </Paper>
    );
  }

  const layout: ShipFormLayout = {
    variant: 'station',
    itemsTitle: 'In this parcel',
    itemsHint: (
      <>
        Verified units by default. Lower a quantity to ship part of the order (<Kbd size="xs">Alt</Kbd>+<Kbd size="xs">Q</Kbd>).
      </>
    ),
    quantityLabel: (item) => `Units of ${item.title} in this parcel`,
    itemDetail: (item) => (
      <Text size="xs" c="dimmed">
        {verifiedUnshipped(item, ticks)} of {remainingToShip(item)} verified
      </Text>
    ),
    trackingUrlLabel: 'Tracking link',
    notifyLabel: (
      <>
        Email the customer <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">E</Kbd>
      </>
    ),
    firstQuantityId: FIRST_QUANTITY_ID,
  };

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label="Ship">
      <ShipForm
        layout={layout}
        items={shippableItems(order)}
        draft={draft}
        quantities={quantities}
        header={
          <Title order={3} size="h6" tt="uppercase" c="dimmed">
            Ship
          </Title>
        }
        tracking={
          <>
            <TextInput
              id={TRACKING_FIELD_ID}
              label="Tracking number"
              description="Scan the label, or type the number. F4 puts the cursor here."
              value={draft.tracking.text}
              onChange={(event) => pack.setTracking({ text: event.currentTarget.value })}
              onKeyDown={onTrackingKey}
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="tracking-field"
            />
            <TrackingResult />
            <Checkbox
              label={
                <>
                  Other carrier <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">O</Kbd>
                </>
              }
              checked={draft.tracking.other}
              onChange={(event) => pack.setTracking({ other: event.currentTarget.checked })}
            />
          </>
        }
        override={
          draft.overrideReason !== null ? (
            <Alert color="orange" variant="light" py={6} title="Verification overridden" data-testid="override-note">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {draft.overrideReason}
              </Text>
              <Button size="compact-xs" variant="subtle" color="orange" mt={4} onClick={() => pack.setOverride(null)}>
                Remove override
              </Button>
            </Alert>
          ) : (
            unverified > 0 && (
              <Text size="sm" c="orange.8">
                {unverified} {unverified === 1 ? 'unit is' : 'units are'} not verified. Scan {unverified === 1 ? 'it' : 'them'}, or override with a reason (
                <Kbd size="xs">F9</Kbd>).
              </Text>
            )
          )
        }
        footer={
          <>
            {shipError && (
              <Alert color="red" variant="light" py={6} role="alert" data-testid="ship-error">
                {shipError}
              </Alert>
            )}
            <Group gap="xs" justify="space-between">
              <Button variant="default" onClick={() => pack.setOverrideOpen(true)} rightSection={<Kbd size="xs">F9</Kbd>}>
                Override…
              </Button>
              <Button
                id={SHIP_BUTTON_ID}
                size="md"
                color={tracking.ok && (unverified === 0 || draft.overrideReason !== null) ? 'teal' : 'gray'}
                loading={shipping}
                onClick={() => void pack.ship()}
                rightSection={<Kbd size="xs">F8</Kbd>}
                aria-keyshortcuts="F8"
                data-testid="ship-button"
              >
                Ship
              </Button>
            </Group>
          </>
        }
        onTracking={(patch) => pack.setTracking(patch)}
        onQuantity={(itemId, quantity) => pack.setQuantity(itemId, quantity, defaults)}
        onNotify={(notify) => pack.setNotify(notify)}
      />
    </Paper>
  );
});
