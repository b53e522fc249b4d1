import { useEffect, useState } from 'react';

/**
 * The current time, ticking while the component is mounted, so "synced 2 s ago" stays true
 * without main sending anything.
 */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
