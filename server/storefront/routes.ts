import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  storefrontCancellationSchema,
  storefrontDeliverySchema,
  storefrontOrderSchema,
  storefrontReturnSchema,
  type OrderDoc,
  type StorefrontOrder,
} from '../../shared/contract/sync-protocol.js';
import type { ServerContext } from '../context.js';
import type { Dialect } from '../db/connect.js';
import { reserveIds, type IdBlock } from '../db/ids.js';
import type { ServerDatabase } from '../db/schema.js';
import { HttpError, parseBody } from '../http/errors.js';
import { addCancellationRequest, addReturnRequest, newOrderDoc, reportDelivery, type EventIds, type MutationResult } from '../orders/rules.js';
import { loadOrderForUpdate, ordersByTracking, writeOrder } from '../orders/store.js';
import { requireApiKey } from './api-keys.js';
import { once, refusal, type StorefrontAnswer, type Written } from './requests.js';

type Trx = Transaction<ServerDatabase>;
const EVENT_BLOCK = 16;
const eventIds = (block: IdBlock): EventIds => ({ eventId: () => block.next() });

/** The customer with this email, made on their first order. */
async function customerId(db: Kysely<ServerDatabase>, customer: StorefrontOrder['customer'], now: number): Promise<number> {
  const email = customer.email.trim().toLowerCase();
  await db
    .insertInto('customers')
    .values({ email, name: customer.name, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const row = await db.selectFrom('customers').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

/** Every item's store must exist: an unknown one is a field error, and nothing is written. */
async function checkStores(db: Kysely<ServerDatabase>, input: StorefrontOrder): Promise<void> {
  const wanted = [...new Set(input.items.map((item) => item.storeId))];
  const found = new Set((await db.selectFrom('stores').select('id').where('id', 'in', wanted).execute()).map((row) => row.id));
  const fields: Record<string, string> = {};
  input.items.forEach((item, index) => {
    if (!found.has(item.storeId)) fields[`items.${index}.storeId`] = `There is no store ${item.storeId}.`;
  });
  if (Object.keys(fields).length) throw new HttpError(400, 'INVALID_INPUT', 'An item names a store that does not exist.', fields);
}

/** Changes one existing order (found by number) with a pure storefront rule. */
async function changeOrder(
  trx: Trx,
  dialect: Dialect,
  orderNumber: string,
  requestId: string,
  change: (doc: OrderDoc) => MutationResult,
): Promise<Written> {
  const found = await loadOrderForUpdate(trx, dialect, { number: orderNumber });
  if (!found) throw new HttpError(404, 'NOT_FOUND', `There is no order ${orderNumber}.`);
  const changed = change(found.doc);
  if (!changed.ok) throw refusal(changed);
  // A repeat of what the order already records (the same delivery reported twice) writes nothing.
  if (changed.changed) await writeOrder(trx, changed.value, found.doc);
  return { answer: { orderId: found.doc.id, number: found.doc.number, requestId, created: true }, storeIds: found.doc.storeIds };
}

/** The storefront's calls, each behind the API key (`X-Api-Key`) and idempotent by requestId. */
export function storefrontRoutes(root: FastifyInstance, ctx: ServerContext): void {
  void root.register(async (app) => {
    app.addHook('onRequest', async (request) => requireApiKey(ctx.sdb.db, request.headers['x-api-key']));
    routes(app, ctx);
  });
}

function routes(app: FastifyInstance, ctx: ServerContext): void {
  const { db, dialect } = ctx.sdb;
  const events = (attempt: number) => reserveIds(db, 'event', EVENT_BLOCK * 4 ** attempt);

  /** A paid order, as Stripe Checkout completed it. */
  app.post('/storefront/orders', async (request, reply): Promise<StorefrontAnswer> => {
    const input = parseBody(storefrontOrderSchema, request.body);
    const answer = await once(
      ctx,
      input.requestId,
      'order',
      async (attempt) => {
        await checkStores(db, input);
        const [orderId, items, eventBlock, number, customer] = [
          (await reserveIds(db, 'order', 1)).next(),
          await reserveIds(db, 'item', input.items.length),
          await events(attempt),
          input.number ?? String((await reserveIds(db, 'order_number', 1)).next()),
          await customerId(db, input.customer, ctx.now()),
        ];
        return { orderId, items, eventBlock, number, customer };
      },
      async (trx, ids, now) => {
        const taken = await trx.selectFrom('orders').select('id').where('number', '=', ids.number).executeTakeFirst();
        if (taken) throw new HttpError(409, 'CONFLICT', `An order numbered ${ids.number} exists already.`);
        const built = newOrderDoc(
          input,
          { orderId: ids.orderId, customerId: ids.customer, number: ids.number, itemId: () => ids.items.next(), ...eventIds(ids.eventBlock) },
          now,
        );
        if (!built.ok) throw refusal(built);
        await writeOrder(trx, built.value, null);
        return { answer: { orderId: built.value.id, number: built.value.number, requestId: input.requestId, created: true }, storeIds: built.value.storeIds };
      },
    );
    return reply.code(answer.created ? 201 : 200).send(answer);
  });

  app.post('/storefront/cancellation-requests', async (request, reply): Promise<StorefrontAnswer> => {
    const input = parseBody(storefrontCancellationSchema, request.body);
    const answer = await once(ctx, input.requestId, 'cancellation', events, (trx, block, now) =>
      changeOrder(trx, dialect, input.orderNumber, input.requestId, (doc) =>
        addCancellationRequest(doc, { id: input.requestId, requestedBy: doc.customer.id, reason: input.reason, now }, eventIds(block)),
      ),
    );
    return reply.code(answer.created ? 201 : 200).send(answer);
  });

  app.post('/storefront/return-requests', async (request, reply): Promise<StorefrontAnswer> => {
    const input = parseBody(storefrontReturnSchema, request.body);
    const answer = await once(ctx, input.requestId, 'return', events, (trx, block, now) =>
      changeOrder(trx, dialect, input.orderNumber, input.requestId, (doc) =>
        addReturnRequest(
          doc,
          { id: input.requestId, requestedBy: doc.customer.id, items: input.items, reason: input.reason, description: input.description, now },
          eventIds(block),
        ),
      ),
    );
    return reply.code(answer.created ? 201 : 200).send(answer);
  });

  /** A carrier reports a parcel delivered, by its tracking number. */
  app.post('/storefront/deliveries', async (request, reply): Promise<StorefrontAnswer> => {
    const input = parseBody(storefrontDeliverySchema, request.body);
    const answer = await once(ctx, input.requestId, 'delivery', events, async (trx, block) => {
      const orderIds = await ordersByTracking(trx, input.trackingNumber);
      if (!orderIds.length) throw new HttpError(404, 'NOT_FOUND', 'No parcel has this tracking number.');
      const written: Written[] = [];
      for (const orderId of orderIds) {
        const number = (await trx.selectFrom('orders').select('number').where('id', '=', orderId).executeTakeFirstOrThrow()).number;
        written.push(
          await changeOrder(trx, dialect, number, input.requestId, (doc) =>
            reportDelivery(doc, input.trackingNumber, input.deliveredAt, eventIds(block)),
          ),
        );
      }
      const [first] = written;
      if (!first) throw new HttpError(404, 'NOT_FOUND', 'No parcel has this tracking number.');
      return { answer: first.answer, storeIds: [...new Set(written.flatMap((each) => each.storeIds))] };
    });
    return reply.code(answer.created ? 201 : 200).send(answer);
  });
}
