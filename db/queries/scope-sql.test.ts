import { describe, expect, it } from 'vitest';
import { Scope } from '../../shared/domain/scope.js';
import { sqlIn } from './scope-sql.js';

describe('sqlIn', () => {
  const admin = Scope.everyStore();
  const seller = Scope.of([2, 5]);
  const nobody = Scope.of([]);

  it('writes the same SQL fragment the queue used before it existed', () => {
    expect(sqlIn(admin, 's.store_id')).toEqual({ sql: '', params: [] });
    expect(sqlIn(seller, 's.store_id')).toEqual({ sql: 'AND s.store_id IN (?,?)', params: [2, 5] });
    expect(sqlIn(nobody, 'store_id')).toEqual({ sql: 'AND store_id IN (NULL)', params: [] });
  });
});
