import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../server/command-line.js';

describe('npm run server command line', () => {
  it('reads the options, with SHOP_DB as the default file', () => {
    expect(parseCommandLine(['--demo', '--port', '9000', '--db=x.sqlite'], {})).toEqual({
      ok: true,
      options: { demo: true, port: 9000, host: '127.0.0.1', db: 'x.sqlite', help: false },
    });
    expect(parseCommandLine([], { SHOP_DB: '/data/shop.sqlite' })).toMatchObject({ ok: true, options: { db: '/data/shop.sqlite', port: 8787 } });
  });

  it('refuses a bad option in one line', () => {
    expect(parseCommandLine(['--prot', '80'], {})).toMatchObject({ ok: false, message: expect.stringMatching(/^Unknown option '--prot'/) });
    expect(parseCommandLine(['extra'], {})).toMatchObject({ ok: false, message: expect.stringMatching(/^Unexpected argument 'extra'/) });
    expect(parseCommandLine(['--port', 'eighty'], {})).toMatchObject({ ok: false, message: expect.stringMatching(/--port needs a number/) });
    expect(parseCommandLine(['--port', '70000'], {})).toMatchObject({ ok: false });
    expect(parseCommandLine(['--db'], {})).toMatchObject({ ok: false, message: expect.stringMatching(/^Option '--db <value>' argument missing/) });
  });
});
