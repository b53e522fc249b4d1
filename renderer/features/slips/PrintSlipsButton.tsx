import { Alert, Anchor, Button, Group, Kbd, Loader, Modal, Progress, Stack, Text, type ButtonProps } from '@mantine/core';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { useDialogGate } from '../../lib/shortcuts.js';
import { describeJob, isFinal } from './slip-job.js';
import { useSlipBatch, type SlipBatch } from './use-slip-batch.js';

/** At most this many orders per batch (the contract's limit for one call). */
export const MAX_SLIP_ORDERS = 1000;

export interface PrintSlipsHandle {
  /** Start printing, as a click would (keyboard shortcuts use this). */
  print(): void;
}

interface Props {
  orderIds: number[];
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  /** Defaults to "Print slip" / "Print N slips". */
  label?: string;
  /** The key that prints, shown on the button. */
  shortcut?: string;
}

/**
 * Prints packing slips for these orders as one PDF: starts the batch, shows its progress with a
 * way to cancel, and opens the PDF when it is ready.
 */
export const PrintSlipsButton = forwardRef<PrintSlipsHandle, Props>(function PrintSlipsButton(
  { orderIds, size = 'sm', variant = 'default', label, shortcut },
  ref,
) {
  const batch = useSlipBatch();
  const [opened, setOpened] = useState(false);
  const tooMany = orderIds.length > MAX_SLIP_ORDERS;
  const disabled = orderIds.length === 0 || tooMany;

  const print = () => {
    if (disabled) return;
    setOpened(true);
    void batch.start(orderIds);
  };
  useImperativeHandle(ref, () => ({ print }));

  const text = label ?? (orderIds.length === 1 ? 'Print slip' : `Print ${orderIds.length} slips`);
  return (
    <>
      <Button
        size={size}
        variant={variant}
        onClick={print}
        disabled={disabled}
        title={tooMany ? `Print at most ${MAX_SLIP_ORDERS} slips at a time.` : undefined}
        rightSection={shortcut ? <Kbd size="xs">{shortcut}</Kbd> : undefined}
      >
        {text}
      </Button>
      <SlipProgressDialog
        opened={opened}
        count={orderIds.length}
        batch={batch}
        onClose={() => {
          setOpened(false);
          batch.reset();
        }}
      />
    </>
  );
});

function SlipProgressDialog({ opened, count, batch, onClose }: { opened: boolean; count: number; batch: SlipBatch; onClose: () => void }) {
  useDialogGate(opened);
  const { job, refusal, starting, cancelling } = batch;
  const running = starting || (job !== null && !isFinal(job));
  const percent = job ? Math.round((job.done / job.total) * 100) : 0;

  return (
    <Modal
      opened={opened}
      onClose={running ? () => void batch.cancel() : onClose}
      title={count === 1 ? 'Packing slip' : `Packing slips for ${count} orders`}
      closeOnClickOutside={!running}
      withCloseButton={!running}
    >
      <Stack gap="sm" data-testid="slip-progress">
        {refusal !== null && (
          <Alert color="red" variant="light" title="The slips were not printed">
            {refusal}
          </Alert>
        )}
        {starting && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Starting…</Text>
          </Group>
        )}
        {job !== null && (
          <>
            <Progress
              value={job.state === 'done' ? 100 : percent}
              color={job.state === 'failed' ? 'red' : job.state === 'cancelled' ? 'gray' : 'blue'}
              animated={job.state === 'running'}
              aria-label="Slips made"
            />
            <Text size="sm" role="status" c={job.state === 'failed' ? 'red' : undefined}>
              {describeJob(job)}
            </Text>
          </>
        )}
        {job?.state === 'done' && <OpenedLine batch={batch} />}
        <Group justify="flex-end" gap="xs">
          {running ? (
            <Button variant="default" color="red" onClick={() => void batch.cancel()} loading={cancelling} disabled={job === null}>
              Cancel printing
            </Button>
          ) : (
            <Button variant="default" onClick={onClose} data-autofocus>
              Close
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function OpenedLine({ batch }: { batch: SlipBatch }) {
  const { opened } = batch;
  switch (opened.kind) {
    case 'none':
    case 'opening':
      return (
        <Text size="sm" c="dimmed">
          Opening the PDF…
        </Text>
      );
    case 'by-main':
      return (
        <Text size="sm">
          It opened in your PDF viewer; print it from there.{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void batch.open()}>
            Open it again
          </Anchor>
        </Text>
      );
    case 'url':
      return (
        <Text size="sm">
          It opened in a new tab; print it from there. If nothing opened,{' '}
          <Anchor href={opened.url} target="_blank" rel="noopener noreferrer">
            open the PDF
          </Anchor>
          .
        </Text>
      );
    case 'error':
      return (
        <Alert color="red" variant="light" title="The PDF did not open">
          {opened.message}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void batch.open()}>
            Try again
          </Anchor>
        </Alert>
      );
  }
}
