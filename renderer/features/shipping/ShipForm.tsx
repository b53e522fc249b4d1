import { Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OrderItemView } from '../../../shared/contract/index.js';
import { remainingToShip } from '../../../shared/domain/fulfillment.js';
import { NotifyCustomerCheckbox } from '../../components/NotifyCustomerCheckbox.js';
import type { FieldErrors, ShipDraft, TrackingDraft } from './ship-draft.js';

/** The words and parts that differ between the order page's dialog and the packing station. */
export interface ShipFormLayout {
  /** The dialog shows a header row and a "Left to ship" column; the station a denser table. */
  variant: 'dialog' | 'station';
  itemsTitle: string;
  itemsHint?: ReactNode;
  quantityLabel(item: OrderItemView): string;
  /** Under an item's title: its SKU, or how many of its units are verified. */
  itemDetail(item: OrderItemView): ReactNode;
  trackingUrlLabel: string;
  notifyLabel?: ReactNode;
  notifyDescription?: string;
  /** Given to the first quantity field, for the station's shortcut to it. */
  firstQuantityId?: string;
}

export interface ShipFormProps {
  layout: ShipFormLayout;
  items: readonly OrderItemView[];
  draft: ShipDraft;
  quantities: Readonly<Record<number, number>>;
  errors?: FieldErrors;
  /** Above the tracking field: the dialog's refusal, the station's heading. */
  header?: ReactNode;
  /** The screen's own tracking input: a carrier list and a number, or one field that detects the carrier. */
  tracking: ReactNode;
  /** Between the parcel and the email option: how the screen takes a reason for unverified units. */
  override?: ReactNode;
  /** The refusal (station) and the buttons. */
  footer: ReactNode;
  onTracking(patch: Partial<TrackingDraft>): void;
  onQuantity(itemId: number, quantity: number): void;
  onNotify(notify: boolean): void;
}

/** The ship form of both screens: tracking, the other carrier's name and link, the parcel, the override and the email option. */
export function ShipForm({ layout, items, draft, quantities, errors = {}, header, tracking, override, footer, onTracking, onQuantity, onNotify }: ShipFormProps) {
  const dialog = layout.variant === 'dialog';
  return (
    <Stack gap="sm">
      {header}
      {tracking}
      {draft.tracking.other && (
        <Group grow align="flex-start">
          <TextInput
            label="Carrier name"
            value={draft.tracking.carrierName}
            onChange={(event) => onTracking({ carrierName: event.currentTarget.value })}
            error={errors.carrierName}
          />
          <TextInput
            label={layout.trackingUrlLabel}
            placeholder="https://"
            value={draft.tracking.trackingUrl}
            onChange={(event) => onTracking({ trackingUrl: event.currentTarget.value })}
            error={errors.trackingUrl}
          />
        </Group>
      )}
      <div>
        <Text size="sm" fw={500} mb={layout.itemsHint ? 0 : 4}>
          {layout.itemsTitle}
        </Text>
        {layout.itemsHint && (
          <Text size="xs" c="dimmed" mb={4}>
            {layout.itemsHint}
          </Text>
        )}
        <Table withTableBorder verticalSpacing={dialog ? 4 : 2} fz="sm">
          {dialog && (
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th ta="right">Left to ship</Table.Th>
                <Table.Th w={110}>Ship now</Table.Th>
              </Table.Tr>
            </Table.Thead>
          )}
          <Table.Tbody>
            {items.map((item, index) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm" lineClamp={dialog ? undefined : 1}>
                    {item.title}
                  </Text>
                  {layout.itemDetail(item)}
                </Table.Td>
                {dialog && <Table.Td ta="right">{remainingToShip(item)}</Table.Td>}
                <Table.Td w={dialog ? undefined : 92}>
                  <NumberInput
                    id={index === 0 ? layout.firstQuantityId : undefined}
                    aria-label={layout.quantityLabel(item)}
                    size="xs"
                    min={0}
                    max={remainingToShip(item)}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="strict"
                    value={quantities[item.id] ?? 0}
                    onChange={(value) => onQuantity(item.id, typeof value === 'number' ? value : 0)}
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
      {override}
      <NotifyCustomerCheckbox label={layout.notifyLabel} description={layout.notifyDescription} checked={draft.notifyCustomer} onChange={onNotify} />
      {footer}
    </Stack>
  );
}
