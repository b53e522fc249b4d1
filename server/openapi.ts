import { z } from 'zod';
import {
  PROTOCOL_VERSION,
  errorBodySchema,
  pullRequestSchema,
  pullResponseSchema,
  pulledRowSchema,
  pulledDataSchemas,
  pushRequestSchema,
  pushResponseSchema,
  signInRequestSchema,
  signInResponseSchema,
  storefrontAnswerSchema,
  storefrontCancellationSchema,
  storefrontDeliverySchema,
  storefrontOrderSchema,
  storefrontReturnSchema,
} from '../shared/contract/sync-protocol.js';
import { disableResponseSchema, meResponseSchema, signOutResponseSchema } from './auth/routes.js';

type Json = Record<string, unknown>;

/** A zod schema as OpenAPI 3.1 JSON Schema: requests as callers write them, answers as sent. */
const schema = (zod: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(zod, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;

const json = (zod: z.ZodType, io: 'input' | 'output') => ({ content: { 'application/json': { schema: schema(zod, io) } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: ERROR_TEXT[status] ?? 'Error', ...json(errorBodySchema, 'output') }]));

const ERROR_TEXT: Record<number, string> = {
  400: 'INVALID_INPUT: the body is malformed; `fields` names each problem. Nothing was changed.',
  401: 'UNAUTHENTICATED: no, an unknown, an expired or a revoked token / API key.',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'A business rule refused the request (its code says which).',
  413: 'TOO_LARGE: the body is over the limit (5 MB for a push, 64 KB elsewhere).',
  429: 'RATE_LIMITED: wait for Retry-After seconds.',
  500: 'INTERNAL: retry later.',
};

const bearer = [{ bearer: [] }];
const apiKey = [{ apiKey: [] }];

interface Operation {
  summary: string;
  security?: Json[];
  request?: z.ZodType;
  response: z.ZodType;
  status?: number;
  errors: number[];
}

function operation(op: Operation): Json {
  return {
    summary: op.summary,
    ...(op.security ? { security: op.security } : { security: [] }),
    ...(op.request ? { requestBody: { required: true, ...json(op.request, 'input') } } : {}),
    responses: { [String(op.status ?? 200)]: { description: 'OK', ...json(op.response, 'output') }, ...errors(...op.errors) },
  };
}

/** The OpenAPI document of the sync and storefront endpoints, built from the contract's zod schemas. */
export function openApiDocument(): Json {
  const storefront = (summary: string, request: z.ZodType) =>
    operation({ summary, security: apiKey, request, response: storefrontAnswerSchema, status: 201, errors: [400, 401, 404, 409, 413] });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shomp shop backend (Order Desk reference)',
      version: String(PROTOCOL_VERSION),
      description:
        'Sync (push, pull, poke) for Order Desk stations and the storefront calls. A repeated storefront requestId answers 200 with the first answer (created: false).',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token from POST /auth/sign-in.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: {
        PulledRow: schema(pulledRowSchema, 'output'),
        OrderDoc: schema(pulledDataSchemas.order, 'output'),
        StoreDoc: schema(pulledDataSchemas.store, 'output'),
        StaffDoc: schema(pulledDataSchemas.staff, 'output'),
        ErrorBody: schema(errorBodySchema, 'output'),
      },
    },
    paths: {
      '/auth/sign-in': { post: operation({ summary: 'Staff sign-in', request: signInRequestSchema, response: signInResponseSchema, errors: [400, 401, 403, 413, 429] }) },
      '/auth/sign-out': { post: operation({ summary: 'Ends this session', security: bearer, response: signOutResponseSchema, errors: [401] }) },
      '/auth/me': { get: operation({ summary: 'The signed-in person', security: bearer, response: meResponseSchema, errors: [401] }) },
      '/admin/users/{id}/disable': {
        post: {
          ...operation({ summary: 'Disables staff and ends their sessions (admins)', security: bearer, response: disableResponseSchema, errors: [400, 401, 403, 404, 409] }),
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        },
      },
      '/sync/push': { post: operation({ summary: 'Applies mutations in order, each once per client', security: bearer, request: pushRequestSchema, response: pushResponseSchema, errors: [400, 401, 413, 500] }) },
      '/sync/pull': { post: operation({ summary: 'Rows changed since the cursor, in the reader’s scope (rows[] are PulledRow)', security: bearer, request: pullRequestSchema, response: pullResponseSchema, errors: [400, 401, 413, 500] }) },
      '/sync/events': {
        get: {
          summary: 'Server-sent events: `poke` when something in the reader’s scope changed (pull then); a comment every 15 s',
          security: bearer,
          responses: { '200': { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(401) },
        },
      },
      '/storefront/orders': { post: storefront('A paid order, as Stripe Checkout completed it', storefrontOrderSchema) },
      '/storefront/cancellation-requests': { post: storefront('A customer asks to cancel', storefrontCancellationSchema) },
      '/storefront/return-requests': { post: storefront('A customer asks to return items', storefrontReturnSchema) },
      '/storefront/deliveries': { post: storefront('A carrier reports a delivery', storefrontDeliverySchema) },
    },
  };
}
