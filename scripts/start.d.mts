// Types for the parts of scripts/start.mjs that tests/electron reuses to launch the app as `npm start` does.
export type FoundElectron = { ok: true; binary: string; version: string } | { ok: false; reason: string; version: string };
export declare function findElectron(): FoundElectron;
export declare function prepareDesktop(
  electron: { binary: string; version: string },
  env?: Record<string, string | undefined>,
): Promise<{ command: string; args: string[]; env: Record<string, string | undefined> }>;
