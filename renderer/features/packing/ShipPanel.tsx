import { Alert, Anchor, Badge, Button, Checkbox, Group, Kbd, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { addTicks, checkTrackingDraft, type Ticks, defaultQuantities, packProgress, unverifiedUnits, verifiedUnshipped } from './pack-rules.js';
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
  const unverified = unverifiedUnits(order, ticks, quantities);
  const lines = order.items.filter((item) => remainingToShip(item) > 0);
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

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label="Ship">
      <Stack gap="sm">
        <Title order={3} size="h6" tt="uppercase" c="dimmed">
          Ship
        </Title>
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
        {draft.tracking.other && (
          <Group grow align="flex-start">
            <TextInput
              label="Carrier name"
              value={draft.tracking.carrierName}
              onChange={(event) => pack.setTracking({ carrierName: event.currentTarget.value })}
            />
            <TextInput
              label="Tracking link"
              placeholder="https://"
              value={draft.tracking.trackingUrl}
              onChange={(event) => pack.setTracking({ trackingUrl: event.currentTarget.value })}
            />
          </Group>
        )}

        <div>
          <Text size="sm" fw={500}>
            In this parcel
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            Verified units by default. Lower a quantity to ship part of the order (<Kbd size="xs">Alt</Kbd>+<Kbd size="xs">Q</Kbd>).
          </Text>
          <Table withTableBorder verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {lines.map((item, index) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {verifiedUnshipped(item, ticks)} of {remainingToShip(item)} verified
                    </Text>
                  </Table.Td>
                  <Table.Td w={92}>
                    <NumberInput
                      id={index === 0 ? FIRST_QUANTITY_ID : undefined}
                      aria-label={`Units of ${item.title} in this parcel`}
                      size="xs"
                      min={0}
                      max={remainingToShip(item)}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="strict"
                      value={quantities[item.id] ?? 0}
                      onChange={(value) => pack.setQuantity(item.id, typeof value === 'number' ? value : 0, defaults)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>

        {draft.overrideReason !== null ? (
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
        )}

        <Checkbox
          label={
            <>
              Email the customer <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">E</Kbd>
            </>
          }
          checked={draft.notifyCustomer}
          onChange={(event) => pack.setNotify(event.currentTarget.checked)}
        />
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
      </Stack>
    </Paper>
  );
});
