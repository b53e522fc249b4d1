import { useEffect, useLayoutEffect, useRef } from 'react';

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Ctrl/Cmd+A on the queue ticks every loaded order. The page shortcuts ignore modifier keys on
 * purpose, so this one key is bound here; in a text field, or with a dialog open, the browser
 * keeps its own select-all.
 */
export function useSelectAllKey(onSelectAll: () => void): void {
  const latest = useRef(onSelectAll);
  useLayoutEffect(() => {
    latest.current = onSelectAll;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'a' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const target = event.target;
      if (target instanceof HTMLElement && (TYPING_TAGS.has(target.tagName) || target.isContentEditable)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
