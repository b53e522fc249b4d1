import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import { useRef, useState } from 'react';
import { call } from '../../api/client.js';
import { newUuid } from '../../lib/format.js';
import { notify } from '../../stores/toasts.js';

/**
 * Emails the order confirmation again. One request id per intended send: a double click, or a
 * request retried after a dropped answer, carries the same id and queues one email; a new id is
 * made only once the desk has answered. A refusal (a seller on an order shared with other
 * stores, or a resend within a minute of the last) stays next to the button until the next try,
 * since a toast that fades leaves the person wondering why nothing was sent.
 */
export function ResendConfirmationButton({ orderId, ...props }: { orderId: number } & ButtonProps) {
  const requestId = useRef(newUuid());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const resend = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const result = await call('orders.resendConfirmation', { orderId, requestId: requestId.current });
    setBusy(false);
    if (!result.ok) {
      if (result.code === 'FORBIDDEN' || result.code === 'RATE_LIMITED') setRefusal(result.message);
      notify.error(result.message, 'The confirmation was not queued');
      return;
    }
    requestId.current = newUuid();
    notify.success(result.value.queued ? 'The order confirmation is queued to be emailed again.' : 'That confirmation was already queued.');
  };
  return (
    <Stack gap={2} align="flex-start">
      <Button variant="light" size="compact-sm" loading={busy} onClick={() => void resend()} {...props}>
        Resend confirmation
      </Button>
      {refusal !== null && (
        <Text size="xs" c="red" role="alert" maw={320}>
          {refusal}
        </Text>
      )}
    </Stack>
  );
}
