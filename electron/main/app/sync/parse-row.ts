import { z } from 'zod';
import {
  orderDocSchema,
  pulledDataSchemas,
  pulledRowSchema,
  type OrderDoc,
  type PulledRow,
  type StaffDoc,
  type StoreDoc,
} from '../../../../shared/contract/sync-protocol.js';
import { usAddressSchema, type UsAddress } from '../../../../shared/domain/address.js';

/** A row that parsed (what to do, with the parsed doc for a put), or why it didn't. */
export type ParsedRow =
  | { ok: true; kind: 'del'; row: PulledRow }
  | { ok: true; kind: 'order'; row: PulledRow; doc: OrderDoc }
  | { ok: true; kind: 'store'; row: PulledRow; doc: StoreDoc }
  | { ok: true; kind: 'staff'; row: PulledRow; doc: StaffDoc }
  | { ok: false; type: string | null; id: number | null; version: number | null; error: string };

type Issues = ReadonlyArray<{ path: PropertyKey[]; message: string }>;

const firstIssue = (issues: Issues, prefix = ''): string => {
  const issue = issues[0];
  if (!issue) return 'does not parse';
  const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  return `${path || '(row)'}: ${issue.message}`;
};

/**
 * An order doc with its two addresses left for parseAddress. The address rules (trimmed text,
 * state codes, ZIP formats) are most of the cost of parsing an order, and a customer's orders
 * carry the same addresses again and again: a first connection parses a million of them.
 */
const orderShellSchema = orderDocSchema.extend({ billingAddress: z.unknown(), shippingAddress: z.unknown() });

type AddressAnswer = { ok: true; value: UsAddress } | { ok: false; issues: Issues };

const ADDRESS_MEMO_MAX = 20_000;
const addressMemo = new Map<string, AddressAnswer>();

/** usAddressSchema, remembered by the address's JSON text (the same text always parses the same). */
function parseAddress(raw: unknown): AddressAnswer {
  const key = JSON.stringify(raw) ?? 'undefined';
  const known = addressMemo.get(key);
  if (known) return known;
  const parsed = usAddressSchema.safeParse(raw);
  const answer: AddressAnswer = parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: parsed.error.issues };
  if (addressMemo.size >= ADDRESS_MEMO_MAX) addressMemo.clear();
  addressMemo.set(key, answer);
  return answer;
}

/** The same answer as orderDocSchema.safeParse, the addresses parsed through the memo. */
function parseOrderDoc(raw: unknown): { ok: true; value: OrderDoc } | { ok: false; error: string } {
  const shell = orderShellSchema.safeParse(raw);
  if (!shell.success) return { ok: false, error: firstIssue(shell.error.issues) };
  const billing = parseAddress(shell.data.billingAddress);
  if (!billing.ok) return { ok: false, error: firstIssue(billing.issues, 'billingAddress') };
  let shipping: UsAddress | null = null;
  if (shell.data.shippingAddress !== null) {
    const parsed = parseAddress(shell.data.shippingAddress);
    if (!parsed.ok) return { ok: false, error: firstIssue(parsed.issues, 'shippingAddress') };
    shipping = parsed.value;
  }
  return { ok: true, value: { ...shell.data, billingAddress: billing.value, shippingAddress: shipping } };
}

/** One pulled row, parsed on its own: a row that doesn't parse is set aside, not the page. */
export function parsePulledRow(raw: unknown): ParsedRow {
  const row = pulledRowSchema.safeParse(raw);
  if (!row.success) {
    const loose = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const num = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);
    return {
      ok: false,
      type: typeof loose.type === 'string' ? loose.type.slice(0, 40) : null,
      id: num(loose.id),
      version: num(loose.version),
      error: firstIssue(row.error.issues),
    };
  }
  const pulled = row.data;
  if (pulled.op === 'del') return { ok: true, kind: 'del', row: pulled };
  const refuse = (error: string): ParsedRow => ({ ok: false, type: pulled.type, id: pulled.id, version: pulled.version, error });
  const wrongId = (id: number) => refuse(`data.id ${id} is not the row's id`);
  switch (pulled.type) {
    case 'order': {
      const doc = parseOrderDoc(pulled.data);
      if (!doc.ok) return refuse(doc.error);
      return doc.value.id === pulled.id ? { ok: true, kind: 'order', row: pulled, doc: doc.value } : wrongId(doc.value.id);
    }
    case 'store': {
      const doc = pulledDataSchemas.store.safeParse(pulled.data);
      if (!doc.success) return refuse(firstIssue(doc.error.issues));
      return doc.data.id === pulled.id ? { ok: true, kind: 'store', row: pulled, doc: doc.data } : wrongId(doc.data.id);
    }
    case 'staff': {
      const doc = pulledDataSchemas.staff.safeParse(pulled.data);
      if (!doc.success) return refuse(firstIssue(doc.error.issues));
      return doc.data.id === pulled.id ? { ok: true, kind: 'staff', row: pulled, doc: doc.data } : wrongId(doc.data.id);
    }
  }
}
