#!/usr/bin/env node
// npm run test:contract -- --url <backend> --key <storefront API key> --admin <email:password> --seller <email:password>
// Runs the sync contract suite (tests/contract/suite.ts) against any shop backend, so the shop team can check theirs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm run test:contract -- --url <backend URL> --key <storefront API key> --admin <email:password> --seller <email:password>

Runs the sync and storefront contract suite against a running shop backend. It creates orders through the
storefront API and ships some of them, so point it at a test backend, never at a live shop.

  --url      the backend's base URL, e.g. http://127.0.0.1:4000
  --key      the storefront API key (X-Api-Key)
  --admin    an admin's sign-in, as email:password
  --seller   a seller's sign-in (a member of at least one store, while another store exists), as email:password
  --help     print this and exit`;

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { url: { type: 'string' }, key: { type: 'string' }, admin: { type: 'string' }, seller: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ['url', 'key', 'admin', 'seller']) if (!values[name]) fail(`Missing --${name}.`);
const signIn = (flag, value) => {
  const at = value.indexOf(':');
  if (at <= 0) fail(`--${flag} takes email:password.`);
  return { email: value.slice(0, at), password: value.slice(at + 1) };
};
const target = { url: values.url, apiKey: values.key, admin: signIn('admin', values.admin), seller: signIn('seller', values.seller) };
const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/contract/vitest.contract.config.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CONTRACT_URL: values.url, CONTRACT_TARGET: JSON.stringify(target) },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
