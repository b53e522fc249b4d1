import { describe, expect, it } from 'vitest';
import { SQLITE_BINDING_ENV, sqliteBindingOverride } from './sqlite-binding.js';

describe('sqliteBindingOverride', () => {
  const env = { [SQLITE_BINDING_ENV]: '/tmp/evil.node' };

  it('ignores the environment in a packaged app', () => {
    expect(sqliteBindingOverride(env, true)).toBeUndefined();
  });

  it('honours it in a development run', () => {
    expect(sqliteBindingOverride(env, false)).toBe('/tmp/evil.node');
  });

  it('treats an unset or empty variable as no override', () => {
    expect(sqliteBindingOverride({}, false)).toBeUndefined();
    expect(sqliteBindingOverride({ [SQLITE_BINDING_ENV]: '' }, false)).toBeUndefined();
  });
});
