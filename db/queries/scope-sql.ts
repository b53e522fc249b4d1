import type { Scope } from '../../shared/domain/scope.js';

/**
 * The SQL condition limiting `column` to the stores a scope sees, with its parameters: empty for
 * every store, so a query keeps exactly the text it has without scope (the queue's figures depend
 * on it). An empty seller list matches nothing (`IN (NULL)`).
 */
export function sqlIn(scope: Scope, column: string, prefix = 'AND '): { sql: string; params: readonly number[] } {
  const ids = scope.storeIds;
  if (ids === null) return { sql: '', params: [] };
  const list = ids.length ? ids.map(() => '?').join(',') : 'NULL';
  return { sql: `${prefix}${column} IN (${list})`, params: ids };
}
