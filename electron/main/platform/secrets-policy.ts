// When a secret may be stored. No 'electron' import; secrets.ts applies it.

/** The secrets main holds for its services. None of them is ever sent to the renderer. */
export const SECRET_NAMES = ['backendToken', 'stripeKey', 'smtpPassword', 'twilioAuthToken'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export const isSecretName = (name: unknown): name is SecretName =>
  typeof name === 'string' && (SECRET_NAMES as readonly string[]).includes(name);

const SECRET_LABELS: Readonly<Record<SecretName, string>> = {
  backendToken: 'the shop backend token',
  stripeKey: 'the Stripe key',
  smtpPassword: 'the SMTP password',
  twilioAuthToken: 'the Twilio auth token',
};

/** Refused up front rather than stored in a form anyone with the file could read. */
export class SecretStorageUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStorageUnavailableError';
  }
}

export interface EncryptionFacts {
  available: boolean;
  platform: NodeJS.Platform;
  /** safeStorage.getSelectedStorageBackend() on Linux; undefined elsewhere. */
  linuxBackend?: string;
}

/**
 * Why `secret` can't be stored safely here, as a sentence for the person at the desk, or null
 * when it can. On Linux without a keyring Chromium falls back to `basic_text`, a key hard-coded
 * in Electron: encryption in name only, so it is refused too.
 */
export function encryptionProblem(secret: SecretName, facts: EncryptionFacts): string | null {
  const what = SECRET_LABELS[secret];
  if (facts.platform === 'linux' && (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')) {
    return (
      `Order Desk can't save ${what}: no system keyring (GNOME Keyring / libsecret or KWallet) is available, ` +
      'so it could only be stored in plain text. Install or unlock a keyring and try again.'
    );
  }
  if (!facts.available) {
    return (
      `Order Desk can't save ${what}: this computer's secure storage (Keychain, Windows DPAPI or the ` +
      'system keyring) is not available. Nothing was saved.'
    );
  }
  return null;
}
