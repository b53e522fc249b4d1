// Types for scripts/start-lib.mjs (plain JS so `npm start` needs no TypeScript loader).
export declare const ELECTRON_HEADERS_URL: string;
export declare const BETTER_SQLITE_SOURCES: string[];
export declare function electronPlatformPath(platform: string): string;
export declare function resolveElectronBinary(o: {
  electronDir: string;
  pathTxt: string | null;
  platform: string;
  overrideDistPath: string | undefined;
  exists: (p: string) => boolean;
}): { ok: true; binary: string } | { ok: false; reason: string };
export declare function webFallbackMessage(o: { version: string; reason: string }): string;
export declare const START_USAGE: string;
export declare class StartUsageError extends Error {}
export interface StartOptions {
  web: boolean;
  port: number;
  open: boolean;
}
export declare function parseStartArgs(argv: string[], parse: typeof import('node:util').parseArgs): StartOptions | 'help';
export declare const RENDERER_INPUTS: { dirs: string[]; files: string[] };
export declare function rendererBuildNeeded(o: { builtAt: number | null; newestSourceAt: number }): boolean;
export declare function browserOpener(o: {
  platform: string;
  env: Record<string, string | undefined>;
  url: string;
}): { command: string; args: string[] } | null;
export declare function webHostUrl(line: string): string | null;
export declare function nativePaths(
  root: string,
  versions: { betterSqliteVersion: string; electronVersion: string },
): { moduleDir: string; srcDir: string; builtFile: string; outDir: string; outFile: string };
export declare function nodeGypCandidates(o: {
  root: string;
  npmGlobalPrefix: string | null;
  npmBinDir: string | null;
  execPath: string | null;
}): string[];
export declare function nodeGypArgs(o: { electronVersion: string; arch?: string }): string[];
export declare function nodeGypEnv(env: Record<string, string | undefined>): Record<string, string>;
export declare function headerDownloadFailure(output: string): string | null;
export declare function headersFailureMessage(o: { electronVersion: string; reason: string }): string;
export declare function nativeBuildFailureMessage(o: { electronVersion: string; exitCode: number; outFile: string }): string;
export declare function nodeGypMissingMessage(candidates: string[]): string;
export declare function electronLaunch(o: {
  binary: string;
  root: string;
  bindingPath: string;
  env: Record<string, string | undefined>;
}): { command: string; args: string[]; env: Record<string, string | undefined> };
export declare function exitCodeOf(code: number | null, signal: string | null): number;
