import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer token: 256 random bits. Only its SHA-256 is stored, so a leaked table signs nobody in. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
