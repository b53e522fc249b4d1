import { Alert, Button, Group, Modal, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OrderDetail, OrderItemView } from '../../../shared/contract/index.js';
import { verifiedUnits } from '../../../shared/domain/packing.js';
import { CARRIERS, CARRIER_LABELS, type Carrier } from '../../../shared/domain/tracking.js';
import { ShipForm, type ShipFormLayout } from '../shipping/ShipForm.js';
import {
  emptyShipDraft,
  fieldErrorsOfAnswer,
  firstStoreQuantities,
  planDialogShipment,
  shippableItems,
  spansStores,
  unverifiedUnits,
  withCarrier,
  type FieldErrors,
  type ShipDraft,
  type TrackingDraft,
} from '../shipping/ship-draft.js';
import { useOrder } from './store.js';
import { useShownModal } from './use-shown-modal.js';

// The carrier a station used last is almost always the one it uses next.
let lastCarrier: Carrier = 'ups';

export function ShipModal({ order }: { order: OrderDetail }) {
  const { opened, modal } = useShownModal('ship');
  const close = () => useOrder.getState().closeModal();
  return (
    <Modal opened={opened} onClose={close} title={`Ship order ${order.number}`} size="lg">
      {modal && <ShipDialog key={modal.shipmentId} order={order} shipmentId={modal.shipmentId} onDone={close} />}
    </Modal>
  );
}

// Units in this parcel that nobody scanned or ticked as packed need a reason to ship.
const verified = (item: OrderItemView) => verifiedUnits(item);

/** Which of the form's fields a change to the tracking draft touches, so its error goes. */
const TRACKING_FIELDS: Record<keyof TrackingDraft, string> = {
  text: 'trackingNumber',
  other: 'carrier',
  carrierName: 'carrierName',
  trackingUrl: 'trackingUrl',
};

function ShipDialog({ order, shipmentId, onDone }: { order: OrderDetail; shipmentId: string; onDone: () => void }) {
  const busy = useOrder((s) => s.busy === 'orders.ship');
  const [draft, setDraft] = useState<ShipDraft>(() => ({ ...emptyShipDraft(lastCarrier), quantities: firstStoreQuantities(order), overrideReason: '' }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const items = shippableItems(order);
  const multiStore = spansStores(items);
  const quantities = draft.quantities ?? {};
  const unverified = unverifiedUnits(items, quantities, verified);
  const clearErrors = (...keys: string[]) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !keys.includes(key))));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const plan = planDialogShipment(order, draft, shipmentId, verified);
    if (!plan.ok) {
      setErrors(plan.errors);
      return;
    }
    lastCarrier = plan.value.carrier;
    const result = await useOrder
      .getState()
      .mutate('orders.ship', plan.value, `Order ${order.number} shipped${draft.notifyCustomer ? '; the customer will be emailed' : ''}.`);
    if (result.ok) {
      onDone();
      return;
    }
    setFormError(result.message);
    setErrors(fieldErrorsOfAnswer(result.fields, plan.value));
  };

  const layout: ShipFormLayout = {
    variant: 'dialog',
    itemsTitle: 'Items in this parcel',
    itemsHint: multiStore
      ? 'A parcel ships from one store. This order has items from several stores, so set the quantities for this parcel.'
      : undefined,
    quantityLabel: (item) => `Quantity of ${item.title} to ship`,
    itemDetail: (item) => (
      <Text size="xs" c="dimmed" ff="monospace">
        {item.sku}
        {multiStore ? ` · ${item.storeName}` : ''}
      </Text>
    ),
    trackingUrlLabel: 'Tracking URL',
    notifyDescription: 'Sends the shipping confirmation with the tracking link.',
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ShipForm
        layout={layout}
        items={items}
        draft={draft}
        quantities={quantities}
        errors={errors}
        header={
          formError && (
            <Alert color="red" variant="light" title="The order was not shipped">
              {formError}
            </Alert>
          )
        }
        tracking={
          <Group grow align="flex-start">
            <NativeSelect
              label="Carrier"
              data={CARRIERS.map((c) => ({ value: c, label: CARRIER_LABELS[c] }))}
              value={draft.carrier ?? undefined}
              onChange={(event) => {
                setDraft(withCarrier(draft, event.currentTarget.value as Carrier));
                clearErrors('carrier');
              }}
              error={errors.carrier}
            />
            <TextInput
              label="Tracking number"
              value={draft.tracking.text}
              onChange={(event) => {
                setDraft({ ...draft, tracking: { ...draft.tracking, text: event.currentTarget.value } });
                clearErrors('trackingNumber');
              }}
              error={errors.trackingNumber}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
            />
          </Group>
        }
        override={
          unverified > 0 && (
            <TextInput
              label={`${unverified} ${unverified === 1 ? 'unit was' : 'units were'} not verified: why ship anyway?`}
              description="Scan items at the packing station (F2) to verify them. The reason goes on the timeline."
              value={draft.overrideReason ?? ''}
              onChange={(event) => {
                setDraft({ ...draft, overrideReason: event.currentTarget.value });
                clearErrors('verificationOverride');
              }}
              error={errors.verificationOverride}
              maxLength={500}
              autoComplete="off"
            />
          )
        }
        footer={
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onDone} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Ship order
            </Button>
          </Group>
        }
        onTracking={(patch) => {
          setDraft((current) => ({ ...current, tracking: { ...current.tracking, ...patch } }));
          clearErrors(...Object.keys(patch).map((key) => TRACKING_FIELDS[key as keyof TrackingDraft]));
        }}
        onQuantity={(itemId, quantity) => {
          setDraft((current) => ({ ...current, quantities: { ...current.quantities, [itemId]: quantity } }));
          clearErrors('items', `item.${itemId}`);
        }}
        onNotify={(notifyCustomer) => setDraft((current) => ({ ...current, notifyCustomer }))}
      />
    </form>
  );
}
