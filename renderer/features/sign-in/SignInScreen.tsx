import { Alert, Badge, Button, Center, Divider, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PasswordField } from '../../lib/PasswordField.js';
import { useSession } from '../../stores/session.js';
import { keptChangesText } from '../sync/status-text.js';
import { useSync } from '../sync/store.js';
import { canPutOff } from './screen-choice.js';
import { checkDraft, emptyDraft, focusAfter, problemFrom, type SignInDraft, type SignInErrors, type SignInField } from './sign-in-form.js';
import { openDemoStore, signIn, useSignIn } from './store.js';

const dialogOnTop = (): boolean => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

/**
 * Signing in to the shop backend. Shown first when the session ended or nobody is signed in
 * (the changes waiting here are kept, and the screen says how many), or when asked for from the
 * demo store. Works from the keyboard alone: Enter signs in from any field.
 */
export function SignInScreen() {
  const status = useSync((s) => s.status);
  const fromDemo = status?.connection === 'local';
  // Someone whose session ended signs in as themselves again, most of the time.
  // (Not on the demo store: its people are sample staff, not anyone's account at the shop.)
  const knownEmail = useSession((s) => (s.session && !s.session.demo && !fromDemo ? s.session.user.email : ''));
  const offline = useSession((s) => canPutOff(status, s.session !== null));
  const [draft, setDraft] = useState<SignInDraft>(() => emptyDraft(status?.serverUrl ?? null, knownEmail));
  const [errors, setErrors] = useState<SignInErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState<'signIn' | 'demo' | null>(null);
  const refs = {
    serverUrl: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const formRef = useRef<HTMLFormElement>(null);
  /** Bumped after a refusal: once its errors are on the page, the cursor goes where the fix is. */
  const [focusTarget, setFocusTarget] = useState<{ field: SignInField; seq: number } | null>(null);

  useEffect(() => {
    const first = (['serverUrl', 'email', 'password'] as const).find((field) => draft[field].trim() === '') ?? 'password';
    const focusFirst = () => refs[first].current?.focus();
    // Only on arrival: the cursor then stays where the person puts it. A dialog of the desk
    // underneath still open (the session ended mid-task) keeps the cursor, so nothing typed there
    // lands in these fields; the form takes it once the dialog is done.
    if (!dialogOnTop()) {
      focusFirst();
      return;
    }
    const timer = window.setInterval(() => {
      if (dialogOnTop()) return;
      window.clearInterval(timer);
      if (!formRef.current?.contains(document.activeElement)) focusFirst();
    }, 200);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (focusTarget) refs[focusTarget.field].current?.focus();
  }, [focusTarget]);

  const back = () => useSignIn.getState().close();
  const canLeave = fromDemo || offline;
  // Esc from anywhere on the screen, fields included: the page's shortcuts skip typing fields.
  useEffect(() => {
    if (!canLeave) return;
    const onKey = (event: KeyboardEvent) => {
      // The Esc that closes a dialog of the desk underneath is that dialog's.
      if (event.key !== 'Escape' || event.defaultPrevented || dialogOnTop()) return;
      if (fromDemo) useSignIn.getState().close();
      else useSignIn.getState().putOffSignIn();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canLeave, fromDemo]);

  const set = (field: SignInField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBanner(null);
    const found = checkDraft(draft);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      const field = focusAfter({ kind: 'fields', errors: found, banner: null });
      if (field) setFocusTarget({ field, seq: Date.now() });
      return;
    }
    setBusy('signIn');
    const result = await signIn(draft);
    if (result.ok) return; // The desk starts again on the shop's store.
    setBusy(null);
    const problem = problemFrom(result);
    if (problem.kind === 'fields') setErrors(problem.errors);
    setBanner(problem.banner);
    // A wrong password is typed again from scratch; the address and email stay as typed.
    if (problem.kind === 'credentials') setDraft((d) => ({ ...d, password: '' }));
    const field = focusAfter(problem);
    if (field) setFocusTarget({ field, seq: Date.now() });
  };

  const useDemo = async () => {
    if (fromDemo) {
      back();
      return;
    }
    setBusy('demo');
    const failure = await openDemoStore();
    if (failure) {
      setBusy(null);
      setBanner(failure.message);
    }
  };

  const kept = keptChangesText(status?.pending ?? 0);
  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-label="Sign in to the shop">
          <Stack gap="md">
            <div>
              <Text size="sm" c="dimmed" fw={600}>
                Order Desk
              </Text>
              <Title order={1} size="h3">
                Sign in to the shop
              </Title>
            </div>
            {status?.needsSignIn && (
              <Alert color="orange" variant="light" role="alert" data-testid="session-ended">
                Your session with the shop has ended (it expired, or you were signed out elsewhere). Sign in again to carry on
                syncing.
              </Alert>
            )}
            {kept && (
              <Alert color="blue" variant="light" data-testid="kept-changes">
                {kept}
              </Alert>
            )}
            {banner && (
              <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
                {banner}
              </Alert>
            )}
            <TextInput
              ref={refs.serverUrl}
              label="Shop backend address"
              placeholder="https://shop.example.com"
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              required
              value={draft.serverUrl}
              error={errors.serverUrl}
              onChange={(event) => set('serverUrl', event.currentTarget.value)}
            />
            <TextInput
              ref={refs.email}
              label="Email"
              type="email"
              autoComplete="username"
              spellCheck={false}
              required
              value={draft.email}
              error={errors.email}
              onChange={(event) => set('email', event.currentTarget.value)}
            />
            <PasswordField
              ref={refs.password}
              label="Password"
              autoComplete="off"
              required
              value={draft.password}
              error={errors.password}
              onChange={(event) => set('password', event.currentTarget.value)}
            />
            <Button type="submit" loading={busy === 'signIn'} disabled={busy === 'demo'}>
              Sign in
            </Button>
            {offline && (
              <Stack gap={4}>
                <Button variant="subtle" onClick={() => useSignIn.getState().putOffSignIn()} disabled={busy !== null} aria-describedby="keep-working-note">
                  Not now: keep working offline
                </Button>
                <Text size="xs" c="dimmed" ta="center" id="keep-working-note">
                  Your changes are kept on this desk and sent after you sign in (Esc). Sign in from the header when you are ready.
                </Text>
              </Stack>
            )}
            <Divider label="or" labelPosition="center" />
            <Stack gap={4}>
              <Button
                variant="default"
                onClick={() => void useDemo()}
                loading={busy === 'demo'}
                disabled={busy === 'signIn'}
                rightSection={
                  <Badge color="orange" size="sm" radius="sm">
                    Demo
                  </Badge>
                }
                aria-describedby="demo-store-note"
              >
                {fromDemo ? 'Back to the offline demo store' : 'Use the offline demo store'}
              </Button>
              <Text size="xs" c="dimmed" ta="center" id="demo-store-note">
                Sample orders on this computer only: nothing reaches the shop or real customers.
                {fromDemo ? ' (Esc)' : ''}
              </Text>
            </Stack>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
