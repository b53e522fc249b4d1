/**
 * Seeds a local store with a deterministic demo marketplace.
 *
 *   npm run seed -- --db <file> --orders <N> [--seed <S>] [--demo]   (--help for more)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCommandLine, runCommand, UsageError } from '../electron/web-host/command-line.js';

const USAGE = `Usage: npm run seed -- --db <file> --orders <N> [--seed <S>] [--demo]

Fills a new store with a deterministic marketplace: an admin, eight sellers' stores, customers and
<N> orders. The store is built beside <file> and renamed into place when complete; a file that
already holds orders or users is refused.

  --db <file>       the store to create (its folder must exist)
  --orders <N>      how many orders, 1 to 5,000,000
  --seed <S>        the random seed, 0 to 4294967295 (default 1): the same seed gives the same store
  --demo            mark the stores as demo data ("Demo · " names)
  -h, --help        show this help`;
const MAX_ORDERS = 5_000_000;

export interface SeedCliOptions {
  db: string;
  orders: number;
  seed: number;
  demo: boolean;
}

/** Parses and validates the command line: the options, 'help', or a one-line UsageError. */
export function parseSeedArgs(argv: string[]): SeedCliOptions | 'help' {
  const { values } = parseCommandLine(() =>
    parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        orders: { type: 'string' },
        seed: { type: 'string', default: '1' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return 'help';
  if (!values.db) throw new UsageError('--db <file> is required.');
  if (values.orders === undefined) throw new UsageError('--orders <N> is required.');
  const orders = Number(values.orders);
  if (!/^\d+$/.test(values.orders.trim()) || !Number.isSafeInteger(orders) || orders < 1 || orders > MAX_ORDERS) {
    throw new UsageError(`--orders must be a whole number from 1 to ${MAX_ORDERS.toLocaleString('en-US')}, got "${values.orders}".`);
  }
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed.trim()) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got "${values.seed}".`);
  }
  return { db: values.db, orders, seed, demo: values.demo };
}

async function main(argv: string[]): Promise<number> {
  const options = parseSeedArgs(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const file = path.resolve(options.db);
  if (!existsSync(path.dirname(file))) throw new UsageError(`--db: the folder ${path.dirname(file)} does not exist.`);
  // The database modules load only once the command line is known good: --help answers at once.
  const [{ openStore }, { seedStoreFile }] = await Promise.all([import('../db/open.js'), import('../db/seed/seed-file.js')]);
  const started = performance.now();
  const refusal = existsSync(file) ? whyNotSeed(file, openStore) : null;
  if (refusal) {
    console.error(refusal);
    return 1;
  }
  try {
    let lastReport = 0;
    const summary = seedStoreFile(file, {
      orders: options.orders,
      seed: options.seed,
      demo: options.demo,
      onProgress: (done) => {
        if (process.stderr.isTTY && (done - lastReport >= 50_000 || done === options.orders)) {
          lastReport = done;
          process.stderr.write(`\r  ${done.toLocaleString('en-US')} / ${options.orders.toLocaleString('en-US')} orders`);
          if (done === options.orders) process.stderr.write('\n');
        }
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${file}: ${summary.orders.toLocaleString('en-US')} orders, ${summary.users.toLocaleString('en-US')} users, ` +
        `${summary.stores} stores${options.demo ? ' (demo)' : ''}, seed ${options.seed}, in ${seconds} s (admin is user ${summary.adminUserId}).`,
    );
    return 0;
  } catch (error) {
    console.error(`Seeding failed, ${file} was not changed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Why an existing file must not be replaced by a seed, or null when it holds nothing to lose. */
function whyNotSeed(file: string, openStore: typeof import('../db/open.js').openStore): string | null {
  let store;
  try {
    store = openStore(file);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    const existing = (store.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    if (existing > 0) {
      return `${file} already has ${existing.toLocaleString('en-US')} orders; refusing to seed on top of them. Use a new file or delete this one.`;
    }
    const users = (store.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    if (users > 0) return `${file} already has ${users} users; refusing to seed on top of them. Use a new file or delete this one.`;
    return null;
  } finally {
    store.close();
  }
}

void runCommand(USAGE, () => main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
