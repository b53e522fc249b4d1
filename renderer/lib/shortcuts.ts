import { useEffect, useLayoutEffect, useRef } from 'react';

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

// Counted in state rather than read from the DOM: a closing modal stays in the DOM for its
// exit transition, and a shortcut pressed right after a save must already work.
let openDialogs = 0;

/** Registers a modal as open while `opened` is true; page shortcuts pause meanwhile. */
export function useDialogGate(opened: boolean): void {
  useEffect(() => {
    if (!opened) return;
    openDialogs++;
    return () => {
      openDialogs--;
    };
  }, [opened]);
}

/** True while any modal is open: screens that keep focus in a field must not steal it from one. */
export const isDialogOpen = (): boolean => openDialogs > 0;

/** True when the key press belongs to a text field, a dialog or a browser/OS shortcut. */
export function isForeignKeyEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  if (openDialogs > 0) return true;
  // The Escape that closes a modal has already closed it (and run its cleanup) by the time it
  // reaches window; the dialog is still in the DOM for its exit transition, so it must not also
  // go "back" on the page underneath.
  if (event.key === 'Escape' && document.querySelector('[role="dialog"][aria-modal="true"]')) return true;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (TYPING_TAGS.has(target.tagName) || target.isContentEditable) return true;
    // Arrows in a tab list or radio group, and Enter on a focused control, belong to that control.
    if (event.key.startsWith('Arrow') && target.closest('[role="tablist"], [role="radiogroup"], [role="menu"]')) return true;
    if (event.key === 'Enter' && target.closest('button, a[href], [role="tab"], [role="button"], [role="switch"]')) return true;
  }
  return false;
}

/**
 * Page-level single-key shortcuts, keyed by KeyboardEvent.key ("p", "ArrowDown", "?").
 * Ignored while typing, while a modal is open and with Ctrl/Cmd/Alt held.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const latest = useRef(map);
  useLayoutEffect(() => {
    latest.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isForeignKeyEvent(event)) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
