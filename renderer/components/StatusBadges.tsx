import { Badge, Group, Tooltip } from '@mantine/core';
import type { OrderDetail, QueueRow } from '../../shared/contract/index.js';
import { humanize } from '../lib/format.js';

/** What a queue row and an order detail have in common. */
type Statuses = Pick<QueueRow | OrderDetail, 'status' | 'fulfillmentStatus' | 'paymentStatus' | 'onHold' | 'holdReason'>;

const FULFILLMENT_COLOR = { unfulfilled: 'yellow', partially_fulfilled: 'orange', fulfilled: 'teal' } as const;
const PAYMENT_COLOR = {
  pending: 'gray',
  paid: 'green',
  failed: 'red',
  partially_refunded: 'grape',
  refunded: 'grape',
} as const;
const STATUS_COLOR = {
  pending: 'gray',
  processing: 'blue',
  shipped: 'teal',
  delivered: 'green',
  cancelled: 'red',
  returned: 'grape',
} as const;

interface Props {
  order: Statuses;
  size?: 'xs' | 'sm' | 'md';
  /** The queue shows fulfilment/payment/hold; the order page adds the order status. */
  withOrderStatus?: boolean;
}

export function StatusBadges({ order, size = 'xs', withOrderStatus = false }: Props) {
  return (
    <Group gap={4} wrap="nowrap">
      {withOrderStatus && (
        <Badge size={size} variant="filled" color={STATUS_COLOR[order.status]}>
          {humanize(order.status)}
        </Badge>
      )}
      <Badge size={size} variant="light" color={FULFILLMENT_COLOR[order.fulfillmentStatus]}>
        {humanize(order.fulfillmentStatus)}
      </Badge>
      <Badge size={size} variant="light" color={PAYMENT_COLOR[order.paymentStatus]}>
        {order.paymentStatus === 'pending' ? 'Unpaid' : humanize(order.paymentStatus)}
      </Badge>
      {order.onHold && (
        <Tooltip label={order.holdReason ?? 'No reason given'} withArrow disabled={size !== 'xs'}>
          <Badge size={size} variant="filled" color="red">
            On hold
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
