import { create } from 'zustand';

/** The desk's screens; a tiny route in state is enough (no URLs to deep-link into). */
export type Route = { screen: 'queue' } | { screen: 'order'; orderId: number } | { screen: 'pack' };

interface RouteState {
  route: Route;
  openOrder(orderId: number): void;
  backToQueue(): void;
  openPacking(): void;
}

export const useRoute = create<RouteState>()((set) => ({
  route: { screen: 'queue' },
  openOrder: (orderId) => set({ route: { screen: 'order', orderId } }),
  backToQueue: () => set({ route: { screen: 'queue' } }),
  openPacking: () => set({ route: { screen: 'pack' } }),
}));
