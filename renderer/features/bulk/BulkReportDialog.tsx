import { Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { plural } from '../../lib/format.js';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useBulk, type BulkAction } from './store.js';

const APPLIED_TEXT: Record<BulkAction, (n: number) => string> = {
  hold: (n) => (n === 0 ? 'No order was put on hold.' : `Put ${plural(n, 'order')} on hold.`),
  release: (n) => (n === 0 ? 'No hold was released.' : `Released the hold on ${plural(n, 'order')}.`),
};

/** What a bulk hold or release did: how many were applied, and each refusal with its reason. */
export function BulkReportDialog() {
  const shown = useBulk((s) => s.report);
  useDialogGate(shown !== null);
  const close = () => useBulk.getState().closeReport();
  return (
    <Modal opened={shown !== null} onClose={close} title={shown?.action === 'release' ? 'Release hold: report' : 'Place hold: report'} size="lg">
      {shown && (
        <Stack gap="sm" data-testid="bulk-report">
          <Text size="sm" fw={600} data-testid="bulk-applied">
            {APPLIED_TEXT[shown.action](shown.report.applied.length)}
          </Text>
          {shown.report.applied.length > 0 && (
            <Text size="sm" c="dimmed">
              {shown.report.applied.map((a) => a.number).join(', ')}
            </Text>
          )}
          {shown.report.refused.length > 0 && (
            <>
              <Text size="sm" fw={600} c="red">
                {plural(shown.report.refused.length, 'order')} refused; nothing changed on {shown.report.refused.length === 1 ? 'it' : 'them'}:
              </Text>
              <ScrollArea.Autosize mah={320}>
                <Table fz="sm" striped data-testid="bulk-refused">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={130}>Order</Table.Th>
                      <Table.Th>Why</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.report.refused.map((r) => (
                      <Table.Tr key={r.orderId}>
                        <Table.Td fw={600}>{r.number ?? shown.numbers.get(r.orderId) ?? `Order id ${r.orderId}`}</Table.Td>
                        <Table.Td>{r.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
