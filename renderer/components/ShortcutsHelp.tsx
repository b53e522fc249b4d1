import { Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useDialogGate } from '../lib/shortcuts.js';

interface Shortcut {
  keys: string[];
  what: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Anywhere',
    shortcuts: [{ keys: ['?'], what: 'Show this list of shortcuts' }],
  },
  {
    title: 'Fulfillment queue',
    shortcuts: [
      { keys: ['↓', 'j'], what: 'Select the next order' },
      { keys: ['↑', 'k'], what: 'Select the previous order' },
      { keys: ['Enter'], what: 'Open the selected order' },
      { keys: ['/'], what: 'Search orders' },
      { keys: ['Esc'], what: 'Clear the search' },
      { keys: ['1', '–', '6'], what: 'Switch tab: To pack, Shipped, On hold, Awaiting payment, Closed, All' },
    ],
  },
  {
    title: 'Order page',
    shortcuts: [
      { keys: ['p'], what: 'Mark packed' },
      { keys: ['s'], what: 'Ship' },
      { keys: ['h'], what: 'Place hold' },
      { keys: ['r'], what: 'Release hold' },
      { keys: ['n'], what: 'Add note' },
      { keys: ['Esc', 'Backspace'], what: 'Back to queue' },
    ],
  },
  {
    title: 'In a form',
    shortcuts: [
      { keys: ['Enter'], what: 'Submit a one-line form (Ship order)' },
      { keys: ['Ctrl', 'Enter'], what: 'Submit a note or hold reason' },
      { keys: ['Esc'], what: 'Close without saving' },
    ],
  },
];

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  useDialogGate(opened);
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Table verticalSpacing={4} fz="sm">
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
                <Table.Tr key={s.what}>
                  <Table.Td w={170}>
                    {s.keys.map((key, i) =>
                      key === '–' ? (
                        <Text key={i} span size="xs" mx={4}>
                          to
                        </Text>
                      ) : (
                        <Fragment key={i}>
                          {i > 0 && s.keys[i - 1] !== '–' && (
                            <Text span size="xs" c="dimmed" mx={4}>
                              {s.keys[0] === 'Ctrl' ? '+' : 'or'}
                            </Text>
                          )}
                          <Kbd size="sm">{key}</Kbd>
                        </Fragment>
                      ),
                    )}
                  </Table.Td>
                  <Table.Td>{s.what}</Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
