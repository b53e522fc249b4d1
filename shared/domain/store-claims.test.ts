import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_TTL_MS } from './packing.js';
import { claimChangesView, decideStoreClaims, shownClaim, type StoreClaimHolder, type StoreClaimStep } from './store-claims.js';

const now = Date.UTC(2026, 10, 27, 16, 5);
const holder = (storeId: number, stationId: string, claimedAgo: number, extra: Partial<StoreClaimHolder> = {}): StoreClaimHolder => ({
  storeId,
  stationId,
  stationName: `Bench ${stationId.slice(-1)}`,
  userName: `User ${stationId.slice(-1)}`,
  claimedAt: now - claimedAgo,
  expiresAt: now - claimedAgo + CLAIM_TTL_MS,
  ...extra,
});

describe('decideStoreClaims', () => {
  it("claims the stores it packs, ignoring other stores' claims on the same order", () => {
    const held = [holder(2, 'station-2', 60_000)];
    expect(decideStoreClaims(held, [1], 'station-1', now, false)).toEqual({ ok: true, value: [{ storeId: 1, action: 'new', previous: null }] });
  });

  it('renews its own stores, takes free and expired ones, and keeps what it renews', () => {
    const own = holder(1, 'station-1', 120_000);
    const expired = holder(2, 'station-2', CLAIM_TTL_MS);
    expect(decideStoreClaims([own, expired], [2, 1, 3, 1], 'station-1', now, false)).toEqual({
      ok: true,
      value: [
        { storeId: 1, action: 'renew', previous: own },
        { storeId: 2, action: 'new', previous: null },
        { storeId: 3, action: 'new', previous: null },
      ],
    });
  });

  it('refuses the whole claim when any of its stores is held elsewhere, naming the longest holder', () => {
    const held = [holder(1, 'station-2', 60_000), holder(2, 'station-3', 300_000)];
    const refused = decideStoreClaims(held, [1, 2, 4], 'station-1', now, false, 'UTC');
    expect(refused).toMatchObject({ ok: false, code: 'CLAIMED_ELSEWHERE', fields: { stationName: 'Bench 3', userName: 'User 3' } });
    expect(decideStoreClaims(held, [1, 2, 4], 'station-1', now, true)).toEqual({
      ok: true,
      value: [
        { storeId: 1, action: 'take_over', previous: held[0] },
        { storeId: 2, action: 'take_over', previous: held[1] },
        { storeId: 4, action: 'new', previous: null },
      ],
    });
  });

  it('property: refused exactly when, without takeOver, another station holds a fresh claim on one of its stores', () => {
    const heldArb = fc.uniqueArray(
      fc.record({
        storeId: fc.integer({ min: 1, max: 6 }),
        station: fc.integer({ min: 1, max: 3 }),
        ago: fc.integer({ min: 0, max: 2 * CLAIM_TTL_MS }),
      }),
      { selector: (h) => h.storeId, maxLength: 6 },
    );
    fc.assert(
      fc.property(heldArb, fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 6 }), fc.boolean(), (raw, storeIds, takeOver) => {
        const held = raw.map((h) => holder(h.storeId, `station-${h.station}`, h.ago));
        const result = decideStoreClaims(held, storeIds, 'station-1', now, takeOver);
        const blocking = held.filter((h) => storeIds.includes(h.storeId) && h.stationId !== 'station-1' && h.expiresAt > now);
        expect(result.ok).toBe(takeOver || blocking.length === 0);
        if (!result.ok) {
          const longest = Math.min(...blocking.map((h) => h.claimedAt));
          expect(blocking.filter((h) => h.claimedAt === longest).map((h) => h.stationName)).toContain(result.fields!.stationName);
          return;
        }
        expect(result.value.map((s) => s.storeId)).toEqual([...new Set(storeIds)].sort((a, b) => a - b));
        for (const step of result.value) {
          const h = held.find((x) => x.storeId === step.storeId);
          const fresh = h !== undefined && h.expiresAt > now;
          expect(step.action).toBe(!fresh ? 'new' : h.stationId === 'station-1' ? 'renew' : 'take_over');
          expect(step.previous).toEqual(fresh ? h : null);
        }
      }),
    );
  });
});

describe('claimChangesView', () => {
  const me = { stationName: 'Bench 1', userName: 'User 1' };
  const step = (action: StoreClaimStep['action'], previous: StoreClaimStep['previous']): StoreClaimStep => ({ storeId: 1, action, previous });

  it('stays quiet for a plain renewal and speaks for anything else', () => {
    const own = holder(1, 'station-1', 60_000);
    expect(claimChangesView([step('renew', own), { ...step('renew', own), storeId: 2 }], me)).toBe(false);
    expect(claimChangesView([step('renew', own), step('new', null)], me)).toBe(true);
    expect(claimChangesView([step('take_over', holder(1, 'station-2', 0))], me)).toBe(true);
    expect(claimChangesView([step('renew', { ...own, userName: 'Someone Else' })], me)).toBe(true);
  });
});

describe('shownClaim', () => {
  it("shows another station's claim before the viewer's own, the longest held first, and nothing expired", () => {
    const own = holder(1, 'station-1', 600_000);
    const other = holder(2, 'station-2', 60_000);
    const older = holder(3, 'station-3', 120_000);
    expect(shownClaim([own, other, older], 'station-1', now)).toBe(older);
    expect(shownClaim([own], 'station-1', now)).toBe(own);
    expect(shownClaim([holder(2, 'station-2', CLAIM_TTL_MS)], 'station-1', now)).toBeNull();
    expect(shownClaim([], 'station-1', now)).toBeNull();
  });

  it('property: shows a fresh claim when there is one, and never the viewer’s own over another station’s', () => {
    const arb = fc.array(fc.record({ station: fc.integer({ min: 1, max: 3 }), ago: fc.integer({ min: 0, max: 2 * CLAIM_TTL_MS }) }), { maxLength: 5 });
    fc.assert(
      fc.property(arb, (raw) => {
        const visible = raw.map((h, i) => holder(i + 1, `station-${h.station}`, h.ago));
        const fresh = visible.filter((h) => h.expiresAt > now);
        const shown = shownClaim(visible, 'station-1', now);
        if (fresh.length === 0) {
          expect(shown).toBeNull();
          return;
        }
        expect(fresh).toContain(shown);
        if (fresh.some((h) => h.stationId !== 'station-1')) expect(shown!.stationId).not.toBe('station-1');
      }),
    );
  });
});
