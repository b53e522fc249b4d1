import { up as init } from './2026-11-27-init.js';
import { up as packing } from './2026-11-28-packing.js';
import { up as storeClaims } from './2026-11-29-store-claims.js';
import { up as notifications } from './2026-11-30-notifications.js';
import { up as eventStores } from './2026-12-01-event-stores.js';
import { up as retryEntryStores } from './2026-12-07-retry-entry-stores.js';
import { up as sync } from './2026-12-08-sync.js';
import { up as returnDescription } from './2026-12-08-sync-return-description.js';
import { up as syncChildIndexes } from './2026-12-09-sync-child-indexes.js';

export interface Migration {
  /** Dated, sortable, unique; recorded in the schema_migrations table once applied. */
  name: string;
  up: string;
}

/**
 * Every migration the app knows, oldest first. A static list rather than a folder scan, so
 * the bundler includes them and a file dropped into the folder can't run by accident.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '2026-11-27-init', up: init },
  { name: '2026-11-28-packing', up: packing },
  { name: '2026-11-29-store-claims', up: storeClaims },
  { name: '2026-11-30-notifications', up: notifications },
  { name: '2026-12-01-event-stores', up: eventStores },
  { name: '2026-12-07-retry-entry-stores', up: retryEntryStores },
  { name: '2026-12-08-sync', up: sync },
  { name: '2026-12-08-sync-return-description', up: returnDescription },
  { name: '2026-12-09-sync-child-indexes', up: syncChildIndexes },
];
