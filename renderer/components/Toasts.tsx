import { Notification, Stack } from '@mantine/core';
import { useToasts } from '../stores/toasts.js';

const COLOR = { success: 'teal', error: 'red', info: 'blue' } as const;

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <Stack
      gap="xs"
      pos="fixed"
      bottom={16}
      right={16}
      w={360}
      style={{ zIndex: 400 }}
      role="status"
      aria-live="polite"
    >
      {toasts.map((toast) => (
        <Notification
          key={toast.id}
          color={COLOR[toast.tone]}
          title={toast.title}
          withBorder
          onClose={() => useToasts.getState().dismiss(toast.id)}
          closeButtonProps={{ 'aria-label': 'Dismiss' }}
          data-testid="toast"
          data-tone={toast.tone}
        >
          {toast.message}
        </Notification>
      ))}
    </Stack>
  );
}
