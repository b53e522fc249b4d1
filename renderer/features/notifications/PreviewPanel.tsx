import { Alert, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { NotificationRow } from '../../../shared/contract/index.js';
import { kindLabel } from './labels.js';
import { ResendConfirmationButton } from './ResendConfirmationButton.js';
import type { PreviewState } from './store.js';
import classes from './notifications.module.css';

function Header({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={60} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </Group>
  );
}

/**
 * The exact message of the highlighted notification. The HTML part is shown in an iframe with an
 * empty sandbox: no scripts, no forms, no same-origin access, no navigation of this window; the
 * app's CSP (inherited by srcdoc) also keeps it from loading anything remote.
 */
export function PreviewPanel({ row, preview }: { row: NotificationRow | null; preview: PreviewState | null }) {
  if (row === null) {
    return (
      <Paper withBorder p="md" h="100%">
        <Text size="sm" c="dimmed">
          Choose a notification to see the message.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" component="section" aria-label="Message preview" data-testid="notification-preview">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {kindLabel(row.kind)} {row.channel === 'sms' ? 'text' : 'email'}
            {row.orderNumber ? ` · order ${row.orderNumber}` : ''}
          </Title>
          {row.kind === 'order_confirmation' && row.orderId !== null && <ResendConfirmationButton orderId={row.orderId} />}
        </Group>
        {preview === null || preview.id !== row.id || preview.status === 'loading' ? (
          <Center h={120}>
            <Loader size="sm" aria-label="Loading the message" />
          </Center>
        ) : preview.status === 'error' ? (
          <Alert color="red" title="The message can't be shown">
            {preview.error}
          </Alert>
        ) : preview.value.channel === 'email' ? (
          <>
            <Stack gap={2}>
              <Header label="Subject" value={preview.value.rendered.subject} />
              <Header label="From" value={preview.value.from} />
              <Header label="To" value={preview.value.to} />
              {preview.value.messageId && <Header label="ID" value={preview.value.messageId} />}
            </Stack>
            <iframe
              title={`Email to ${preview.value.to}: ${preview.value.rendered.subject}`}
              sandbox=""
              referrerPolicy="no-referrer"
              srcDoc={preview.value.rendered.html}
              className={classes.previewFrame}
              data-testid="preview-frame"
            />
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              Plain-text part
            </Text>
            <pre className={classes.previewText} data-testid="preview-text">
              {preview.value.rendered.text}
            </pre>
          </>
        ) : (
          <>
            <Stack gap={2}>
              <Header label="From" value={preview.value.from} />
              <Header label="To" value={preview.value.to} />
            </Stack>
            <pre className={classes.previewText} data-testid="preview-text">
              {preview.value.body}
            </pre>
          </>
        )}
      </Stack>
    </Paper>
  );
}
