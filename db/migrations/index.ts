import { up as init } from './2026-11-27-init.js';
import { up as packing } from './2026-11-28-packing.js';

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
];
