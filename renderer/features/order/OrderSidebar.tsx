import { Anchor, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import type { AddressSnapshot, OrderDetail } from '../../../shared/contract/index.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { humanize } from '../../lib/format.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { EditShippingAddressButton, type EditShippingAddressHandle } from '../addresses/EditShippingAddressButton.js';
import { useOrder } from './store.js';

export function Panel({ title, children, label }: { title: string; children: ReactNode; label?: string }) {
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label={label ?? title}>
      <Title order={3} size="h6" tt="uppercase" c="dimmed" mb={6}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Address({ address }: { address: AddressSnapshot }) {
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal', lineHeight: 1.45 }}>
      {address.name}
      <br />
      {address.street}
      {address.street2 ? (
        <>
          <br />
          {address.street2}
        </>
      ) : null}
      <br />
      {address.city}, {address.state} {address.zip}
      <br />
      {address.country === 'US' ? 'United States' : address.country}
      {address.phone ? (
        <>
          <br />
          {address.phone}
        </>
      ) : null}
    </Text>
  );
}

function MoneyRow({ label, cents, strong, negative }: { label: string; cents: number; strong?: boolean; negative?: boolean }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" fw={strong ? 600 : 400} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : 400} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {negative && cents > 0 ? '−' : ''}
        {formatMoney(cents)}
      </Text>
    </Group>
  );
}

export function OrderSidebar({ order }: { order: OrderDetail }) {
  const m = order.money;
  const editAddress = useRef<EditShippingAddressHandle>(null);
  useShortcuts({ a: () => editAddress.current?.open() });
  return (
    <Stack gap="sm">
      <Panel title="Customer">
        <Text size="sm" fw={500}>
          {order.customer.name}
        </Text>
        <Anchor size="sm" href={`mailto:${order.customer.email}`}>
          {order.customer.email}
        </Anchor>
        {order.customer.phone && <Text size="sm">{order.customer.phone}</Text>}
        {order.customerNote && (
          <Paper bg="yellow.0" p="xs" mt="xs" radius="sm" withBorder>
            <Text size="xs" fw={600} c="yellow.9">
              Customer note
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {order.customerNote}
            </Text>
          </Paper>
        )}
      </Panel>
      <Panel title="Ship to">
        {order.shippingAddress && (
          <div style={{ float: 'right', marginTop: -30 }}>
            <EditShippingAddressButton
              ref={editAddress}
              order={order}
              sendVia={(send) => useOrder.getState().sendOwnChange(send)}
              onSaved={(saved) => useOrder.getState().replaceDetail(saved)}
            />
          </div>
        )}
        {order.shippingAddress ? <Address address={order.shippingAddress} /> : <Text size="sm" c="dimmed">No shipping address: nothing on this order ships.</Text>}
        {order.shippingMethod && (
          <Text size="xs" c="dimmed" mt={4}>
            Method: {order.shippingMethod}
            {order.estimatedDeliveryDate ? ` · expected ${order.estimatedDeliveryDate}` : ''}
          </Text>
        )}
      </Panel>
      <Panel title="Billing address">
        <Address address={order.billingAddress} />
      </Panel>
      <Panel title="Payment">
        <Stack gap={2}>
          {m.scope === 'own_items' && (
            <Text size="xs" c="dimmed" mb={4}>
              Your items&apos; share of an order shared with other stores. Shipping and the payment are the marketplace&apos;s.
            </Text>
          )}
          <MoneyRow label="Subtotal" cents={m.subtotalCents} />
          {m.shippingCents !== null && <MoneyRow label="Shipping" cents={m.shippingCents} />}
          <MoneyRow label="Tax" cents={m.taxCents} />
          <MoneyRow label="Discount" cents={m.discountCents} negative />
          <Divider my={4} />
          <MoneyRow label={m.scope === 'own_items' ? 'Your total' : 'Total'} cents={m.totalCents} strong />
          {m.capturedCents !== null && <MoneyRow label="Captured" cents={m.capturedCents} />}
          {m.refundedCents !== null && <MoneyRow label="Refunded" cents={m.refundedCents} />}
          <Text size="xs" c="dimmed" mt={4}>
            Payment status: {order.paymentStatus === 'pending' ? 'unpaid' : humanize(order.paymentStatus).toLowerCase()}
          </Text>
        </Stack>
      </Panel>
    </Stack>
  );
}
