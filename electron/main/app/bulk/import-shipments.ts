import type { EventPayload, ImportReport, JobProgress, ParsedInput } from '../../../../shared/contract/index.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { CARRIER_LABELS, checkTracking, normalizeTrackingNumber, type Tracking } from '../../../../shared/domain/tracking.js';
import { orderStoreIds } from '../../../../db/queries/order-detail.js';
import type { OrderStore } from '../../../../db/store.js';
import { runInSlices, type CancelFlag, type RunningJobs } from '../../services/jobs/sliced-job.js';
import type { CallActor, AppContext } from '../context.js';
import { ship } from '../packing/ship.js';
import { fieldOf, headerWidth, mapColumns, parseCarrier, type ColumnMap } from './columns.js';
import { decodeCsv } from './decode-csv.js';
import { parseCsv, type CsvRecord } from './parse-csv.js';

type ReportRow = ImportReport['rows'][number];

interface PlannedShipment extends Tracking {
  line: number;
  orderId: number;
  orderNumber: string;
}

const CARRIER_HINT = 'use UPS, USPS, FedEx, DHL or Other (with a carrier name and tracking URL)';
/**
 * Lines per slice, and per commit: a slice runs without a break (~0.5 ms a line on a 1M-order
 * store, so ~50 ms), then the event loop turns and other calls are answered. Large enough to
 * share index and search page writes between lines, small enough that nobody notices the wait.
 */
const LINES_PER_SLICE = 100;
const PROGRESS_EVERY_LINES = 500;
const PROGRESS_EVERY_MS = 250;
const NOT_REACHED = 'Not reached: the import was cancelled before this line. Nothing was done with it; import it again.';

interface Lookups {
  orderByNumber(number: string): { id: number; number: string } | undefined;
  inScope(orderId: number): boolean;
  /** Stores (within scope) with physical items left to ship: a CSV line can name only one parcel. */
  storesLeftToShip(orderId: number): number;
}

// Hand-written: run for each of 10,000 lines (csv_import_10000 figure).
function lookups(ctx: AppContext, actor: CallActor): Lookups {
  const { store } = ctx;
  return {
    orderByNumber(number) {
      const exact = store.selectOne<{ id: number; number: string }>('SELECT id, number FROM orders WHERE number = ?', [number]);
      // Spreadsheets and people lowercase things; order numbers are issued in uppercase.
      return exact ?? (number === number.toUpperCase() ? undefined : this.orderByNumber(number.toUpperCase()));
    },
    inScope(orderId) {
      return actor.scope.canSeeAny(() => orderStoreIds(store, orderId));
    },
    storesLeftToShip(orderId) {
      const stores = store.select<{ store_id: number }>(
        'SELECT DISTINCT store_id FROM order_items WHERE order_id = ? AND is_digital = 0 AND fulfilled_quantity < quantity',
        [orderId],
      );
      return actor.scope.filter(stores, (row) => row.store_id).length;
    },
  };
}

/** Checks one line without writing anything: every problem with it, as sentences, or the shipment it asks for. */
function checkRecord(
  record: CsvRecord,
  columns: ColumnMap,
  width: number,
  find: Lookups,
  actor: CallActor,
  firstLineOf: Map<number, number>,
): Result<PlannedShipment> {
  if (record.problem) return fail('INVALID_INPUT', record.problem);
  const extra = record.fields.slice(width).filter((field) => field.trim() !== '');
  if (extra.length > 0) {
    const values = width + extra.length;
    return fail(
      'INVALID_INPUT',
      `This line has ${values} values but the header names ${width} columns. Put quotes around any value that contains a comma.`,
    );
  }
  const orderNumber = fieldOf(record.fields, columns, 'orderNumber');
  const carrierText = fieldOf(record.fields, columns, 'carrier');
  const trackingNumber = fieldOf(record.fields, columns, 'trackingNumber');
  const problems: string[] = [];

  let orderId: number | null = null;
  if (orderNumber === '') {
    problems.push('The order number is empty.');
  } else {
    const order = find.orderByNumber(orderNumber);
    if (!order || !find.inScope(order.id)) {
      // A seller is told the same for another store's order as for no order at all: numbers can't be probed.
      problems.push(
        actor.scope.seesEveryStore ? `There is no order ${orderNumber} on this desk.` : `There is no order ${orderNumber} in your stores.`,
      );
    } else {
      const earlier = firstLineOf.get(order.id);
      if (earlier !== undefined) {
        problems.push(`Order ${order.number} is already on line ${earlier} of this file; an import ships one parcel per order.`);
      } else {
        firstLineOf.set(order.id, record.line);
        orderId = order.id;
        if (find.storesLeftToShip(order.id) > 1) {
          problems.push(
            `Order ${order.number} has items from several stores still to ship, and a line can't say which parcel it is. Ship it from the order page.`,
          );
        }
      }
    }
  }

  const carrier = carrierText === '' ? null : parseCarrier(carrierText);
  if (carrierText === '') problems.push(`The carrier is empty: ${CARRIER_HINT}.`);
  else if (carrier === null) problems.push(`"${carrierText.slice(0, 40)}" isn't a carrier the desk knows: ${CARRIER_HINT}.`);

  let tracking: Tracking | null = null;
  if (trackingNumber === '') {
    problems.push('The tracking number is empty.');
  } else if (carrier === 'other') {
    const checked = checkTracking({
      carrier,
      trackingNumber,
      carrierName: fieldOf(record.fields, columns, 'carrierName') || null,
      trackingUrl: fieldOf(record.fields, columns, 'trackingUrl') || null,
    });
    if (checked.ok) tracking = checked.value;
    else problems.push(...(checked.fields ? Object.values(checked.fields) : [checked.message]));
  } else if (carrier !== null) {
    // A known carrier's number (format and check digit) is checked once, by ship() itself: the
    // carrier-detection library is the costliest step of a line, and its sentence is the same.
    const normalized = normalizeTrackingNumber(trackingNumber);
    tracking = { carrier, trackingNumber: normalized, carrierName: CARRIER_LABELS[carrier], trackingUrl: '' };
  }

  if (problems.length > 0 || orderId === null || tracking === null) {
    return fail('INVALID_INPUT', problems.join(' '));
  }
  return ok({ line: record.line, orderId, orderNumber, ...tracking });
}

/** Ships one checked line through the ordinary ship mutation, in its own transaction. */
function applyLine(
  ctx: AppContext,
  actor: CallActor,
  shipment: PlannedShipment,
  notifyCustomer: boolean,
  verificationOverride: string,
  line: number,
): Result<{ orderId: number }> {
  try {
    return ship(ctx, actor, {
      orderId: shipment.orderId,
      shipmentId: ctx.newId(),
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      carrierName: shipment.carrier === 'other' ? shipment.carrierName : undefined,
      trackingUrl: shipment.carrier === 'other' ? shipment.trackingUrl : undefined,
      notifyCustomer,
      // Nobody scanned these parcels at this desk: the timeline says where the shipment came from.
      verificationOverride,
    });
  } catch (error) {
    ctx.logError(`CSV import line ${line} failed`, error);
    return fail('INTERNAL', 'Something went wrong on this desk with this line; nothing was changed for it.');
  }
}

/** Rows for the lines an unclosed quote swallowed, so the report still has a row per line. */
function swallowedLines(record: CsvRecord): ReportRow[] {
  const rows: ReportRow[] = [];
  for (let line = record.line + 1; line <= record.endLine; line++) {
    rows.push({
      line,
      orderNumber: null,
      status: 'refused',
      message: `Not read: this line is inside the broken quoted value that starts on line ${record.line}.`,
    });
  }
  return rows;
}

/**
 * Pauses SQLite's automatic WAL checkpoints for the whole import (across its slices), then
 * checkpoints once on the next turn of the event loop: on a large store a checkpoint copies pages
 * scattered across the file, and every 1,000 pages during an import it more than doubled the
 * time a person waits. Commits stay durable; only copying the WAL back into the file moves.
 * OrderStore.deferCheckpoints does this for synchronous work only. Counted, so that two imports
 * running at once restore the setting only when the last one ends.
 */
const pausedCheckpoints = new WeakMap<OrderStore, { imports: number; previous: number }>();

async function withCheckpointsDeferred<T>(store: OrderStore, work: () => Promise<T>): Promise<T> {
  const paused = pausedCheckpoints.get(store);
  if (paused) paused.imports++;
  else {
    pausedCheckpoints.set(store, { imports: 1, previous: Number(store.sqlite.pragma('wal_autocheckpoint', { simple: true })) });
    store.sqlite.pragma('wal_autocheckpoint = 0');
  }
  try {
    return await work();
  } finally {
    const state = pausedCheckpoints.get(store)!;
    if (--state.imports === 0) {
      pausedCheckpoints.delete(store);
      if (store.sqlite.open) {
        store.sqlite.pragma(`wal_autocheckpoint = ${state.previous}`);
        setImmediate(() => {
          if (store.sqlite.open) store.sqlite.pragma('wal_checkpoint(PASSIVE)');
        });
      }
    }
  }
}

/** Where an import runs: the imports running now, so a cancel can reach one. */
export interface ImportJobs {
  running: RunningJobs<number>;
  /** Lines done so far by import id, for the cancel call's answer. */
  progress: Map<string, JobProgress>;
}

/**
 * shipments.importCsv: marks orders shipped from a CSV of order number, carrier and tracking
 * number. The file is refused whole only when it can't be read as a table (encoding, size,
 * header); otherwise every line is checked and each good one is shipped through the ordinary
 * ship mutation as its own savepoint, so a line is applied whole or refused whole and the report
 * says which, line by line. Lines run in slices (LINES_PER_SLICE, one commit each) with the event
 * loop turning between them, so the desk keeps answering; a cancel stops after the current slice
 * and the report marks the lines after it as not reached.
 */
export async function importShipments(
  ctx: AppContext,
  actor: CallActor,
  input: ParsedInput<'shipments.importCsv'>,
  jobs: ImportJobs,
): Promise<Result<ImportReport>> {
  const { fileName } = input;
  const text = decodeCsv(Buffer.from(input.contentBase64, 'base64'), fileName);
  if (!text.ok) return text;
  const parsed = parseCsv(text.value);
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.value;
  if (!header) return fail('INVALID_INPUT', `${fileName} has no rows.`);
  if (header.problem) return fail('INVALID_INPUT', `The header line of ${fileName} has broken quoting. ${header.problem}`);
  const columns = mapColumns(header.fields);
  if (!columns.ok) return columns;
  if (records.length === 0) return fail('INVALID_INPUT', `${fileName} has a header but no rows below it.`);

  const importId = input.importId ?? ctx.newId();
  const flag = jobs.running.start(importId, actor.userId);
  if (flag === null) return fail('CONFLICT', 'This import is already running.');
  try {
    return ok(await withCheckpointsDeferred(ctx.store, () => runImport(ctx, actor, input, { importId, flag, jobs, records, columns: columns.value, width: headerWidth(header.fields) })));
  } finally {
    jobs.running.finish(importId);
    jobs.progress.delete(importId);
  }
}

interface ImportRun {
  importId: string;
  flag: CancelFlag;
  jobs: ImportJobs;
  records: CsvRecord[];
  columns: ColumnMap;
  width: number;
}

async function runImport(ctx: AppContext, actor: CallActor, input: ParsedInput<'shipments.importCsv'>, run: ImportRun): Promise<ImportReport> {
  const { fileName } = input;
  const { importId, records, columns, width } = run;
  const find = lookups(ctx, actor);
  const firstLineOf = new Map<number, number>();
  // Rows in file order; a record's row (and the rows of lines its broken quote swallowed) is filled when its slice runs.
  const rowsOf: ReportRow[][] = records.map(() => []);
  const override = `Shipped from CSV import ${fileName}`.slice(0, 500);

  // Each ship() announces its order and its queued emails on commit; a slice's go out as one
  // event of each kind instead of one per line (10,000 lines would be 20,000 events).
  let changedOrders: number[] = [];
  let changedNotifications: number[] = [];
  const quietCtx: AppContext = {
    ...ctx,
    emit: (event, payload) => {
      if (event === 'orders.changed') changedOrders.push(...(payload as EventPayload<'orders.changed'>).orderIds);
      else if (event === 'notifications.changed') changedNotifications.push(...(payload as EventPayload<'notifications.changed'>).ids);
      else ctx.emit(event, payload);
    },
  };
  const publish = (state: JobProgress['state'], done: number) => {
    const progress: JobProgress = { jobId: importId, state, done, total: records.length, error: null };
    run.jobs.progress.set(importId, progress);
    ctx.emit('shipments.importProgress', progress);
  };
  publish('running', 0);

  const outcome = await runInSlices({
    items: records,
    sliceSize: LINES_PER_SLICE,
    flag: run.flag,
    runSlice(slice, offset) {
      // One commit per slice; each line inside is its own savepoint, applied whole or refused whole.
      ctx.store.batch(() => {
        for (const [index, record] of slice.entries()) {
          const orderNumber = fieldOf(record.fields, columns, 'orderNumber') || null;
          const row: ReportRow = { line: record.line, orderNumber, status: 'refused', message: '' };
          const checked = checkRecord(record, columns, width, find, actor, firstLineOf);
          if (checked.ok) {
            const shipment = checked.value;
            const result = applyLine(quietCtx, actor, shipment, input.notifyCustomer, override, row.line);
            row.status = result.ok ? 'applied' : 'refused';
            row.message = result.ok ? `Shipped by ${shipment.carrierName}, tracking number ${shipment.trackingNumber}.` : result.message;
          } else {
            row.message = checked.message;
          }
          rowsOf[offset + index] = [row, ...(record.endLine > record.line && record.problem ? swallowedLines(record) : [])];
        }
      });
      if (changedOrders.length > 0) ctx.emit('orders.changed', { orderIds: changedOrders });
      if (changedNotifications.length > 0) ctx.emit('notifications.changed', { ids: changedNotifications });
      changedOrders = [];
      changedNotifications = [];
    },
    progress: { everyItems: PROGRESS_EVERY_LINES, everyMs: PROGRESS_EVERY_MS, report: (done) => publish('running', done) },
  });

  for (let index = outcome.done; index < records.length; index++) {
    const record = records[index]!;
    const orderNumber = fieldOf(record.fields, columns, 'orderNumber') || null;
    rowsOf[index] = [{ line: record.line, orderNumber, status: 'not_reached', message: NOT_REACHED }];
  }
  publish(outcome.cancelled ? 'cancelled' : 'done', outcome.done);

  const rows = rowsOf.flat();
  const count = (status: ReportRow['status']) => rows.filter((row) => row.status === status).length;
  return { fileName, rows, applied: count('applied'), refused: count('refused'), notReached: count('not_reached'), cancelled: outcome.cancelled };
}
