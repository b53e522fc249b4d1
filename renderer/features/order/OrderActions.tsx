import { Button, Group, Kbd, Tooltip } from '@mantine/core';
import { useRef } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { ResendConfirmationButton } from '../notifications/ResendConfirmationButton.js';
import { PrintSlipsButton, type PrintSlipsHandle } from '../slips/PrintSlipsButton.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { useSession } from '../../stores/session.js';
import { notify } from '../../stores/toasts.js';
import { canAddNote, canMarkDelivered, canMarkPacked, canPlaceHold, canReleaseHold, canShip, type Availability } from './rules.js';
import { useOrder, type MutationName } from './store.js';

interface Action {
  label: string;
  shortcut: string;
  availability: Availability;
  busyWith?: MutationName;
  run(): void;
  variant?: 'filled' | 'light' | 'default';
  color?: string;
}

async function markPacked(order: OrderDetail) {
  const result = await useOrder.getState().mutate('orders.markPacked', { orderId: order.id }, `Order ${order.number} packed.`);
  if (!result.ok) notify.error(result.message, 'Not packed');
}

async function releaseHold(order: OrderDetail) {
  const result = await useOrder.getState().mutate('orders.releaseHold', { orderId: order.id }, `Hold released on order ${order.number}.`);
  if (!result.ok) notify.error(result.message, 'Hold not released');
}

export function useOrderActions(order: OrderDetail): Action[] {
  const role = useSession((s) => s.session?.user.role ?? null);
  const open = useOrder.getState().openModal;
  const shippedAlready = order.status === 'shipped' || order.status === 'delivered';
  return [
    shippedAlready
      ? {
          label: 'Mark delivered',
          shortcut: 'd',
          availability: canMarkDelivered(order, role),
          busyWith: 'orders.markDelivered',
          run: () => open('deliver'),
          variant: 'light',
        }
      : {
          label: 'Mark packed',
          shortcut: 'p',
          availability: canMarkPacked(order, role),
          busyWith: 'orders.markPacked',
          run: () => void markPacked(order),
          variant: 'light',
        },
    { label: 'Ship', shortcut: 's', availability: canShip(order, role), run: () => open('ship'), variant: 'filled' },
    order.onHold
      ? {
          label: 'Release hold',
          shortcut: 'r',
          availability: canReleaseHold(order, role),
          busyWith: 'orders.releaseHold',
          run: () => void releaseHold(order),
          variant: 'light',
          color: 'red',
        }
      : { label: 'Place hold', shortcut: 'h', availability: canPlaceHold(order, role), run: () => open('hold'), variant: 'default' },
    { label: 'Add note', shortcut: 'n', availability: canAddNote(order, role), run: () => open('note'), variant: 'default' },
  ];
}

/** The action buttons, and their single-key shortcuts while the order page is showing. */
export function OrderActions({ order }: { order: OrderDetail }) {
  const busy = useOrder((s) => s.busy);
  const role = useSession((s) => s.session?.user.role ?? null);
  const actions = useOrderActions(order);

  const tryRun = (action: Pick<Action, 'availability' | 'run'>) => {
    if (busy !== null) return;
    // A shortcut for an unavailable action says why instead of doing nothing.
    if (!action.availability.ok) notify.info(action.availability.reason);
    else action.run();
  };
  const shortcuts = Object.fromEntries(actions.map((a) => [a.shortcut, () => tryRun(a)]));
  // Both hold shortcuts work whichever button is showing.
  shortcuts.h ??= () => tryRun({ availability: canPlaceHold(order, role), run: () => useOrder.getState().openModal('hold') });
  shortcuts.r ??= () => tryRun({ availability: canReleaseHold(order, role), run: () => void releaseHold(order) });
  // Likewise packed and delivered: only one of the two buttons shows at a time.
  shortcuts.p ??= () => tryRun({ availability: canMarkPacked(order, role), run: () => void markPacked(order) });
  shortcuts.d ??= () => tryRun({ availability: canMarkDelivered(order, role), run: () => useOrder.getState().openModal('deliver') });
  const slips = useRef<PrintSlipsHandle>(null);
  shortcuts.P = () => slips.current?.print();
  useShortcuts(shortcuts);

  return (
    <Group gap="xs" wrap="nowrap">
      <PrintSlipsButton ref={slips} orderIds={[order.id]} />
      <ResendConfirmationButton orderId={order.id} size="sm" variant="default" />
      {actions.map((action) => {
        const disabled = !action.availability.ok || (busy !== null && busy !== action.busyWith);
        const button = (
          <Button
            size="sm"
            variant={action.variant ?? 'default'}
            color={action.color}
            disabled={disabled}
            loading={busy !== null && busy === action.busyWith}
            onClick={action.run}
            rightSection={
              <Kbd size="xs" style={{ opacity: 0.7 }} aria-hidden="true">
                {action.shortcut}
              </Kbd>
            }
            aria-keyshortcuts={action.shortcut}
          >
            {action.label}
          </Button>
        );
        return action.availability.ok ? (
          <span key={action.label}>{button}</span>
        ) : (
          <Tooltip key={action.label} label={action.availability.reason} withArrow multiline maw={280}>
            {/* Disabled buttons get no pointer events; the wrapper keeps the tooltip working. */}
            <span tabIndex={0} aria-label={`${action.label}: ${action.availability.reason}`}>
              {button}
            </span>
          </Tooltip>
        );
      })}
    </Group>
  );
}
