/**
 * Every key the notifications screen answers to, for the help overlay ("?"). NotificationsScreen
 * binds exactly these; keep the two in step when adding one.
 */
export const NOTIFICATION_SHORTCUTS: { keys: string; action: string }[] = [
  { keys: '↓ or j', action: 'Highlight the next notification (and preview it)' },
  { keys: '↑ or k', action: 'Highlight the previous notification' },
  { keys: 'x', action: 'Tick or untick the highlighted notification (failed ones)' },
  { keys: 'r', action: 'Retry the ticked notifications, or the highlighted one' },
  { keys: 'Shift+R', action: 'Retry every failed notification' },
  { keys: 'o or Enter', action: "Open the highlighted notification's order" },
  { keys: 'Esc', action: 'Back to the queue' },
];
