import { useEffect, useLayoutEffect, useRef } from 'react';

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True when the key press belongs to a text field, a dialog or a browser/OS shortcut. */
export function isForeignKeyEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (TYPING_TAGS.has(target.tagName) || target.isContentEditable) return true;
    if (target.closest('[role="dialog"]')) return true;
  }
  // A modal open with focus somewhere odd (e.g. body after a click on the overlay) still owns the keyboard.
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/**
 * Page-level single-key shortcuts, keyed by KeyboardEvent.key ("p", "ArrowDown", "?").
 * Ignored while typing, inside dialogs and with Ctrl/Cmd/Alt held.
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
