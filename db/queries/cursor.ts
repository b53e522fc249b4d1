import { z } from 'zod';

const keysetSchema = z.tuple([z.number().int(), z.number().int()]);

/** Keyset cursors are opaque to callers so the ordering can change without breaking them. */
export function encodeCursor(placedAt: number, id: number): string {
  return Buffer.from(JSON.stringify([placedAt, id])).toString('base64url');
}

/** Returns null for anything that isn't a cursor this module made. */
export function decodeCursor(cursor: string): [number, number] | null {
  try {
    const parsed = keysetSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
