import { create } from 'zustand';

export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  title?: string;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const LIFETIME_MS = { success: 4000, info: 5000, error: 8000 } as const;

/** Short-lived messages after actions. In-app state rather than another dependency. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    // Keep the stack short: a burst of failures shouldn't cover the screen.
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    window.setTimeout(() => get().dismiss(id), LIFETIME_MS[toast.tone]);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const notify = {
  success: (message: string) => useToasts.getState().push({ tone: 'success', message }),
  error: (message: string, title?: string) =>
    useToasts.getState().push(title ? { tone: 'error', message, title } : { tone: 'error', message }),
  info: (message: string) => useToasts.getState().push({ tone: 'info', message }),
};
