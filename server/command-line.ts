import { parseArgs } from 'node:util';

/** The shop backend's command line, parsed without side effects so it can be tested. */

export interface CliOptions {
  demo: boolean;
  port: number;
  host: string;
  db: string;
  help: boolean;
}

export const USAGE = `Usage: npm run server -- [--demo] [--port N] [--host ADDRESS] [--db FILE] [--help]

  --demo          seed a demo marketplace into an empty database, and print its sign-ins and an API key
  --port N        port to listen on (default 8787; 0 picks a free one)
  --host ADDRESS  address to listen on (default 127.0.0.1; 0.0.0.0 for the network)
  --db FILE       SQLite file (default $SHOP_DB or ./shop.sqlite)
  --help          this text

With DATABASE_URL set (postgres://user:password@host/database), PostgreSQL is used instead of SQLite.
LOG_LEVEL=info logs every request (method, URL, status, time); the default, warn, only problems.`;

export type Parsed = { ok: true; options: CliOptions } | { ok: false; message: string };

/** The options as node:util's parseArgs reads them: its sentences for unknown options and strays. */
const OPTIONS = {
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
} as const;

export function parseCommandLine(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed {
  let values: { demo?: boolean; help?: boolean; port?: string; host?: string; db?: string };
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const options: CliOptions = { demo: values.demo ?? false, port: 8787, host: '127.0.0.1', db: env.SHOP_DB || './shop.sqlite', help: values.help ?? false };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) return { ok: false, message: `--port needs a number from 0 to 65535, not "${values.port}".` };
    options.port = port;
  }
  if (values.host !== undefined) {
    if (!values.host) return { ok: false, message: '--host needs an address.' };
    options.host = values.host;
  }
  if (values.db !== undefined) {
    if (!values.db) return { ok: false, message: '--db needs a file name.' };
    options.db = values.db;
  }
  return { ok: true, options };
}
