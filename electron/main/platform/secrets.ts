// Secrets for main's services (backend token, Stripe key, SMTP password), encrypted with the
// OS keystore through safeStorage and kept in userData/secrets.json as base64 ciphertext.
// There is no IPC call that returns one: they never reach the renderer.
import { safeStorage } from 'electron';
import Store from 'electron-store';
import { encryptionProblem, SecretStorageUnavailableError, type SecretName } from './secrets-policy.js';

export { SECRET_NAMES, SecretStorageUnavailableError, type SecretName } from './secrets-policy.js';

export interface SecretStore {
  /** Encrypts and saves; throws SecretStorageUnavailableError (nothing saved) without real encryption. */
  set(name: SecretName, value: string): Promise<void>;
  /** The decrypted secret, or null when none is saved. */
  get(name: SecretName): Promise<string | null>;
  has(name: SecretName): boolean;
  delete(name: SecretName): void;
}

async function problemFor(name: SecretName): Promise<string | null> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  return encryptionProblem(name, {
    available,
    platform: process.platform,
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
}

/** Call after the app is ready (safeStorage needs it on Windows and Linux). */
export function openSecretStore(userDataDir: string): SecretStore {
  const store = new Store<Partial<Record<SecretName, string>>>({ name: 'secrets', cwd: userDataDir, clearInvalidConfig: false });

  return {
    async set(name, value) {
      const problem = await problemFor(name);
      if (problem) throw new SecretStorageUnavailableError(problem);
      const encrypted = await safeStorage.encryptStringAsync(value);
      store.set(name, encrypted.toString('base64'));
    },
    async get(name) {
      const saved = store.get(name);
      if (typeof saved !== 'string') return null;
      const problem = await problemFor(name);
      if (problem) throw new SecretStorageUnavailableError(problem);
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(saved, 'base64'));
      if (shouldReEncrypt) store.set(name, (await safeStorage.encryptStringAsync(result)).toString('base64'));
      return result;
    },
    has: (name) => typeof store.get(name) === 'string',
    delete: (name) => store.delete(name),
  };
}
