import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, defaultStationName, parseSettings, type SettingsEnvironment } from './settings-schema.js';

const USER_DATA = path.resolve('/home/pack/.config/Order Desk');
const NEW_ID = '0b6f4f7e-2a4c-4f55-9d0e-7a1f3c2b9e10';
const env: SettingsEnvironment = { hostname: 'PACK-01.local', userDataDir: USER_DATA, newId: () => NEW_ID };

const VALID = {
  stationId: '4a8e2f3c-1b7d-4c9e-8f60-2d5a9b1c7e34',
  stationName: 'Front bench',
  staffUserId: 7,
  dbPath: path.resolve('/data/desk.sqlite'),
};

describe('parseSettings', () => {
  it('fills every default on first run', () => {
    const parsed = parseSettings(undefined, env);
    expect(parsed.settings).toEqual({
      stationId: NEW_ID,
      stationName: 'PACK-01',
      staffUserId: null,
      dbPath: path.join(USER_DATA, DB_FILE_NAME),
    });
    expect(parsed.filled).toEqual(['stationId', 'stationName', 'staffUserId', 'dbPath']);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.changed).toBe(true);
  });

  it('keeps valid stored settings as they are', () => {
    const parsed = parseSettings({ ...VALID }, env);
    expect(parsed.settings).toEqual(VALID);
    expect(parsed).toMatchObject({ filled: [], invalid: [], changed: false });
  });

  it('keeps staffUserId null', () => {
    expect(parseSettings({ ...VALID, staffUserId: null }, env)).toMatchObject({ changed: false, invalid: [] });
  });

  it('replaces each bad value with its default and keeps the rest', () => {
    const parsed = parseSettings(
      { stationId: 'not-a-uuid', stationName: 'Front bench', staffUserId: '7', dbPath: 'relative/desk.sqlite' },
      env,
    );
    expect(parsed.settings).toEqual({
      stationId: NEW_ID,
      stationName: 'Front bench',
      staffUserId: null,
      dbPath: path.join(USER_DATA, DB_FILE_NAME),
    });
    expect(parsed.invalid).toEqual(['stationId', 'staffUserId', 'dbPath']);
    expect(parsed.changed).toBe(true);
  });

  it.each([
    ['stationId', 42],
    ['stationId', ''],
    ['stationId', '4a8e2f3c-1b7d-4c9e-8f60-2d5a9b1c7e3'],
    ['stationName', ''],
    ['stationName', '   '],
    ['stationName', 'x'.repeat(81)],
    ['stationName', 12],
    ['staffUserId', 0],
    ['staffUserId', -3],
    ['staffUserId', 1.5],
    ['staffUserId', Number.NaN],
    ['staffUserId', '1'],
    ['staffUserId', true],
    ['dbPath', ''],
    ['dbPath', 'desk.sqlite'],
    ['dbPath', '../desk.sqlite'],
    ['dbPath', `${path.resolve('/data')}/desk\0.sqlite`],
    ['dbPath', { path: '/data/desk.sqlite' }],
  ])('refuses %s = %j', (key, value) => {
    const parsed = parseSettings({ ...VALID, [key]: value }, env);
    expect(parsed.invalid).toEqual([key]);
    expect(parsed.changed).toBe(true);
  });

  it('trims the station name', () => {
    expect(parseSettings({ ...VALID, stationName: '  Back bench ' }, env)).toMatchObject({
      settings: { stationName: 'Back bench' },
      invalid: [],
      changed: true,
    });
  });

  it('drops unknown keys and notes the file needs rewriting', () => {
    const parsed = parseSettings({ ...VALID, stripeKey: 'sk_live_x', __proto__: { staffUserId: 1 } }, env);
    expect(parsed.settings).toEqual(VALID);
    expect(parsed.changed).toBe(true);
    expect(Object.keys(parsed.settings)).not.toContain('stripeKey');
  });

  it('does not read inherited properties', () => {
    const inherited = Object.create({ staffUserId: 1 }) as Record<string, unknown>;
    Object.assign(inherited, { stationId: VALID.stationId, stationName: VALID.stationName, dbPath: VALID.dbPath });
    expect(parseSettings(inherited, env).settings.staffUserId).toBeNull();
  });

  it.each([null, 'settings', 42, [VALID]])('treats %j as an empty file', (raw) => {
    expect(parseSettings(raw, env).filled).toHaveLength(4);
  });
});

describe('defaultStationName', () => {
  it('tidies the hostname', () => {
    expect(defaultStationName('pack-02.local')).toBe('pack-02');
    expect(defaultStationName('  desk\u0007 ')).toBe('desk');
    expect(defaultStationName('')).toBe('Packing station');
    expect(defaultStationName('h'.repeat(200))).toHaveLength(80);
  });
});
