import { useState } from 'react';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useOrder, type OrderModal } from './store.js';

/**
 * The modal of a kind that is open, or was open last: keeps the form rendered while the
 * close transition plays instead of flashing an empty dialog.
 */
export function useShownModal<K extends OrderModal['kind']>(kind: K): { opened: boolean; modal: Extract<OrderModal, { kind: K }> | null } {
  const modal = useOrder((s) => s.modal);
  const current = modal?.kind === kind ? (modal as Extract<OrderModal, { kind: K }>) : null;
  const [last, setLast] = useState(current);
  if (current !== null && current !== last) setLast(current);
  useDialogGate(current !== null);
  return { opened: current !== null, modal: current ?? last };
}
