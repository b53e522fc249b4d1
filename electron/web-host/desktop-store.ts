// Where the desktop app keeps its store, worked out without Electron, so the browser desk
// (`npm start` without an Electron binary) opens the very same file. One place for the rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseSettings } from '../main/platform/settings-schema.js';

const packageSchema = z.object({ name: z.string().min(1), productName: z.string().min(1).optional() });

/** The name Electron gives the app (and its userData folder): productName, else name. */
export function desktopAppName(packageJsonText: string): string {
  const pkg = packageSchema.parse(JSON.parse(packageJsonText));
  return pkg.productName ?? pkg.name;
}

export interface DesktopEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
}

/**
 * Electron's app.getPath('userData') for an app of this name: its appData folder
 * (%APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config
 * elsewhere) joined with the app name.
 */
export function desktopUserDataDir(appName: string, { platform, env, homedir }: DesktopEnvironment): string {
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(homedir, 'AppData', 'Roaming'), appName);
    case 'darwin':
      return path.join(homedir, 'Library', 'Application Support', appName);
    default:
      // Chromium takes any non-empty XDG_CONFIG_HOME as it is (no check that it is absolute).
      return path.resolve(env.XDG_CONFIG_HOME || path.join(homedir, '.config'), appName);
  }
}

/**
 * The store file the desktop app opens: settings.json's dbPath when the station has one, else the
 * default file in userData, by the same rules the app applies (settings-schema.ts). Read only:
 * the settings file is the desktop app's to write.
 */
export function desktopStorePath(userDataDir: string, readSettings: (file: string) => string | null): string {
  const file = path.join(userDataDir, 'settings.json');
  const text = readSettings(file);
  let raw: unknown;
  try {
    raw = text === null ? {} : JSON.parse(text);
  } catch (error) {
    // Refused as the desktop app refuses it: the file holds the station id, so it is not guessed around.
    throw new Error(`The desktop app's settings file ${file} could not be read (${error instanceof Error ? error.message : String(error)}); fix or remove it.`, { cause: error });
  }
  const env = { hostname: 'browser', userDataDir, newId: () => '00000000-0000-4000-8000-000000000000' };
  return parseSettings(raw, env).settings.dbPath;
}

export const readTextIfPresent = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};
