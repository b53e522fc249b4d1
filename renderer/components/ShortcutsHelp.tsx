import { Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { NOTIFICATION_SHORTCUTS } from '../features/notifications/shortcuts.js';
import { PACK_SHORTCUTS } from '../features/packing/shortcuts.js';
import { QUEUE_SHORTCUTS } from '../features/queue/shortcuts.js';
import { useDialogGate } from '../lib/shortcuts.js';

export interface Shortcut {
  keys: string;
  action: string;
}

/** Every key the desk answers to, by where it works. Each screen's list lives beside the screen. */
export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: '? or F1', action: 'Show this list of shortcuts' },
      { keys: 'F2', action: 'Packing station (from an order page: pack that order)' },
      { keys: 'F3', action: 'Notifications: what customers were sent, what waits and what failed' },
    ],
  },
  { title: 'Fulfillment queue', shortcuts: QUEUE_SHORTCUTS },
  { title: 'Packing station', shortcuts: PACK_SHORTCUTS },
  { title: 'Notifications', shortcuts: NOTIFICATION_SHORTCUTS },
  {
    title: 'Order page',
    shortcuts: [
      { keys: 'p', action: 'Mark packed' },
      { keys: 's', action: 'Ship (unverified units need a reason)' },
      { keys: 'd', action: 'Mark delivered, with or without emailing the customer' },
      { keys: 'h', action: 'Place hold' },
      { keys: 'r', action: 'Release hold' },
      { keys: 'n', action: 'Add note' },
      { keys: 'a', action: 'Edit the shipping address' },
      { keys: 'Shift+P', action: 'Print the packing slip' },
      { keys: 'Esc or Backspace', action: 'Back to queue' },
    ],
  },
  {
    title: 'In a form',
    shortcuts: [
      { keys: 'Enter', action: 'Submit a one-line form (Ship order, Mark delivered, Override)' },
      { keys: 'Ctrl+Enter', action: 'Submit a note or hold reason' },
      { keys: 'Esc', action: 'Close without saving' },
    ],
  },
];

// Words between keys ("or", "to", "/", "+") and notes in brackets are text, not keys.
const SEPARATOR = /( or | to | \/ |\+(?=.)| \(.*\)$)/;

function Keys({ keys }: { keys: string }) {
  return (
    <>
      {keys.split(SEPARATOR).map((part, i) =>
        part === '' ? null : i % 2 === 1 ? (
          <Text key={i} span size="xs" c="dimmed" mx={3}>
            {part.trim()}
          </Text>
        ) : (
          <Kbd key={i} size="sm">
            {part}
          </Kbd>
        ),
      )}
    </>
  );
}

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  useDialogGate(opened);
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="xl">
      <Table verticalSpacing={4} fz="sm" data-testid="shortcuts-help">
        <Table.Tbody>
          {SHORTCUT_GROUPS.map((group) => (
            <Fragment key={group.title}>
              <Table.Tr>
                <Table.Th colSpan={2} pt="sm">
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                    {group.title}
                  </Text>
                </Table.Th>
              </Table.Tr>
              {group.shortcuts.map((s) => (
                <Table.Tr key={`${s.keys}:${s.action}`}>
                  <Table.Td w={230}>
                    <Keys keys={s.keys} />
                  </Table.Td>
                  <Table.Td>{s.action}</Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
