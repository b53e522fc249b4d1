import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../../../db/open.js';
import type { OrderStore } from '../../../../db/store.js';
import { withGroupCommit } from './group-commit.js';

let dir: string;
let store: OrderStore;
const synchronous = () => store.sqlite.pragma('synchronous', { simple: true });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'order-desk-group-commit-'));
  store = openStore(path.join(dir, 'desk.sqlite'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('commits each transaction on its own with per-commit flushing off, then restores FULL', () => {
  expect(synchronous()).toBe(2);
  const seen = withGroupCommit(store, () => {
    const inside = synchronous();
    store.transaction(() => store.execute("INSERT INTO stores (slug, name, is_demo, created_at) VALUES ('a', 'A', 0, 0)"));
    expect(() => store.transaction(() => {
      store.execute("INSERT INTO stores (slug, name, is_demo, created_at) VALUES ('b', 'B', 0, 0)");
      throw new Error('refused');
    })).toThrow('refused');
    return inside;
  });
  expect(seen).toBe(1);
  expect(synchronous()).toBe(2);
  expect(store.sqlite.prepare('SELECT slug FROM stores').pluck().all()).toEqual(['a']);
});

it('restores FULL when the work throws', () => {
  expect(() => withGroupCommit(store, () => {
    throw new Error('boom');
  })).toThrow('boom');
  expect(synchronous()).toBe(2);
});
