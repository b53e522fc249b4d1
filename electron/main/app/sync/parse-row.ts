import {
  pulledDataSchemas,
  pulledRowSchema,
  type OrderDoc,
  type PulledRow,
  type StaffDoc,
  type StoreDoc,
} from '../../../../shared/contract/sync-protocol.js';

/** A row that parsed (what to do, with the parsed doc for a put), or why it didn't. */
export type ParsedRow =
  | { ok: true; kind: 'del'; row: PulledRow }
  | { ok: true; kind: 'order'; row: PulledRow; doc: OrderDoc }
  | { ok: true; kind: 'store'; row: PulledRow; doc: StoreDoc }
  | { ok: true; kind: 'staff'; row: PulledRow; doc: StaffDoc }
  | { ok: false; type: string | null; id: number | null; version: number | null; error: string };

type Issues = ReadonlyArray<{ path: PropertyKey[]; message: string }>;

const firstIssue = (issues: Issues): string => {
  const issue = issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(row)'}: ${issue.message}` : 'does not parse';
};

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
      const doc = pulledDataSchemas.order.safeParse(pulled.data);
      if (!doc.success) return refuse(firstIssue(doc.error.issues));
      return doc.data.id === pulled.id ? { ok: true, kind: 'order', row: pulled, doc: doc.data } : wrongId(doc.data.id);
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
