import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { Dialect } from './schema.js';

/**
 * The schema, written once with Kysely's builder for both dialects. Only the auto-numbered key
 * differs (SQLite's INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL's bigserial). Migrations are
 * frozen once released: a change is a new entry.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const autoId = <T extends string>(db: Kysely<unknown>, table: T) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'bigserial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    '2026-12-07-001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('meta')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('server_id', 'text', (c) => c.notNull())
          .addColumn('version', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('counters')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'bigint', (c) => c.notNull())
          .execute();

        await autoId(db, 'stores')
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('version', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('stores_version').on('stores').column('version').execute();

        await autoId(db, 'users')
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('seller', 'admin')`))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('version', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('users_version').on('users').column('version').execute();

        await db.schema
          .createTable('store_members')
          .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
          .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id'))
          .addPrimaryKeyConstraint('store_members_pk', ['user_id', 'store_id'])
          .execute();
        await db.schema.createIndex('store_members_store').on('store_members').column('store_id').execute();

        await autoId(db, 'sessions')
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
          .addColumn('device', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

        await autoId(db, 'api_keys')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked_at', 'bigint')
          .execute();

        await autoId(db, 'customers')
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('orders')
          .addColumn('id', 'bigint', (c) => c.primaryKey())
          .addColumn('number', 'text', (c) => c.notNull().unique())
          .addColumn('version', 'bigint', (c) => c.notNull())
          .addColumn('placed_at', 'bigint', (c) => c.notNull())
          // How many stores the order touches: a seller who has them all gets the doc as stored.
          .addColumn('store_count', 'integer', (c) => c.notNull())
          .addColumn('doc', 'text', (c) => c.notNull())
          .execute();
        // An admin's pull walks this index; versions are unique per written row.
        await db.schema.createIndex('orders_version').on('orders').column('version').execute();

        await db.schema
          .createTable('order_stores')
          .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
          .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id'))
          .addColumn('version', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('order_stores_pk', ['order_id', 'store_id'])
          .execute();
        // A seller's pull walks this index, one range per store; order_id in it spares a row lookup.
        await db.schema.createIndex('order_stores_store_version').on('order_stores').columns(['store_id', 'version', 'order_id']).execute();

        // Which order a carrier's delivery report is about.
        await db.schema
          .createTable('order_tracking')
          .addColumn('tracking_number', 'text', (c) => c.notNull())
          .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
          .addPrimaryKeyConstraint('order_tracking_pk', ['tracking_number', 'order_id'])
          .execute();

        // Shipment ids are made by desks (UUIDs) and unique server-wide: a retried or duplicated
        // push can never create a second parcel, nor reuse an id on another order.
        await db.schema
          .createTable('order_shipments')
          .addColumn('shipment_id', 'text', (c) => c.primaryKey())
          .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
          .execute();

        await autoId(db, 'tombstones')
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'bigint', (c) => c.notNull())
          .addColumn('version', 'bigint', (c) => c.notNull())
          .addColumn('store_ids', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('tombstones_version').on('tombstones').column('version').execute();

        const seq =
          dialect === 'postgres'
            ? db.schema.createTable('client_mutations').addColumn('seq', 'bigserial', (c) => c.primaryKey())
            : db.schema.createTable('client_mutations').addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
        await seq
          .addColumn('client_id', 'text', (c) => c.notNull())
          .addColumn('mutation_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('author_id', 'bigint', (c) => c.notNull())
          .addColumn('pushed_by', 'bigint', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('version', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('client_mutations_once', ['client_id', 'mutation_id'])
          .execute();
        await db.schema.createIndex('client_mutations_client_seq').on('client_mutations').columns(['client_id', 'seq']).execute();

        await db.schema
          .createTable('storefront_requests')
          .addColumn('request_id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('answer', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
  };
}

export const migrationProvider = (dialect: Dialect): MigrationProvider => ({
  getMigrations: () => Promise.resolve(migrations(dialect)),
});
