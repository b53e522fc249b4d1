import { Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useSession } from '../../stores/session.js';
import { signOutWarning } from '../sync/status-text.js';
import { isSynced, useSync } from '../sync/store.js';
import { signOut, useSignIn } from './store.js';

/** Who is signed in, at which station; signing out (or, on the demo store, signing in to a shop). */
export function UserMenu() {
  const session = useSession((s) => s.session);
  const synced = useSync((s) => isSynced(s.status));
  const [confirming, setConfirming] = useState(false);
  if (!session) return null;
  return (
    <>
      <Menu position="bottom-end" withArrow shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            aria-label={`${session.user.name}: account menu`}
            title={`${session.user.name} (${session.user.role === 'admin' ? 'Admin' : 'Seller'}) · Station ${session.station.name}`}
            maw={300}
            styles={{ label: { overflow: 'hidden' } }}
          >
            <Text size="sm" data-testid="session-info" component="span" truncate="end" style={{ display: 'block' }}>
              <Text span fw={600} size="sm">
                {session.user.name}
              </Text>{' '}
              <Text span c="dimmed" size="sm">
                ({session.user.role === 'admin' ? 'Admin' : 'Seller'}) · Station {session.station.name}
              </Text>
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{session.user.email}</Menu.Label>
          {synced ? (
            <Menu.Item color="red" onClick={() => setConfirming(true)} data-testid="sign-out">
              Sign out…
            </Menu.Item>
          ) : (
            <Menu.Item onClick={() => useSignIn.getState().open()} data-testid="sign-in-to-shop">
              Sign in to a shop…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <SignOutDialog opened={confirming} onClose={() => setConfirming(false)} />
    </>
  );
}

/** Signing out says first what happens to the changes the shop hasn't received. */
function SignOutDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const pending = useSync((s) => s.status?.pending ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDialogGate(opened);
  const warning = signOutWarning(pending);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const failure = await signOut();
    // On success the desk starts again at the sign-in screen.
    if (failure) {
      setBusy(false);
      setError(failure.message);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={warning ? 'Sign out with changes waiting?' : 'Sign out?'} centered>
      <Stack gap="sm">
        {warning ? (
          <Alert color="orange" variant="light" data-testid="sign-out-warning">
            {warning}
          </Alert>
        ) : (
          <Text size="sm">Every change made at this desk has reached the shop. The next person signs in with their own account.</Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} data-autofocus>
            Stay signed in
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            Sign out
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
