// The station's settings, kept by electron-store in userData/settings.json and parsed by
// settings-schema.ts. Main only: nothing here crosses to the renderer except through a call.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Store from 'electron-store';
import { parseSettings, settingsSchema, type Settings, type SettingsKey } from './settings-schema.js';

const SETTINGS_NAME = 'settings';

/** The settings file exists but is not JSON: refused rather than reset, since it holds the station id. */
export class SettingsFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `Order Desk's settings file ${file} could not be read (${detail}). ` +
        'It was left untouched; fix or remove it (a new station id is created if you remove it) and start again.',
    );
    this.name = 'SettingsFileError';
  }
}

export interface SettingsHandle {
  readonly file: string;
  get(): Settings;
  /** Validates and saves; throws a ZodError and saves nothing when the result is invalid. */
  update(patch: Partial<Settings>): Settings;
}

export function loadSettings(
  userDataDir: string,
  report: (message: string) => void = (message) => console.warn(message),
): SettingsHandle {
  const file = path.join(userDataDir, `${SETTINGS_NAME}.json`);
  let store: Store<Record<string, unknown>>;
  try {
    store = new Store<Record<string, unknown>>({ name: SETTINGS_NAME, cwd: userDataDir, clearInvalidConfig: false });
  } catch (error) {
    throw new SettingsFileError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = parseSettings(store.store, { hostname: os.hostname(), userDataDir, newId: randomUUID });
  if (parsed.invalid.length > 0) {
    report(`Settings ${parsed.invalid.join(', ')} had invalid values and were reset to their defaults.`);
  }
  if (parsed.changed) store.store = { ...parsed.settings };
  let current = parsed.settings;

  return {
    file: store.path,
    get: () => current,
    update(patch) {
      const next = settingsSchema.parse({ ...current, ...patch });
      store.store = { ...next };
      current = next;
      return current;
    },
  };
}

export type { Settings, SettingsKey };
