import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { HOLD_REASON_MAX } from '../../../shared/domain/hold.js';
import { charCount, trimInvisible } from '../../../shared/domain/text.js';
import { plural } from '../../lib/format.js';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useQueue } from '../queue/store.js';
import { checkedOrders } from './BulkBar.js';
import { useBulk } from './store.js';

/** Asks for the one reason that goes on every ticked order's hold. */
export function BulkHoldDialog() {
  const opened = useBulk((s) => s.holdOpen);
  useDialogGate(opened);
  return (
    <Modal opened={opened} onClose={() => useBulk.getState().closeHold()} title="Place the ticked orders on hold">
      {/* Mounted only while open, so the form starts empty each time. */}
      {opened && <HoldForm />}
    </Modal>
  );
}

function HoldForm() {
  const count = useQueue((s) => s.checked.ids.size);
  const busy = useBulk((s) => s.busy === 'hold');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    // Invisible characters (a pasted zero-width space) don't make a reason.
    const trimmed = trimInvisible(reason);
    if (trimmed === '') return setFieldError('Enter a reason.');
    if (charCount(trimmed) > HOLD_REASON_MAX) return setFieldError(`At most ${HOLD_REASON_MAX} characters.`);
    setFormError(null);
    const { ids, numbers } = checkedOrders();
    const result = await useBulk.getState().placeHold(ids, trimmed, numbers);
    if (result.ok) {
      void useQueue.getState().refresh();
      return;
    }
    setFormError(result.message);
    if (result.fields?.reason) setFieldError(result.fields.reason);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {plural(count, 'order')} will be held with this reason. Orders that can't be held (already shipped, already on hold) are
          listed afterwards; the rest are held.
        </Text>
        {formError && (
          <Alert color="red" variant="light" title="No hold was placed">
            {formError}
          </Alert>
        )}
        <Textarea
          label="Reason"
          description="Packers see it on each order until the hold is released. Ctrl+Enter places the holds."
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setFieldError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
          }}
          error={fieldError}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={HOLD_REASON_MAX * 2}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => useBulk.getState().closeHold()} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Place {plural(count, 'hold')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
