import { Alert, AppShell, Button, Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ShortcutsHelp } from '../components/ShortcutsHelp.js';
import { Toasts } from '../components/Toasts.js';
import { OrderScreen } from '../features/order/OrderScreen.js';
import { QueueScreen } from '../features/queue/QueueScreen.js';
import { useShortcuts } from '../lib/shortcuts.js';
import { useRoute } from '../stores/route.js';
import { useSession } from '../stores/session.js';
import { AppHeader } from './AppHeader.js';
import { QueueNav } from './QueueNav.js';

const HEADER_HEIGHT = 52;

export function App() {
  const route = useRoute((s) => s.route);
  const sessionError = useSession((s) => s.error);
  const hasSession = useSession((s) => s.session !== null);
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    void useSession.getState().load();
  }, []);
  useShortcuts({ '?': () => setHelpOpen(true) });

  return (
    <AppShell header={{ height: HEADER_HEIGHT }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <AppHeader onHelp={() => setHelpOpen(true)} />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <QueueNav />
      </AppShell.Navbar>
      <AppShell.Main
        h="100dvh"
        style={{ display: 'flex', flexDirection: 'column', overflow: route.screen === 'queue' ? 'hidden' : 'auto' }}
      >
        {sessionError !== null ? (
          <Alert color="red" title="Order Desk could not start">
            {sessionError}{' '}
            <Button size="compact-xs" variant="subtle" onClick={() => void useSession.getState().load()}>
              Try again
            </Button>
          </Alert>
        ) : !hasSession ? (
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        ) : route.screen === 'queue' ? (
          <QueueScreen />
        ) : (
          <OrderScreen orderId={route.orderId} />
        )}
      </AppShell.Main>
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <Toasts />
    </AppShell>
  );
}
