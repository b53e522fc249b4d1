// The signed-in account as the desktop app keeps it: who and which backend in userData/account.json
// (nothing secret), the token encrypted with safeStorage through the secret store.
import Store from 'electron-store';
import { savedAccountSchema, type AccountVault } from '../app/session/account.js';
import type { SecretStore } from './secrets.js';

export function openAccountVault(userDataDir: string, secrets: SecretStore): AccountVault {
  const store = new Store<{ account?: unknown }>({ name: 'account', cwd: userDataDir, clearInvalidConfig: false });
  return {
    load() {
      // A damaged or foreign file reads as "nobody signed in": the desk opens the demo store.
      const parsed = savedAccountSchema.safeParse(store.get('account'));
      return parsed.success ? parsed.data : null;
    },
    save(account) {
      if (account === null) store.delete('account');
      else store.set('account', savedAccountSchema.parse(account));
    },
    token: () => secrets.get('backendToken'),
    async setToken(token) {
      if (token === null) secrets.delete('backendToken');
      else await secrets.set('backendToken', token);
    },
  };
}
