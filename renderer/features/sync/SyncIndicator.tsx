import { Badge, Button, Group, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useSignIn } from '../sign-in/store.js';
import { connectionLabel, syncedText, waitingText } from './status-text.js';
import { isSynced, needsSignIn, useSync } from './store.js';
import { useNow } from './use-now.js';

/**
 * The header's sync line: online / offline / syncing, what waits and for how long, when the
 * desk last synced (live), and Sync now. A click opens the sync panel.
 */
export function SyncIndicator() {
  const status = useSync((s) => s.status);
  const syncingNow = useSync((s) => s.syncingNow);
  const now = useNow();
  if (!isSynced(status) || status === null) return null;
  const connection = connectionLabel(status);
  const waiting = waitingText(status, now);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="sync-status" data-connection={status.connection}>
      <Tooltip label={connection.meaning} withArrow multiline w={280}>
        <UnstyledButton
          onClick={() => useSync.getState().setPanelOpen(true)}
          aria-haspopup="dialog"
          aria-label={`Sync: ${connection.label}. ${waiting}. ${syncedText(status.lastSyncedAt, now)}. Open the sync panel.`}
          data-testid="sync-panel-open"
        >
          <Group gap={8} wrap="nowrap">
            <Badge variant="dot" color={connection.tone} size="md" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="sync-connection">
              {connection.label}
            </Badge>
            <Text size="xs" c={status.pending > 0 ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }} data-testid="sync-waiting">
              {waiting}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="sync-last">
              {syncedText(status.lastSyncedAt, now)}
            </Text>
            {status.rejections > 0 && (
              <Badge color="red" size="xs" variant="filled" style={{ flexShrink: 0 }} data-testid="sync-refused">
                {status.rejections} refused
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      </Tooltip>
      {needsSignIn(status) ? (
        <Button size="compact-xs" color="orange" onClick={() => useSignIn.getState().open()} style={{ flexShrink: 0 }} data-testid="sync-sign-in">
          Sign in
        </Button>
      ) : (
        <Button size="compact-xs" variant="light" loading={syncingNow} onClick={() => void useSync.getState().syncNow()} style={{ flexShrink: 0 }}>
          Sync now
        </Button>
      )}
    </Group>
  );
}

/**
 * Says changes worth hearing (offline, back online, refused changes) to screen readers. Mounted
 * for the app's life, so the live region exists before its first sentence; keyed so a repeat
 * speaks again.
 */
export function SyncAnnouncer() {
  const spoken = useSync((s) => s.spoken);
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="sync-announcer">
      {spoken && <span key={spoken.seq}>{spoken.text}</span>}
    </VisuallyHidden>
  );
}
