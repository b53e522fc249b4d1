import { createShopServer } from './app.js';
import { parseCommandLine, USAGE } from './command-line.js';
import { openServerDb } from './db/connect.js';
import { seedDemo } from './demo.js';

/** Where the database is, in words, without the password of a DATABASE_URL. */
function describeDatabase(url: string | undefined, file: string): string {
  if (!url) return `SQLite ${file}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const sdb = await openServerDb(databaseUrl ? { databaseUrl } : { sqlitePath: options.db });
  const server = createShopServer({ sdb, logger: { level: process.env.LOG_LEVEL || 'warn' } });
  const demo = options.demo ? await seedDemo(server.app, sdb) : null;
  const url = await server.app.listen({ port: options.port, host: options.host });

  const lines = [`Shop backend on ${url} (${describeDatabase(databaseUrl, options.db)}), OpenAPI at ${url}/openapi.json`];
  if (demo) {
    lines.push(demo.seeded ? `Demo marketplace seeded: ${demo.orders} orders.` : 'Demo marketplace already seeded (kept as it is).');
    lines.push('Sign in at the desk with:');
    for (const person of demo.signIns) lines.push(`  ${person.role.padEnd(6)} ${person.email.padEnd(18)} ${person.password}   (${person.name}${person.stores.length ? `: ${person.stores.join(', ')}` : ''})`);
    lines.push(`Storefront API key (X-Api-Key): ${demo.apiKey}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.app.close();
  await sdb.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The shop backend could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
