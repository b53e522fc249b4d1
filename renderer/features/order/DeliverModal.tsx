import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { useOrder } from './store.js';
import { useShownModal } from './use-shown-modal.js';
import { NotifyCustomerCheckbox } from '../../components/NotifyCustomerCheckbox.js';

/** Records delivery by hand (no carrier feed yet), and whether the customer hears about it. */
export function DeliverModal({ order }: { order: OrderDetail }) {
  const { opened, modal } = useShownModal('deliver');
  const close = () => useOrder.getState().closeModal();
  return (
    <Modal opened={opened} onClose={close} title={`Mark order ${order.number} delivered`}>
      {modal && <DeliverForm key={modal.seq} order={order} onDone={close} />}
    </Modal>
  );
}

function DeliverForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const busy = useOrder((s) => s.busy === 'orders.markDelivered');
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const parcels = order.shipments.filter((shipment) => shipment.deliveredAt === null).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const result = await useOrder
      .getState()
      .mutate('orders.markDelivered', { orderId: order.id, notifyCustomer }, `Order ${order.number} marked delivered.`);
    if (result.ok) onDone();
    else setError(result.message);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" title="Not marked delivered">
            {error}
          </Alert>
        )}
        <Text size="sm">
          {parcels === 1 ? 'The parcel' : `All ${parcels} parcels`} not yet delivered will be marked delivered now.
        </Text>
        <NotifyCustomerCheckbox description="Tells them the order has arrived." checked={notifyCustomer} onChange={setNotifyCustomer} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-autofocus>
            Mark delivered
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
