import { create } from 'zustand';
import type { CallInput, OrderDetail } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/domain/result.js';
import { call } from '../../api/client.js';
import { newUuid } from '../../lib/format.js';
import { notify } from '../../stores/toasts.js';
import { createOwnChanges } from './own-changes.js';

export type MutationName =
  | 'orders.markPacked'
  | 'orders.ship'
  | 'orders.placeHold'
  | 'orders.releaseHold'
  | 'orders.addNote'
  | 'orders.markDelivered';

/** An order call whose answer is the order as it now stands. */
type Answered = Promise<Result<OrderDetail>>;

/** `seq` is new on every opening, so a form starts empty each time it opens. */
export type OrderModal =
  | { kind: 'ship'; seq: number; /** Made once per opening, so a retried submit can't create a second parcel. */ shipmentId: string }
  | { kind: 'hold'; seq: number }
  | { kind: 'note'; seq: number }
  | { kind: 'deliver'; seq: number };

interface OrderState {
  orderId: number | null;
  detail: OrderDetail | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  busy: MutationName | null;
  modal: OrderModal | null;

  load(orderId: number): Promise<void>;
  /** An orders.changed named this order: refetch quietly, unless it is the echo of this page's own change. */
  changed(): Promise<void>;
  /** Refetch quietly. */
  refresh(): Promise<void>;
  openModal(kind: OrderModal['kind']): void;
  closeModal(): void;
  /** Show an order another call answered with (an address edit made outside this store). */
  replaceDetail(detail: OrderDetail): void;
  /**
   * Sends a change of this order made on this page outside `mutate` (the address edit): its
   * orders.changed then fetches nothing, as the caller shows the order it answers with.
   */
  sendOwnChange(send: () => Answered): Answered;
  mutate<N extends MutationName>(name: N, input: CallInput<N>, success: string): Answered;
}

let generation = 0;
let modalSeq = 0;
const ownChanges = createOwnChanges();

export const useOrder = create<OrderState>()((set, get) => ({
  orderId: null,
  detail: null,
  status: 'idle',
  error: null,
  busy: null,
  modal: null,

  async load(orderId) {
    const mine = ++generation;
    if (orderId !== get().orderId) ownChanges.reset();
    set({ orderId, status: 'loading', error: null, modal: null, busy: null, detail: get().detail?.id === orderId ? get().detail : null });
    const result = await call('orders.get', { orderId });
    if (mine !== generation) return;
    if (result.ok) set({ status: 'ready', detail: result.value });
    else set({ status: 'error', error: result.message });
  },

  async changed() {
    if (ownChanges.isOwnEcho()) return;
    await get().refresh();
  },

  async refresh() {
    const { orderId, busy } = get();
    // A mutation in flight returns the fresh order itself; don't race it.
    if (orderId === null || busy !== null) return;
    const mine = ++generation;
    const result = await call('orders.get', { orderId });
    if (mine !== generation || get().busy !== null) return;
    if (result.ok) set({ status: 'ready', detail: result.value, error: null });
  },

  openModal(kind) {
    const seq = ++modalSeq;
    set({ modal: kind === 'ship' ? { kind, seq, shipmentId: newUuid() } : { kind, seq } });
  },
  closeModal: () => set({ modal: null }),
  replaceDetail(detail) {
    generation++;
    if (get().orderId === detail.id) set({ detail, status: 'ready', error: null });
  },

  async sendOwnChange(send) {
    const orderId = get().orderId;
    ownChanges.begin();
    const result = await send();
    ownChanges.end(result.ok && result.value.id === orderId && get().orderId === orderId);
    return result;
  },

  async mutate(name, input, success) {
    if (get().busy !== null) {
      return { ok: false, code: 'CONFLICT', message: 'Another change to this order is still being saved.' };
    }
    // Drop any refresh already in flight: its answer predates this change.
    generation++;
    set({ busy: name });
    const result = await get().sendOwnChange(() => call(name, input) as Answered);
    set({ busy: null });
    if (result.ok) {
      // The mutation answers with the order as it now stands: no second round trip.
      if (get().orderId === result.value.id) set({ detail: result.value, status: 'ready', error: null });
      notify.success(success);
    }
    return result;
  },
}));
