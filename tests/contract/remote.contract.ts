import { z } from 'zod';
import { contractSuite } from './suite.js';

// Run by `npm run test:contract` (scripts/test-contract.mjs), which passes the target in the environment.
const targetSchema = z.object({
  url: z.url(),
  apiKey: z.string().min(1),
  admin: z.object({ email: z.string(), password: z.string() }),
  seller: z.object({ email: z.string(), password: z.string() }),
});

contractSuite(process.env.CONTRACT_URL ?? 'backend', () => targetSchema.parse(JSON.parse(process.env.CONTRACT_TARGET ?? '{}')));
