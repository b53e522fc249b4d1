import { create } from 'zustand';

/** The desk's screens; a tiny route in state is enough (no URLs to deep-link into). */
export type Route =
  | { screen: 'queue' }
  | { screen: 'order'; orderId: number }
  | { screen: 'pack' }
  | { screen: 'notifications' }
  | { screen: 'settings' };

interface RouteState {
  route: Route;
  openOrder(orderId: number): void;
  backToQueue(): void;
  openPacking(): void;
  /** What was sent, queued and failed: the notifications screen. */
  openNotifications(): void;
  /** Notification settings (admins). */
  openSettings(): void;
}

export const useRoute = create<RouteState>()((set) => ({
  route: { screen: 'queue' },
  openOrder: (orderId) => set({ route: { screen: 'order', orderId } }),
  backToQueue: () => set({ route: { screen: 'queue' } }),
  openPacking: () => set({ route: { screen: 'pack' } }),
  openNotifications: () => set({ route: { screen: 'notifications' } }),
  openSettings: () => set({ route: { screen: 'settings' } }),
}));
