import { create } from 'zustand';

/** Whether the shortcuts overlay is open: any screen may open it ("?" or F1 inside a scan field). */
export const useHelp = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
