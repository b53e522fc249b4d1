import { Alert, Badge, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SyncStatus } from '../../../shared/contract/index.js';
import { formatDateTime } from '../../lib/format.js';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { useSignIn } from '../sign-in/store.js';
import { FirstPullProgress } from './FirstPullProgress.js';
import { useRejections } from './rejections.js';
import { RejectionList } from './RejectionList.js';
import { connectionLabel, quarantinedText, syncedText, waitingText } from './status-text.js';
import { needsSignIn, useSync } from './store.js';
import { useNow } from './use-now.js';

/** Everything about this desk's sync in one place: state, what waits, what was refused and why. */
export function SyncPanel() {
  const opened = useSync((s) => s.panelOpen);
  const status = useSync((s) => s.status);
  const close = () => useSync.getState().setPanelOpen(false);
  useDialogGate(opened);
  return (
    <Drawer opened={opened} onClose={close} position="right" size="lg" title={<Title order={2} size="h4">Sync with the shop</Title>}>
      {status && <PanelBody status={status} onOpenOrder={(orderId) => {
        close();
        useRoute.getState().openOrder(orderId);
      }} opened={opened} />}
    </Drawer>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function PanelBody({ status, opened, onOpenOrder }: { status: SyncStatus; opened: boolean; onOpenOrder: (orderId: number) => void }) {
  const now = useNow();
  const syncingNow = useSync((s) => s.syncingNow);
  const loadError = useSync((s) => s.error);
  const rejections = useRejections(null, opened);
  const connection = connectionLabel(status);
  const quarantined = quarantinedText(status.quarantined);
  return (
    <Stack gap="md" data-testid="sync-panel">
      <Stack gap={6}>
        <Fact label="Connection">
          <Badge variant="dot" color={connection.tone}>
            {connection.label}
          </Badge>{' '}
          {connection.meaning}
        </Fact>
        {status.serverUrl && <Fact label="Shop backend">{status.serverUrl}</Fact>}
        <Fact label="Waiting to send">{waitingText(status, now)}</Fact>
        <Fact label="Last synced">
          {status.lastSyncedAt === null ? 'Never' : `${syncedText(status.lastSyncedAt, now)} (${formatDateTime(status.lastSyncedAt)})`}
        </Fact>
        <Group mt={4}>
          {needsSignIn(status) ? (
            <Button
              size="xs"
              color="orange"
              onClick={() => {
                useSync.getState().setPanelOpen(false);
                useSignIn.getState().open();
              }}
            >
              Sign in
            </Button>
          ) : (
            <Button size="xs" variant="light" loading={syncingNow} onClick={() => void useSync.getState().syncNow()}>
              Sync now
            </Button>
          )}
        </Group>
      </Stack>

      {status.firstPull && <FirstPullProgress firstPull={status.firstPull} />}

      {(status.lastError ?? loadError) !== null && (
        <Alert color="orange" variant="light" title="Last problem" data-testid="sync-last-error">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {loadError ?? status.lastError}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Nothing made at this desk is lost: changes wait here and are sent when the shop answers.
          </Text>
        </Alert>
      )}

      {quarantined && (
        <Alert color="yellow" variant="light" title="Rows set aside" data-testid="sync-quarantined">
          {quarantined}
        </Alert>
      )}

      <Divider />
      <Stack gap="xs">
        <Title order={3} size="h5">
          Refused by the shop {status.rejections > 0 && <Badge color="red" size="sm">{status.rejections}</Badge>}
        </Title>
        <RejectionList state={rejections} onOpenOrder={onOpenOrder} empty="The shop has accepted every change sent from this desk." />
      </Stack>
    </Stack>
  );
}
