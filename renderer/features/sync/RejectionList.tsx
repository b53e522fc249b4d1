import { Alert, Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import type { SyncRejection } from '../../../shared/contract/index.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import type { RejectionsState } from './rejections.js';

interface Props {
  state: RejectionsState & { reload(): void };
  /** In the sync panel, each refusal leads to its order; on the order page it is already there. */
  onOpenOrder?: (orderId: number) => void;
  empty: string;
}

/** What the shop refused: what was done, by whom, when, and the shop's reason in full. */
export function RejectionList({ state, onOpenOrder, empty }: Props) {
  if (state.status === 'error' && state.rows.length === 0) {
    return (
      <Alert color="red" variant="light" role="alert">
        The refused changes could not be loaded. {state.error}{' '}
        <Button size="compact-xs" variant="subtle" onClick={state.reload}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (state.rows.length === 0) {
    return state.status === 'loading' ? (
      <Loader size="xs" aria-label="Loading refused changes" />
    ) : (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Changes the shop refused" aria-busy={state.status === 'loading'}>
      {state.rows.map((row) => (
        <RejectionItem key={row.mutationId} row={row} onOpenOrder={onOpenOrder} />
      ))}
    </Stack>
  );
}

function RejectionItem({ row, onOpenOrder }: { row: SyncRejection; onOpenOrder: Props['onOpenOrder'] }) {
  const orderId = row.orderId;
  return (
    <li data-testid="sync-rejection">
      <Alert color="red" variant="light" py="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {row.summary}
            </Text>
            <Text size="xs" c="dimmed">
              By {row.madeBy},{' '}
              <span title={formatDateTime(row.madeAt)}>{formatRelative(row.madeAt)}</span>
              {' · '}refused <span title={formatDateTime(row.rejectedAt)}>{formatRelative(row.rejectedAt)}</span>
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Text span size="sm" fw={600}>
                The shop's reason:
              </Text>{' '}
              {row.message} <Code fz="xs">{row.code}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              The change was undone at this desk; the order shows what the shop has.
            </Text>
          </Stack>
          {onOpenOrder && orderId !== null && (
            <Button size="compact-xs" variant="subtle" onClick={() => onOpenOrder(orderId)}>
              Open {row.orderNumber ?? 'order'}
            </Button>
          )}
        </Group>
      </Alert>
    </li>
  );
}
