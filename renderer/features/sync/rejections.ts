import { useEffect, useState } from 'react';
import type { SyncRejection } from '../../../shared/contract/index.js';
import { call, on } from '../../api/client.js';
import { useSync } from './store.js';

export type RejectionsState =
  | { status: 'loading'; rows: SyncRejection[] }
  | { status: 'ready'; rows: SyncRejection[] }
  | { status: 'error'; rows: SyncRejection[]; error: string };

/**
 * The changes the shop refused (all of them, or one order's), loaded when shown and again
 * whenever the status says the count moved, so a refusal shows up without a reload.
 */
export function useRejections(orderId: number | null, enabled = true): RejectionsState & { reload(): void } {
  const [state, setState] = useState<RejectionsState>({ status: 'loading', rows: [] });
  const [tick, setTick] = useState(0);
  const count = useSync((s) => s.status?.rejections ?? 0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((s) => ({ status: 'loading', rows: s.rows }));
    void call('sync.rejections', orderId === null ? {} : { orderId }).then((result) => {
      if (!current) return;
      setState((s) => (result.ok ? { status: 'ready', rows: result.value } : { status: 'error', rows: s.rows, error: result.message }));
    });
    return () => {
      current = false;
    };
  }, [orderId, enabled, count, tick]);

  // A pull that drops one of this order's refused changes names the order.
  useEffect(() => {
    if (!enabled || orderId === null) return;
    return on('orders.changed', ({ orderIds }) => {
      if (orderIds.includes(orderId)) setTick((n) => n + 1);
    });
  }, [orderId, enabled]);

  return { ...state, reload: () => setTick((n) => n + 1) };
}
