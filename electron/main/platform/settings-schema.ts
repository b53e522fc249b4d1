// The station's settings file, parsed field by field. No 'electron' import: settings.ts reads
// the file with electron-store, this decides what it means (tested in settings-schema.test.ts).
import path from 'node:path';
import { z } from 'zod';

export const STATION_NAME_MAX = 80;
export const DB_FILE_NAME = 'order-desk.sqlite';

export const settingsSchema = z.object({
  /** Identifies this packing station on every timeline event and to the shop backend. */
  stationId: z.uuid(),
  stationName: z.string().trim().min(1).max(STATION_NAME_MAX),
  /** Who the desk acts as until sign-in arrives with sync; null means the default staff member. */
  staffUserId: z.number().int().positive().nullable(),
  /** Absolute path of the local order store. */
  dbPath: z
    .string()
    .min(1)
    .refine((value) => path.isAbsolute(value) && !value.includes('\0'), 'must be an absolute path'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsKey = keyof Settings;

export interface SettingsEnvironment {
  hostname: string;
  userDataDir: string;
  newId: () => string;
}

/** A readable station name from the machine's hostname (`PACK-01.local` → `PACK-01`). */
export function defaultStationName(hostname: string): string {
  const name = hostname.trim().replace(/\.local$/i, '').replace(/[\p{Cc}]/gu, '').slice(0, STATION_NAME_MAX).trim();
  return name || 'Packing station';
}

function defaultFor(key: SettingsKey, env: SettingsEnvironment): Settings[SettingsKey] {
  switch (key) {
    case 'stationId':
      return env.newId();
    case 'stationName':
      return defaultStationName(env.hostname);
    case 'staffUserId':
      return null;
    case 'dbPath':
      return path.join(env.userDataDir, DB_FILE_NAME);
  }
}

export interface ParsedSettings {
  settings: Settings;
  /** Keys that were absent and got their default (first run, or a newer setting). */
  filled: SettingsKey[];
  /** Keys whose stored value was refused and replaced by the default. */
  invalid: SettingsKey[];
  /** True when what is stored differs from `settings` and should be written back. */
  changed: boolean;
}

/**
 * Reads whatever is stored. Each field is checked on its own, so one bad value costs only that
 * value: it falls back to its default and is reported, the rest is kept. Unknown keys are dropped.
 */
export function parseSettings(raw: unknown, env: SettingsEnvironment): ParsedSettings {
  const source: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const filled: SettingsKey[] = [];
  const invalid: SettingsKey[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as SettingsKey[]) {
    const present = Object.hasOwn(source, key) && source[key] !== undefined;
    const parsed = present ? settingsSchema.shape[key].safeParse(source[key]) : null;
    if (parsed?.success) {
      out[key] = parsed.data;
    } else {
      (present ? invalid : filled).push(key);
      out[key] = defaultFor(key, env);
    }
  }
  const settings = settingsSchema.parse(out);
  const storedKeys = Object.keys(source);
  const changed =
    filled.length > 0 ||
    invalid.length > 0 ||
    storedKeys.length !== Object.keys(settings).length ||
    (Object.keys(settings) as SettingsKey[]).some((key) => source[key] !== settings[key]);
  return { settings, filled, invalid, changed };
}
