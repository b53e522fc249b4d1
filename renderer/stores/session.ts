import { create } from 'zustand';
import type { Session, StoreSummary } from '../../shared/contract/index.js';
import { call } from '../api/client.js';

interface SessionState {
  session: Session | null;
  stores: StoreSummary[];
  error: string | null;
  loading: boolean;
  load(): Promise<void>;
}

/** Who is signed in, at which station, and which stores they can see. Loaded once at start. */
export const useSession = create<SessionState>()((set) => ({
  session: null,
  stores: [],
  error: null,
  loading: false,
  async load() {
    set({ loading: true, error: null });
    const [session, stores] = await Promise.all([call('session.get', {}), call('stores.list', {})]);
    if (!session.ok) {
      const error =
        session.code === 'UNAUTHENTICATED' && !window.orderDesk
          ? `${session.message} Open the address the desk service printed when it started (it ends in #token=…).`
          : session.message;
      set({ loading: false, error });
      return;
    }
    set({
      loading: false,
      session: session.value,
      // The session lists the caller's stores too; stores.list is the authority when it answers.
      stores: stores.ok ? stores.value : session.value.stores,
    });
  },
}));
