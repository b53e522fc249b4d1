/**
 * Who signed in at this desk, against which backend: kept between runs so the desk reopens on
 * the same store file. The token is a secret and lives apart (AccountVault.token: safeStorage in
 * Electron, memory on the web host and in tests); the password is never kept anywhere.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { staffDocSchema, type StaffDoc } from '../../../../shared/contract/sync-protocol.js';
import type { OrderStore } from '../../../../db/store.js';
import type { Station } from '../actor.js';
import type { Actor } from '../context.js';

export const savedAccountSchema = z.object({
  serverUrl: z.string(),
  serverId: z.string(),
  user: staffDocSchema,
  /** False after a sign-out: the backend is remembered (the sign-in screen offers it), the token is gone. */
  signedIn: z.boolean(),
});
export type SavedAccount = z.infer<typeof savedAccountSchema>;

export interface AccountVault {
  load(): SavedAccount | null;
  save(account: SavedAccount | null): void;
  /** The backend token, decrypted; null when none is saved. */
  token(): Promise<string | null>;
  /** Encrypts and saves the token (null forgets it); throws, saving nothing, when it can't be kept safely. */
  setToken(token: string | null): Promise<void>;
}

/** For the web host and tests: nothing outlives the process. */
export function memoryAccountVault(initial: SavedAccount | null = null): AccountVault {
  let account = initial;
  let token: string | null = null;
  return {
    load: () => account,
    save: (next) => {
      account = next && savedAccountSchema.parse(next);
    },
    token: async () => token,
    setToken: async (next) => {
      token = next;
    },
  };
}

/**
 * The store file of one backend and scope: an admin's holds every store, a seller's only theirs,
 * so a seller's file can never hold another store's rows, and colleagues with the same scope
 * share one (and push each other's waiting changes). Names are safe on every file system.
 */
export function syncStoreFile(syncDir: string, serverId: string, user: Pick<StaffDoc, 'role' | 'storeIds'>): string {
  const server = serverId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'server';
  const serverTag = createHash('sha256').update(serverId).digest('hex').slice(0, 8);
  let scope: string;
  if (user.role === 'admin') scope = 'admin';
  else {
    const ids = [...new Set(user.storeIds)].sort((a, b) => a - b).join('-');
    scope = ids === '' ? 'stores-none' : ids.length <= 60 ? `stores-${ids}` : `stores-${createHash('sha256').update(ids).digest('hex').slice(0, 16)}`;
  }
  return path.join(syncDir, `${server}-${serverTag}-${scope}.sqlite`);
}

/** The signed-in person as the actor of every call: the server's word on their role and stores. */
export function actorFromStaff(user: StaffDoc, station: Station): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    storeIds: user.role === 'admin' ? null : [...user.storeIds],
    stationId: station.id,
    stationName: station.name,
  };
}

/**
 * Makes sure the signed-in person has their users row in the store file before the first pull
 * brings the staff list: every change they make names them (outbox.actor_id, order_events).
 */
export function ensureStaffRow(store: OrderStore, user: StaffDoc, now: number): void {
  store.transaction(() => {
    // The email is unique: a row left under this address by another id (a renamed account)
    // would refuse the insert, so it waits under a placeholder until the pull brings the staff.
    const taken = store.selectOne<{ id: number }>('SELECT id FROM users WHERE email = ? AND id != ?', [user.email, user.id]);
    store.execute(
      `INSERT INTO users (id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role`,
      [user.id, taken ? `staff-${user.id}@pending.invalid` : user.email, user.name, user.role, now],
    );
  });
}
