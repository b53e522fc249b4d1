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

export function parseCommandLine(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed {
  const options: CliOptions = { demo: false, port: 8787, host: '127.0.0.1', db: env.SHOP_DB || './shop.sqlite', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    switch (flag) {
      case '--demo':
        options.demo = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--port': {
        const text = value();
        const port = Number(text);
        if (text === null || !/^\d+$/.test(text) || port > 65535) return { ok: false, message: `--port needs a number from 0 to 65535${text === null ? '' : `, not "${text}"`}.` };
        options.port = port;
        break;
      }
      case '--host': {
        const text = value();
        if (!text) return { ok: false, message: '--host needs an address.' };
        options.host = text;
        break;
      }
      case '--db': {
        const text = value();
        if (!text) return { ok: false, message: '--db needs a file name.' };
        options.db = text;
        break;
      }
      default:
        return { ok: false, message: `Unknown option "${arg}".` };
    }
  }
  return { ok: true, options };
}
