// Which secondary indexes a store should have, so openStore can put back any a killed bulk load
// left out. Kept apart from open.ts: the check must cost next to nothing when all is well.
import Sqlite from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export interface DeclaredIndex {
  name: string;
  sql: string;
}

const STATEMENT =
  /\b(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+ON\s+(\w+)|DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?(\w+)|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(\w+)|ALTER\s+TABLE\s+(\w+)\s+RENAME\s+TO\s+(\w+))/gi;

/**
 * The names of the indexes the migrations leave behind, read from their text: indexes created,
 * minus those dropped, with a table's indexes following it through DROP TABLE and RENAME TO.
 * Cheap enough for every open; tests check it against what SQLite itself ends up with.
 */
export function declaredIndexNames(migrations: readonly Migration[] = MIGRATIONS): Set<string> {
  const tableOf = new Map<string, string>();
  for (const migration of migrations) {
    const sql = migration.up.replace(/--[^\n]*/g, '');
    for (const m of sql.matchAll(STATEMENT)) {
      const [, created, onTable, droppedIndex, droppedTable, renamedFrom, renamedTo] = m;
      if (created && onTable) tableOf.set(created.toLowerCase(), onTable.toLowerCase());
      else if (droppedIndex) tableOf.delete(droppedIndex.toLowerCase());
      else if (droppedTable) {
        for (const [index, table] of tableOf) if (table === droppedTable.toLowerCase()) tableOf.delete(index);
      } else if (renamedFrom && renamedTo) {
        for (const [index, table] of tableOf) if (table === renamedFrom.toLowerCase()) tableOf.set(index, renamedTo.toLowerCase());
      }
    }
  }
  return new Set(tableOf.keys());
}

/**
 * Every index with its CREATE text, as SQLite records it after the migrations ran on a scratch
 * in-memory database. Tens of ms, so only called when an index is actually missing.
 */
export function declaredIndexes(nativeBinding?: string, migrations: readonly Migration[] = MIGRATIONS): DeclaredIndex[] {
  const scratch = new Sqlite(':memory:', { nativeBinding });
  try {
    for (const migration of migrations) scratch.exec(migration.up);
    return scratch
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .all() as DeclaredIndex[];
  } finally {
    scratch.close();
  }
}
