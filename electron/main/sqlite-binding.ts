// Which better-sqlite3 driver the desktop app loads. No 'electron' import: index.ts passes in
// app.isPackaged (through platform/lifecycle.ts), so this decision is tested on its own.

export const SQLITE_BINDING_ENV = 'ORDER_DESK_SQLITE_BINDING';

/**
 * The native driver override from the environment, or undefined for the bundled one.
 *
 * A development checkout needs the override: `npm start` builds an Electron-ABI driver beside
 * node_modules, whose own copy is built for Node. A packaged app ships its driver and must never
 * take one from the environment, or anyone able to set a variable could load any native module
 * into a process that holds the store and the mail secrets.
 */
export function sqliteBindingOverride(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const value = env[SQLITE_BINDING_ENV];
  return value ? value : undefined;
}
