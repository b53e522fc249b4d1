import { Alert, AppShell, Button, Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { ShortcutsHelp } from '../components/ShortcutsHelp.js';
import { Toasts } from '../components/Toasts.js';
import { NotificationsScreen } from '../features/notifications/NotificationsScreen.js';
import { watchNotificationSummary } from '../features/notifications/summary-store.js';
import { OrderScreen } from '../features/order/OrderScreen.js';
import { PackScreen } from '../features/packing/PackScreen.js';
import { showsSignIn } from '../features/sign-in/screen-choice.js';
import { SignInScreen } from '../features/sign-in/SignInScreen.js';
import { useSignIn } from '../features/sign-in/store.js';
import { FirstPullProgress } from '../features/sync/FirstPullProgress.js';
import { SyncPanel } from '../features/sync/SyncPanel.js';
import { useSync, watchSync } from '../features/sync/store.js';
import { usePacking } from '../features/packing/store.js';
import { QueueScreen } from '../features/queue/QueueScreen.js';
import { NotificationSettingsScreen } from '../features/settings/NotificationSettingsScreen.js';
import { isDialogOpen, useDialogGate, useShortcuts } from '../lib/shortcuts.js';
import { useHelp } from '../stores/help.js';
import { useRoute } from '../stores/route.js';
import { useSession } from '../stores/session.js';
import { AppHeader } from './AppHeader.js';
import { NotificationAlert } from './NotificationAlert.js';
import { QueueNav } from './QueueNav.js';

const HEADER_HEIGHT = 52;

/** F2 from anywhere, even from inside a field: the station is one key away. From an order page it packs that order. */
function onGlobalKey(event: KeyboardEvent) {
  if (event.ctrlKey || event.metaKey || event.altKey || isDialogOpen()) return;
  if (signInShown()) return;
  // F3 from anywhere, like F2: what was emailed, what waits and what failed.
  if (event.key === 'F3') {
    event.preventDefault();
    useRoute.getState().openNotifications();
    return;
  }
  if (event.key !== 'F2') return;
  event.preventDefault();
  const { route } = useRoute.getState();
  if (route.screen === 'order' && usePacking.getState().order?.id !== route.orderId) void usePacking.getState().openOrder(route.orderId);
  if (route.screen === 'pack') usePacking.getState().focusOn('scan');
  else useRoute.getState().openPacking();
}

const signInShown = (): boolean =>
  showsSignIn(useSync.getState().status, { ...useSignIn.getState(), hasSession: useSession.getState().session !== null });

export function App() {
  const route = useRoute((s) => s.route);
  const sessionError = useSession((s) => s.error);
  const hasSession = useSession((s) => s.session !== null);
  const helpOpen = useHelp((s) => s.open);
  const setHelpOpen = useHelp((s) => s.setOpen);
  const syncStatus = useSync((s) => s.status);
  const requested = useSignIn((s) => s.requested);
  const putOff = useSignIn((s) => s.putOff);
  const signIn = showsSignIn(syncStatus, { requested, putOff, hasSession });
  const firstPull = useSync((s) => s.status?.firstPull ?? null);
  // Until the sync status is known, a refused session may only mean the sign-in screen is next.
  const syncKnown = useSync((s) => s.status !== null || s.error !== null);

  useEffect(() => {
    void useSession.getState().load();
    window.addEventListener('keydown', onGlobalKey);
    // Sync status is public: it decides whether the sign-in screen comes first.
    const unwatchSync = watchSync();
    return () => {
      window.removeEventListener('keydown', onGlobalKey);
      unwatchSync();
    };
  }, []);
  // The failure alert follows the desk everywhere: watched as soon as someone is signed in.
  useEffect(() => (hasSession ? watchNotificationSummary() : undefined), [hasSession]);
  useShortcuts({ '?': () => setHelpOpen(true), F1: () => setHelpOpen(true) }, !signIn);
  // The desk stays mounted, hidden, under the sign-in screen: a session that ends mid-task leaves
  // the half-typed form (and an open dialog, which stays on top until it is finished) as it was.
  // Its page keys pause meanwhile, as under any dialog.
  useDialogGate(signIn);

  const desk = (
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
        {hasSession && <NotificationAlert />}
        {firstPull && <FirstPullProgress firstPull={firstPull} />}
        {sessionError !== null && syncKnown ? (
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
        ) : route.screen === 'pack' ? (
          <PackScreen />
        ) : route.screen === 'notifications' ? (
          <NotificationsScreen />
        ) : route.screen === 'settings' ? (
          <NotificationSettingsScreen />
        ) : (
          <OrderScreen orderId={route.orderId} />
        )}
      </AppShell.Main>
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <SyncPanel />
    </AppShell>
  );

  return (
    <>
      {signIn && <SignInScreen />}
      <div style={signIn ? { display: 'none' } : undefined} data-testid="desk">
        {desk}
      </div>
      <Toasts />
    </>
  );
}

