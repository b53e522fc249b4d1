import type { ColumnType, Generated } from 'kysely';

/**
 * The shop backend's tables, identical on SQLite and PostgreSQL. Booleans are 0/1 integers and
 * JSON is text, so one migration and one set of queries serve both dialects; bigint columns come
 * back as numbers on both (the PostgreSQL pool parses int8, see connect.ts).
 */
export type Dialect = 'sqlite' | 'postgres';

export interface ServerDatabase {
  meta: MetaTable;
  counters: CountersTable;
  stores: StoresTable;
  users: UsersTable;
  store_members: StoreMembersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_stores: OrderStoresTable;
  order_tracking: OrderTrackingTable;
  order_shipments: OrderShipmentsTable;
  tombstones: TombstonesTable;
  client_mutations: ClientMutationsTable;
  storefront_requests: StorefrontRequestsTable;
}

/** One row (id 1): who this server is and the version of its last committed write. */
export interface MetaTable {
  id: number;
  server_id: string;
  version: number;
}

/** Id blocks for rows whose ids are made before they are written (orders, items, events). */
export interface CountersTable {
  name: string;
  value: number;
}

export interface StoresTable {
  id: Generated<number>;
  slug: string;
  name: string;
  version: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'seller' | 'admin';
  password_hash: string;
  disabled: number;
  version: number;
  created_at: number;
}

export interface StoreMembersTable {
  user_id: number;
  store_id: number;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  device: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface CustomersTable {
  id: Generated<number>;
  email: string;
  name: string;
  created_at: number;
}

export interface OrdersTable {
  id: number;
  number: string;
  version: number;
  placed_at: number;
  store_count: number;
  /** The whole, unscoped OrderDoc as JSON; each reader gets it cut to their scope. */
  doc: string;
}

/** Which stores an order touches, with the order's version copied, for a seller's pull. */
export interface OrderStoresTable {
  order_id: number;
  store_id: number;
  version: number;
}

export interface OrderTrackingTable {
  tracking_number: string;
  order_id: number;
}

export interface OrderShipmentsTable {
  shipment_id: string;
  order_id: number;
}

export interface TombstonesTable {
  id: Generated<number>;
  type: 'order' | 'store' | 'staff';
  entity_id: number;
  version: number;
  /** JSON array of the stores the entity belonged to: who may learn that it is gone. */
  store_ids: string;
}

export interface ClientMutationsTable {
  /** Push order across the server: a client's last mutation is its highest seq. */
  seq: Generated<number>;
  client_id: string;
  mutation_id: string;
  name: string;
  /** Who made it (the author) and who pushed it (the token's user). */
  author_id: number;
  pushed_by: number;
  /** The MutationOutcome as answered, JSON. */
  outcome: string;
  version: number | null;
  created_at: number;
}

export interface StorefrontRequestsTable {
  request_id: string;
  kind: string;
  /** The answer as first given, JSON; a repeated request gets it again. */
  answer: string;
  created_at: ColumnType<number, number, never>;
}
