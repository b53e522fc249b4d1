// `npm run dev:web`: reads the command line, then starts the browser desk (serve-desk.ts).
// Only light modules load before the arguments are checked, so --help and mistakes answer at once.
import { parseArgs } from 'node:util';
import { parseCommandLine, runCommand, UsageError } from './command-line.js';
import type { DeskOptions } from './serve-desk.js';

const USAGE = `Usage: npm run dev:web -- (--db <file> | --desktop) [options]

Runs the desk in a browser: serves the built renderer (out/renderer) and the handler table on
http://127.0.0.1, for development, tests and machines without the Electron binary.

  --db <file>       the order store to open (created if missing)
  --desktop         open the desktop app's own store in its user data folder instead
  --demo            seed the demo marketplace into a new or blank store first
                    (always done with --desktop, as the desktop app's first launch does)
  --port <n>        port on 127.0.0.1 (default 5174; 0 picks a free one)
  --user <email>    act as this staff member (default: the first admin)
  -h, --help        show this help`;

function parseWebArgs(argv: string[]): DeskOptions | 'help' {
  const { values } = parseCommandLine(() =>
    parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        desktop: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        port: { type: 'string', default: '5174' },
        user: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return 'help';
  if (values.db !== undefined && values.desktop) throw new UsageError('Give either --db <file> or --desktop, not both.');
  if (values.db === undefined && !values.desktop) throw new UsageError('--db <file> or --desktop is required.');
  if (values.db === '') throw new UsageError('--db needs a file name.');
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) {
    throw new UsageError(`--port must be a port number from 0 to 65535, got "${values.port}".`);
  }
  return { db: values.db ?? null, demo: values.demo || values.desktop, port: Number(values.port), user: values.user };
}

async function main(argv: string[]): Promise<number> {
  const options = parseWebArgs(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { serveDesk } = await import('./serve-desk.js');
  return serveDesk(options);
}

void runCommand(USAGE, () => main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
