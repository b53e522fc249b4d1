import { Button, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatRelative } from '../../lib/format.js';
import { useDialogGate } from '../../lib/shortcuts.js';
import { checkOverrideReason } from '../shipping/ship-draft.js';
import { usePacking } from './store.js';

/** Warns before packing an order another station has claimed: take it over, or leave it to them. */
export function ClaimDialog() {
  const conflict = usePacking((s) => s.claimConflict);
  const opened = conflict !== null;
  useDialogGate(opened);
  const pack = usePacking.getState();
  const claim = conflict?.claim ?? null;
  return (
    <Modal
      opened={opened}
      onClose={() => pack.cancelTakeOver()}
      title={conflict ? `Order ${conflict.number} is being packed elsewhere` : ''}
      closeOnClickOutside={false}
    >
      {conflict && (
        <Stack
          gap="sm"
          onKeyDown={(event) => {
            if (event.key === 't' || event.key === 'T') {
              event.preventDefault();
              void pack.takeOver();
            }
          }}
          data-testid="claim-warning"
        >
          <Text size="sm" fw={600}>
            {claim ? `Being packed at ${claim.stationName} by ${claim.userName}` : conflict.message}
            {claim ? ` (claimed ${formatRelative(claim.claimedAt)}).` : ''}
          </Text>
          {claim && (
            <Text size="sm" c="dimmed">
              {conflict.message}
            </Text>
          )}
          <Text size="sm">
            Packing it here as well could put the same items in two boxes. Take it over only if you know that station has stopped.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => pack.cancelTakeOver()} data-autofocus rightSection={<Kbd size="xs">Esc</Kbd>}>
              Cancel
            </Button>
            <Button color="orange" onClick={() => void pack.takeOver()} rightSection={<Kbd size="xs">T</Kbd>}>
              Take over
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Asks why unverified items ship anyway; the reason goes on the order's timeline. */
export function OverrideDialog() {
  const opened = usePacking((s) => s.overrideOpen);
  useDialogGate(opened);
  const close = () => usePacking.getState().setOverrideOpen(false);
  return (
    <Modal opened={opened} onClose={close} title="Ship without verifying every unit">
      {opened && <OverrideForm onCancel={close} />}
    </Modal>
  );
}

function OverrideForm({ onCancel }: { onCancel: () => void }) {
  const [reason, setReason] = useState(usePacking.getState().draft.overrideReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOverrideReason(reason);
    if (!checked.ok) return setError(checked.message);
    usePacking.getState().setOverride(checked.value);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Reason"
          description="Goes on the order's timeline with your name and station."
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="orange">
            Override
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
