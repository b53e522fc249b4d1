import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Divider,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { NotificationSettingsView } from '../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { PasswordField } from '../../lib/PasswordField.js';
import { useShortcuts } from '../../lib/shortcuts.js';
import { useRoute } from '../../stores/route.js';
import { notify } from '../../stores/toasts.js';
import { useNotificationSummary } from '../notifications/summary-store.js';
import {
  draftErrorsFrom,
  draftFrom,
  passwordAgainProblem,
  saveInputFrom,
  SECURITY_OPTIONS,
  testSendInputFrom,
  type DraftErrors,
  type DraftField,
  type SettingsDraft,
  type SmtpSecurity,
} from './settings-form.js';

function Section({ title, children, description }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Whether a secret is saved; the secret itself never reaches this screen. */
function SavedBadge({ saved, removing }: { saved: boolean; removing: boolean }) {
  if (removing) return <Badge color="orange" variant="light" size="sm">Will be removed</Badge>;
  return saved ? (
    <Badge color="teal" variant="light" size="sm" data-testid="secret-saved">
      Saved
    </Badge>
  ) : (
    <Badge color="gray" variant="light" size="sm">
      Not set
    </Badge>
  );
}

function TestSend({ draft, onErrors }: { draft: SettingsDraft; onErrors: (errors: DraftErrors) => void }) {
  const [to, setTo] = useState('');
  const [toError, setToError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const send = async () => {
    setBusy(true);
    setOutcome(null);
    setToError(undefined);
    const result = await call('settings.notifications.testSend', testSendInputFrom(draft, to));
    setBusy(false);
    if (result.ok) {
      setOutcome(result.value);
      return;
    }
    const mapped = draftErrorsFrom(result.fields);
    setToError(mapped.errors.to);
    const { to: _to, ...rest } = mapped.errors;
    onErrors(rest);
    if (!mapped.errors.to) setOutcome({ ok: false, message: result.message });
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Send a test email to"
          placeholder="you@example.com"
          autoComplete="off"
          value={to}
          error={toError}
          onChange={(event) => setTo(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void send();
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="light" loading={busy} onClick={() => void send()} mb={toError ? 22 : 0}>
          Send test email
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Uses the settings as they are in this form, saved or not.
      </Text>
      {outcome && (
        <Alert color={outcome.ok ? 'teal' : 'red'} variant="light" role="status" data-testid="test-send-outcome">
          {outcome.message}
        </Alert>
      )}
    </Stack>
  );
}

function SettingsForm({ view, onSaved }: { view: NotificationSettingsView; onSaved: (view: NotificationSettingsView) => void }) {
  const [draft, setDraft] = useState(() => draftFrom(view));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Bumped by a refused save: once its errors are on the page, the first marked field takes the focus. */
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals === 0) return;
    // Save sits at the bottom: take the person to the first field to fix. After the commit that
    // marked the fields, and after the Save button (disabled while saving) is usable again.
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const set = <K extends DraftField>(field: K, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const text = (field: Exclude<DraftField, 'security' | 'removePassword' | 'smsEnabled' | 'removeAuthToken'>) => ({
    value: draft[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setBanner(null);
    const result = await call('settings.notifications.save', saveInputFrom(draft));
    setSaving(false);
    if (!result.ok) {
      const mapped = draftErrorsFrom(result.fields);
      setErrors(mapped.errors);
      const marked = Object.keys(mapped.errors).length > 0 && mapped.other.length === 0;
      setBanner(marked ? `${result.message} Nothing was saved.` : [result.message, ...mapped.other].join(' '));
      setRefusals((n) => n + 1);
      return;
    }
    setErrors({});
    // Secrets typed here are gone from the form once saved: it only ever shows whether one is.
    setDraft(draftFrom(result.value));
    onSaved(result.value);
    notify.success('Notification settings saved.');
    void useNotificationSummary.getState().load();
  };

  return (
    <form ref={formRef} onSubmit={(event) => void save(event)} noValidate aria-label="Notification settings">
      <Stack gap="md">
        {banner && (
          <Alert color="red" variant="light" role="alert" data-testid="settings-error">
            {banner}
          </Alert>
        )}
        <Section title="Email (SMTP)" description="Customer emails leave this desk through this mail server. Until it is set, they wait in the queue.">
          <Group grow align="flex-start" gap="sm">
            <TextInput label="Mail server" placeholder="smtp.example.com" autoComplete="off" {...text('host')} />
            <TextInput label="Port" inputMode="numeric" maw={120} autoComplete="off" {...text('port')} />
            <NativeSelect
              label="Security"
              data={SECURITY_OPTIONS}
              value={draft.security}
              error={errors.security}
              onChange={(event) => set('security', event.currentTarget.value as SmtpSecurity)}
            />
          </Group>
          <Group grow align="flex-start" gap="sm">
            <TextInput label="User name" description="Leave empty if the server takes mail without signing in." autoComplete="off" {...text('user')} />
            <PasswordField
              label={
                <Group gap={6} component="span">
                  Password <SavedBadge saved={view.hasSmtpPassword} removing={draft.removePassword} />
                </Group>
              }
              description={view.hasSmtpPassword ? 'Saved, encrypted. Type a new one to replace it (needed again if the server or user changes).' : 'Stored encrypted on this computer.'}
              placeholder={view.hasSmtpPassword ? 'Saved — type to replace' : ''}
              autoComplete="new-password"
              disabled={draft.removePassword}
              {...text('password')}
              error={errors.password ?? passwordAgainProblem(view, draft) ?? undefined}
            />
          </Group>
          {view.hasSmtpPassword && (
            <Checkbox label="Remove the saved password" checked={draft.removePassword} onChange={(event) => set('removePassword', event.currentTarget.checked)} />
          )}
          <Group grow align="flex-start" gap="sm">
            <TextInput label="Sender name" placeholder="Your shop" autoComplete="off" {...text('fromName')} />
            <TextInput label="Sender address" placeholder="orders@example.com" autoComplete="off" {...text('fromAddress')} />
            <TextInput label="Reply-to address" description="Optional: where customers' replies go." autoComplete="off" {...text('replyTo')} />
          </Group>
          <Divider />
          <TestSend draft={draft} onErrors={(e) => setErrors((current) => ({ ...current, ...e }))} />
        </Section>

        <Section title="Text messages (SMS)" description="Off unless you turn it on. Sends a text when an order ships, to customers who agreed to texts.">
          <Switch
            label="Text customers when their order ships"
            checked={draft.smsEnabled}
            onChange={(event) => set('smsEnabled', event.currentTarget.checked)}
            error={errors.smsEnabled}
          />
          <Group grow align="flex-start" gap="sm">
            <TextInput label="Twilio Account SID" placeholder="AC…" autoComplete="off" {...text('accountSid')} />
            <TextInput label="Sending number" placeholder="+15035550123" autoComplete="off" {...text('fromNumber')} />
            <PasswordField
              label={
                <Group gap={6} component="span">
                  Auth token <SavedBadge saved={view.hasTwilioToken} removing={draft.removeAuthToken} />
                </Group>
              }
              placeholder={view.hasTwilioToken ? 'Saved — type to replace' : ''}
              autoComplete="new-password"
              disabled={draft.removeAuthToken}
              {...text('authToken')}
            />
          </Group>
          {view.hasTwilioToken && (
            <Checkbox label="Remove the saved auth token" checked={draft.removeAuthToken} onChange={(event) => set('removeAuthToken', event.currentTarget.checked)} />
          )}
        </Section>

        <Section title="Alert" description="The desk shows a banner when this many notifications have failed.">
          <TextInput label="Failed notifications before the alert" inputMode="numeric" maw={260} autoComplete="off" {...text('alertThreshold')} />
        </Section>

        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** SMTP, SMS and the failure alert: admins only (the contract refuses anyone else). */
export function NotificationSettingsScreen() {
  const [view, setView] = useState<NotificationSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call('settings.notifications.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) setView(result.value);
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [version]);

  useShortcuts({ Escape: () => useRoute.getState().backToQueue() });

  return (
    <Stack gap="sm" maw={980}>
      <Title order={2} size="h3">
        Notification settings
      </Title>
      {error !== null ? (
        <Alert color="red" title="The settings could not be loaded">
          {error}{' '}
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              setError(null);
              setVersion((v) => v + 1);
            }}
          >
            Try again
          </Button>
        </Alert>
      ) : view === null ? (
        <Center h={160}>
          <Loader size="sm" />
        </Center>
      ) : (
        <SettingsForm view={view} onSaved={setView} />
      )}
    </Stack>
  );
}
