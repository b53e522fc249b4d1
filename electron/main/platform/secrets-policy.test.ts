import { describe, expect, it } from 'vitest';
import { encryptionProblem, isSecretName, SECRET_NAMES } from './secrets-policy.js';

describe('encryptionProblem', () => {
  it('allows storing when the OS keystore encrypts', () => {
    expect(encryptionProblem('stripeKey', { available: true, platform: 'darwin' })).toBeNull();
    expect(encryptionProblem('stripeKey', { available: true, platform: 'win32' })).toBeNull();
    expect(encryptionProblem('smtpPassword', { available: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toBeNull();
    expect(encryptionProblem('smtpPassword', { available: true, platform: 'linux', linuxBackend: 'kwallet6' })).toBeNull();
  });

  it('refuses with a sentence naming the secret when encryption is unavailable', () => {
    const message = encryptionProblem('backendToken', { available: false, platform: 'win32' });
    expect(message).toMatch(/can't save the shop backend token/);
    expect(message).toMatch(/Nothing was saved/);
  });

  it("refuses Linux's basic_text fallback, which is plain text in disguise", () => {
    const message = encryptionProblem('stripeKey', { available: true, platform: 'linux', linuxBackend: 'basic_text' });
    expect(message).toMatch(/the Stripe key/);
    expect(message).toMatch(/keyring/);
  });

  it('refuses while the Linux backend is still unknown', () => {
    expect(encryptionProblem('stripeKey', { available: true, platform: 'linux', linuxBackend: 'unknown' })).not.toBeNull();
  });
});

describe('isSecretName', () => {
  it('knows only the declared secrets', () => {
    for (const name of SECRET_NAMES) expect(isSecretName(name)).toBe(true);
    for (const name of ['stationId', '__proto__', 'toString', '', null]) expect(isSecretName(name)).toBe(false);
  });
});
