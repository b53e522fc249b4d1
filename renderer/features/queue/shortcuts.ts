/**
 * Every key the queue answers to, for the help overlay ("?"). QueueScreen binds exactly these;
 * keep the two in step when adding one.
 */
export const QUEUE_SHORTCUTS: { keys: string; action: string }[] = [
  { keys: '↓ or j', action: 'Highlight the next order' },
  { keys: '↑ or k', action: 'Highlight the previous order' },
  { keys: 'Enter', action: 'Open the highlighted order' },
  { keys: '/', action: 'Search orders' },
  { keys: '1 to 6', action: 'Switch tab: To pack, Shipped, On hold, Awaiting payment, Closed, All' },
  { keys: 'x', action: 'Tick or untick the highlighted order' },
  { keys: 'Shift+↓ / Shift+↑', action: 'Tick orders while moving down or up' },
  { keys: 'Shift+click', action: 'Tick every order between the last ticked one and this one' },
  { keys: 'Ctrl+A / Cmd+A', action: 'Tick every loaded order' },
  { keys: 'Esc', action: 'Untick every order; with none ticked, clear the search' },
  { keys: 'p', action: 'Print packing slips for the ticked orders' },
  { keys: 'h', action: 'Place the ticked orders on hold (asks for a reason)' },
  { keys: 'r', action: 'Release the hold on the ticked orders' },
  { keys: 'i', action: 'Import shipments from a CSV file' },
];
