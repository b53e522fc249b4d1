import { Alert, Button, Group, Modal, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OrderDetail, ShipInput } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { verifiedUnits } from '../../../shared/domain/packing.js';
import { trimInvisible } from '../../../shared/domain/text.js';
import { CARRIERS, CARRIER_LABELS, checkTracking, type Carrier } from '../../../shared/domain/tracking.js';
import { overrideReasonProblem, shippableItems } from './rules.js';
import { useOrder } from './store.js';
import { useShownModal } from './use-shown-modal.js';
import { NotifyCustomerCheckbox } from '../../components/NotifyCustomerCheckbox.js';

// The carrier a station used last is almost always the one it uses next.
let lastCarrier: Carrier = 'ups';

export function ShipModal({ order }: { order: OrderDetail }) {
  const { opened, modal } = useShownModal('ship');
  const close = () => useOrder.getState().closeModal();
  return (
    <Modal opened={opened} onClose={close} title={`Ship order ${order.number}`} size="lg">
      {modal && <ShipForm key={modal.shipmentId} order={order} shipmentId={modal.shipmentId} onDone={close} />}
    </Modal>
  );
}

type Errors = Record<string, string>;

function initialQuantities(order: OrderDetail): Record<number, number> {
  const items = shippableItems(order);
  // A parcel ships from one store: with several, start with the first store's items only.
  const firstStore = items[0]?.storeId;
  return Object.fromEntries(items.map((item) => [item.id, item.storeId === firstStore ? remainingToShip(item) : 0]));
}

function ShipForm({ order, shipmentId, onDone }: { order: OrderDetail; shipmentId: string; onDone: () => void }) {
  const busy = useOrder((s) => s.busy === 'orders.ship');
  const [carrier, setCarrier] = useState<Carrier>(lastCarrier);
  const [trackingNumber, setTrackingNumber] = useState('');
  const [carrierName, setCarrierName] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const [quantities, setQuantities] = useState(() => initialQuantities(order));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState('');

  const items = shippableItems(order);
  const multiStore = new Set(items.map((item) => item.storeId)).size > 1;
  const clearError = (key: string) => setErrors(({ [key]: _gone, ...rest }) => rest);
  // Units in this parcel that nobody scanned or ticked as packed: shipping them needs a reason.
  const unverified = items.reduce((sum, item) => sum + Math.max(0, (quantities[item.id] ?? 0) - verifiedUnits(item)), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const tracking = checkTracking({ carrier, trackingNumber, carrierName, trackingUrl });
    const next: Errors = tracking.ok ? {} : { ...tracking.fields };
    const lines = items.map((item) => ({ itemId: item.id, quantity: quantities[item.id] ?? 0 })).filter((l) => l.quantity > 0);
    if (lines.length === 0) next.items = 'Choose at least one item to ship.';
    const overrideProblem = overrideReasonProblem(overrideReason, unverified);
    if (overrideProblem !== null) next.verificationOverride = overrideProblem;
    if (!tracking.ok || lines.length === 0 || next.verificationOverride) {
      setErrors(next);
      return;
    }
    const everything = !multiStore && items.every((item) => quantities[item.id] === remainingToShip(item));
    const input: ShipInput = {
      orderId: order.id,
      shipmentId,
      carrier,
      trackingNumber: tracking.value.trackingNumber,
      notifyCustomer,
    };
    if (carrier === 'other') {
      input.carrierName = tracking.value.carrierName;
      input.trackingUrl = tracking.value.trackingUrl;
    }
    if (!everything) input.items = lines;
    if (unverified > 0) input.verificationOverride = trimInvisible(overrideReason);
    lastCarrier = carrier;

    const result = await useOrder
      .getState()
      .mutate('orders.ship', input, `Order ${order.number} shipped${notifyCustomer ? '; the customer will be emailed' : ''}.`);
    if (result.ok) {
      onDone();
      return;
    }
    setFormError(result.message);
    const serverErrors: Errors = {};
    for (const [key, message] of Object.entries(result.fields ?? {})) {
      // Line errors come back by position in the items we sent; show them on that item.
      const line = /^(?:items|lines)\.(\d+)\./.exec(key);
      const itemId = line ? input.items?.[Number(line[1])]?.itemId : undefined;
      serverErrors[itemId !== undefined ? `item.${itemId}` : key] = message;
    }
    setErrors(serverErrors);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" title="The order was not shipped">
            {formError}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NativeSelect
            label="Carrier"
            data={CARRIERS.map((c) => ({ value: c, label: CARRIER_LABELS[c] }))}
            value={carrier}
            onChange={(event) => {
              setCarrier(event.currentTarget.value as Carrier);
              clearError('carrier');
            }}
            error={errors.carrier}
          />
          <TextInput
            label="Tracking number"
            value={trackingNumber}
            onChange={(event) => {
              setTrackingNumber(event.currentTarget.value);
              clearError('trackingNumber');
            }}
            error={errors.trackingNumber}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
        </Group>
        {carrier === 'other' && (
          <Group grow align="flex-start">
            <TextInput
              label="Carrier name"
              value={carrierName}
              onChange={(event) => {
                setCarrierName(event.currentTarget.value);
                clearError('carrierName');
              }}
              error={errors.carrierName}
            />
            <TextInput
              label="Tracking URL"
              placeholder="https://"
              value={trackingUrl}
              onChange={(event) => {
                setTrackingUrl(event.currentTarget.value);
                clearError('trackingUrl');
              }}
              error={errors.trackingUrl}
            />
          </Group>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            Items in this parcel
          </Text>
          {multiStore && (
            <Text size="xs" c="dimmed" mb={4}>
              A parcel ships from one store. This order has items from several stores, so set the quantities for this parcel.
            </Text>
          )}
          <Table withTableBorder verticalSpacing={4} fz="sm">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th ta="right">Left to ship</Table.Th>
                <Table.Th w={110}>Ship now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    {item.title}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {item.sku}
                      {multiStore ? ` · ${item.storeName}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{remainingToShip(item)}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Quantity of ${item.title} to ship`}
                      size="xs"
                      min={0}
                      max={remainingToShip(item)}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="strict"
                      value={quantities[item.id] ?? 0}
                      onChange={(value) => {
                        setQuantities((q) => ({ ...q, [item.id]: typeof value === 'number' ? value : 0 }));
                        clearError('items');
                        clearError(`item.${item.id}`);
                      }}
                      error={errors[`item.${item.id}`]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {errors.items && (
            <Text size="xs" c="red" mt={4} role="alert">
              {errors.items}
            </Text>
          )}
        </div>
        {unverified > 0 && (
          <TextInput
            label={`${unverified} ${unverified === 1 ? 'unit was' : 'units were'} not verified: why ship anyway?`}
            description="Scan items at the packing station (F2) to verify them. The reason goes on the timeline."
            value={overrideReason}
            onChange={(event) => {
              setOverrideReason(event.currentTarget.value);
              clearError('verificationOverride');
            }}
            error={errors.verificationOverride}
            maxLength={500}
            autoComplete="off"
          />
        )}
        <NotifyCustomerCheckbox description="Sends the shipping confirmation with the tracking link." checked={notifyCustomer} onChange={setNotifyCustomer} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Ship order
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
