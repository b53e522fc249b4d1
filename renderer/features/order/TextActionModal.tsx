import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import { checkPlaceHold, HOLD_REASON_MAX } from '../../../shared/domain/hold.js';
import type { Result } from '../../../shared/domain/result.js';
import { trimInvisible } from '../../../shared/domain/text.js';
import { noteProblem } from './rules.js';
import { useOrder } from './store.js';
import { useShownModal } from './use-shown-modal.js';

const NOTE_MAX = 4000;

interface FormProps {
  label: string;
  submitLabel: string;
  failureTitle: string;
  description?: string;
  maxLength: number;
  /** Checks the text locally; returns the error to show on the field, or null. */
  validate(text: string): string | null;
  send(text: string): Promise<Result<OrderDetail>>;
  busy: boolean;
  onDone(): void;
}

function TextActionForm({ label, submitLabel, failureTitle, description, maxLength, validate, send, busy, onDone }: FormProps) {
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setFormError(null);
    const problem = validate(text);
    if (problem !== null) {
      setFieldError(problem);
      return;
    }
    const result = await send(trimInvisible(text));
    if (result.ok) {
      onDone();
      return;
    }
    const field = result.fields ? Object.values(result.fields)[0] : undefined;
    setFormError(result.message);
    if (field) setFieldError(field);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" title={failureTitle}>
            {formError}
          </Alert>
        )}
        <Textarea
          label={label}
          description={description}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setFieldError(null);
          }}
          onKeyDown={(event) => {
            // Enter alone makes a new line; Ctrl/Cmd+Enter sends, as in most work tools.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
          }}
          error={fieldError}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={maxLength}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function HoldModal({ order }: { order: OrderDetail }) {
  const { opened, modal } = useShownModal('hold');
  const busy = useOrder((s) => s.busy === 'orders.placeHold');
  const close = () => useOrder.getState().closeModal();
  return (
    <Modal opened={opened} onClose={close} title={`Place order ${order.number} on hold`}>
      <TextActionForm
        key={modal?.seq ?? 0}
        label="Reason"
        description="Packers see this on the order until the hold is released."
        submitLabel="Place hold"
        failureTitle="The hold was not placed"
        maxLength={HOLD_REASON_MAX * 2}
        validate={(text) => {
          const check = checkPlaceHold({ status: order.status, onHold: order.onHold }, text);
          return check.ok ? null : (check.fields?.reason ?? check.message);
        }}
        send={(reason) => useOrder.getState().mutate('orders.placeHold', { orderId: order.id, reason }, `Order ${order.number} is on hold.`)}
        busy={busy}
        onDone={close}
      />
    </Modal>
  );
}

export function NoteModal({ order }: { order: OrderDetail }) {
  const { opened, modal } = useShownModal('note');
  const busy = useOrder((s) => s.busy === 'orders.addNote');
  const close = () => useOrder.getState().closeModal();
  return (
    <Modal opened={opened} onClose={close} title={`Add a note to order ${order.number}`}>
      <TextActionForm
        key={modal?.seq ?? 0}
        label="Internal note"
        description="Only staff see notes; the customer never does. Ctrl+Enter adds it."
        submitLabel="Add note"
        failureTitle="The note was not added"
        maxLength={NOTE_MAX}
        validate={noteProblem}
        send={(body) => useOrder.getState().mutate('orders.addNote', { orderId: order.id, body }, 'Note added.')}
        busy={busy}
        onDone={close}
      />
    </Modal>
  );
}
