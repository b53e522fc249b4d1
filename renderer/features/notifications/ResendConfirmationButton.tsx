import { Button, type ButtonProps } from '@mantine/core';
import { useRef, useState } from 'react';
import { call } from '../../api/client.js';
import { newUuid } from '../../lib/format.js';
import { notify } from '../../stores/toasts.js';

/**
 * Emails the order confirmation again. One request id per intended send: a double click, or a
 * request retried after a dropped answer, carries the same id and queues one email; a new id is
 * made only once the desk has answered.
 */
export function ResendConfirmationButton({ orderId, ...props }: { orderId: number } & ButtonProps) {
  const requestId = useRef(newUuid());
  const [busy, setBusy] = useState(false);
  const resend = async () => {
    if (busy) return;
    setBusy(true);
    const result = await call('orders.resendConfirmation', { orderId, requestId: requestId.current });
    setBusy(false);
    if (!result.ok) {
      notify.error(result.message, 'The confirmation was not queued');
      return;
    }
    requestId.current = newUuid();
    notify.success(result.value.queued ? 'The order confirmation is queued to be emailed again.' : 'That confirmation was already queued.');
  };
  return (
    <Button variant="light" size="compact-sm" loading={busy} onClick={() => void resend()} {...props}>
      Resend confirmation
    </Button>
  );
}
