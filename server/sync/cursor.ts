import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A pull cursor: which server wrote it, the version the reader has everything up to, and a hash
 * of the scope it was read with. Opaque to desks (base64url JSON); a cursor that fails any check
 * is answered `reset`, never trusted.
 */
const cursorSchema = z.object({ s: z.string(), v: z.number().int().nonnegative(), h: z.string() }).strict();
export type Cursor = z.infer<typeof cursorSchema>;

const PREFIX = 'c1.';

export function encodeCursor(cursor: Cursor): string {
  return PREFIX + Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')));
    // Base64 decoding forgives stray characters; only the exact text this server wrote is one of its cursors.
    return parsed.success && encodeCursor(parsed.data) === text ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What the reader may see, as a short hash: who they are (they see their own staff row), their
 * role and their stores. A change of any of these changes what their store file should hold, so
 * an old cursor is answered `reset`.
 */
export function scopeHash(reader: { userId: number; role: string; storeIds: number[] | null }): string {
  const stores = reader.storeIds === null ? '*' : [...reader.storeIds].sort((a, b) => a - b).join(',');
  return createHash('sha256').update(`${reader.userId}|${reader.role}|${stores}`).digest('base64url').slice(0, 16);
}
