import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withCheckDigit } from '../../shared/domain/tracking.js';
import {
  errorBodySchema,
  orderDocSchema,
  pulledRowSchema,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  storeDocSchema,
  storefrontAnswerSchema,
  type OrderDoc,
  type PulledRow,
  type PushedMutation,
  type PullResponse,
  type SignInResponse,
  type StoreDoc,
} from '../../shared/contract/sync-protocol.js';

/**
 * A shop backend as the contract suite sees it: a URL, the storefront's API key and two staff
 * sign-ins (an admin, and a seller of at least one store while another store exists). Nothing
 * else is assumed, so the suite runs against the reference server or the shop team's own.
 */
export interface ContractTarget {
  url: string;
  apiKey: string;
  admin: { email: string; password: string };
  seller: { email: string; password: string };
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

export class BackendClient {
  constructor(readonly target: ContractTarget) {}

  async request(method: string, path: string, options: { body?: unknown; rawBody?: string; token?: string; apiKey?: string } = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    const response = await fetch(new URL(path, this.target.url), {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text.length ? JSON.parse(text) : null;
    } catch {
      // Left as text: the caller's assertion shows what came back.
    }
    return { status: response.status, body, headers: response.headers };
  }

  /** A 2xx answer parsed with `schema`; anything else fails with what the server said. */
  async expectOk<T>(schema: z.ZodType<T>, method: string, path: string, options: Parameters<BackendClient['request']>[2] = {}): Promise<T> {
    const answer = await this.request(method, path, options);
    if (answer.status < 200 || answer.status > 299) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new Error(`${method} ${path} answered a body that breaks the protocol: ${parsed.error.message}`);
    return parsed.data;
  }

  signIn(who: { email: string; password: string }): Promise<SignInResponse> {
    return this.expectOk(signInResponseSchema, 'POST', '/auth/sign-in', { body: { email: who.email, password: who.password } });
  }

  pull(token: string, clientId: string, cursor: string | null, limit = 1000): Promise<PullResponse> {
    return this.expectOk(pullResponseSchema, 'POST', '/sync/pull', { token, body: { clientId, cursor, limit } });
  }

  push(token: string, clientId: string, mutations: PushedMutation[]) {
    return this.expectOk(pushResponseSchema, 'POST', '/sync/push', { token, body: { clientId, mutations } });
  }

  createOrder(body: Record<string, unknown>) {
    return this.expectOk(storefrontAnswerSchema, 'POST', '/storefront/orders', { apiKey: this.target.apiKey, body });
  }

  /** Pulls from `cursor` until the server has nothing more; every row parsed. */
  async pullAll(token: string, clientId: string, cursor: string | null = null, limit = 1000) {
    const rows: PulledRow[] = [];
    let next = cursor;
    for (let page = 0; page < 100_000; page++) {
      const answer = await this.pull(token, clientId, next, limit);
      if (answer.status === 'reset') throw new Error(`unexpected reset: ${answer.reason}`);
      rows.push(...answer.rows.map((row) => pulledRowSchema.parse(row)));
      next = answer.cursor;
      if (!answer.more) return { rows, cursor: answer.cursor, lastMutationId: answer.lastMutationId };
    }
    throw new Error('the server kept answering more: true');
  }
}

export const parseOrder = (row: PulledRow): OrderDoc | null => (row.op === 'put' && row.type === 'order' ? orderDocSchema.parse(row.data) : null);
export const parseStore = (row: PulledRow): StoreDoc | null => (row.op === 'put' && row.type === 'store' ? storeDocSchema.parse(row.data) : null);

export const errorCode = (answer: HttpAnswer): string | undefined => errorBodySchema.safeParse(answer.body).data?.error.code;

export const ADDRESS = { name: 'Ada Contract', street: '1 Test Way', street2: null, city: 'Portland', state: 'OR', zip: '97201', country: 'US', phone: null };

/** A paid storefront order with one line per store given; request ids are fresh unless passed. */
export function orderBody(storeIds: number[], requestId = `contract-${randomUUID()}`) {
  const items = storeIds.map((storeId, index) => ({
    storeId,
    sku: `CT-${storeId}-${index}`,
    title: `Contract item ${index + 1}`,
    barcode: null,
    isDigital: false,
    quantity: 2,
    unitPriceCents: 1250,
  }));
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  return {
    requestId,
    customer: { name: 'Ada Contract', email: 'ada.contract@example.com', phone: null, smsConsent: false },
    billingAddress: ADDRESS,
    shippingAddress: ADDRESS,
    shippingMethod: 'Ground',
    items,
    shippingCents: 500,
    taxCents: 0,
    discountCents: 0,
    customerNote: null,
    payment: { paymentIntentId: `pi_${randomUUID().replaceAll('-', '')}`, capturedCents: subtotal + 500 },
  };
}

/** A valid UPS number (1Z, shipper, service, package, check digit), different each call. */
export function upsNumber(): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  return withCheckDigit('ups', `1ZCT${digits(4)}01${digits(7)}`)!;
}
