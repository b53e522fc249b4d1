import type { EventPayload, ImportReport, ParsedInput } from '../../../../shared/contract/index.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { CARRIER_LABELS, checkTracking, normalizeTrackingNumber, type Tracking } from '../../../../shared/domain/tracking.js';
import type { Actor, AppContext } from '../context.js';
import { ship } from '../mutations/ship.js';
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
/** orders.changed is sent in slices so one import of thousands of rows doesn't make one huge event. */
/** Lines per commit: large enough to share page writes, small enough to keep the write lock briefly. */
const LINES_PER_COMMIT = 500;
const CHANGED_SLICE = 500;

interface Lookups {
  orderByNumber(number: string): { id: number; number: string } | undefined;
  inScope(orderId: number): boolean;
  /** Stores (within scope) with physical items left to ship: a CSV line can name only one parcel. */
  storesLeftToShip(orderId: number): number;
}

function lookups(ctx: AppContext, actor: Actor): Lookups {
  const { store } = ctx;
  const mine = actor.storeIds === null ? null : new Set(actor.storeIds);
  return {
    orderByNumber(number) {
      const exact = store.selectOne<{ id: number; number: string }>('SELECT id, number FROM orders WHERE number = ?', [number]);
      // Spreadsheets and people lowercase things; order numbers are issued in uppercase.
      return exact ?? (number === number.toUpperCase() ? undefined : this.orderByNumber(number.toUpperCase()));
    },
    inScope(orderId) {
      if (mine === null) return true;
      return store
        .select<{ store_id: number }>('SELECT store_id FROM order_stores WHERE order_id = ?', [orderId])
        .some((row) => mine.has(row.store_id));
    },
    storesLeftToShip(orderId) {
      const stores = store
        .select<{ store_id: number }>(
          'SELECT DISTINCT store_id FROM order_items WHERE order_id = ? AND is_digital = 0 AND fulfilled_quantity < quantity',
          [orderId],
        )
        .filter((row) => mine === null || mine.has(row.store_id));
      return stores.length;
    },
  };
}

/** Checks one line without writing anything: every problem with it, as sentences, or the shipment it asks for. */
function checkRecord(
  record: CsvRecord,
  columns: ColumnMap,
  width: number,
  find: Lookups,
  actor: Actor,
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
        actor.storeIds === null ? `There is no order ${orderNumber} on this desk.` : `There is no order ${orderNumber} in your stores.`,
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
  actor: Actor,
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
 * shipments.importCsv: marks orders shipped from a CSV of order number, carrier and tracking
 * number. The file is refused whole only when it can't be read as a table (encoding, size,
 * header); otherwise every line is checked and each good one is shipped through the ordinary
 * ship mutation in its own transaction, so a line is applied whole or refused whole and the
 * report says which, line by line.
 */
export function importShipments(ctx: AppContext, actor: Actor, input: ParsedInput<'shipments.importCsv'>): Result<ImportReport> {
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

  const width = headerWidth(header.fields);
  const find = lookups(ctx, actor);
  const firstLineOf = new Map<number, number>();
  const rows: ReportRow[] = [];
  const planned: Array<{ row: ReportRow; shipment: PlannedShipment }> = [];
  for (const record of records) {
    const checked = checkRecord(record, columns.value, width, find, actor, firstLineOf);
    const orderNumber = fieldOf(record.fields, columns.value, 'orderNumber') || null;
    const row: ReportRow = { line: record.line, orderNumber, status: 'refused', message: '' };
    rows.push(row);
    if (checked.ok) planned.push({ row, shipment: checked.value });
    else row.message = checked.message;
    if (record.endLine > record.line && record.problem) rows.push(...swallowedLines(record));
  }

  // Each ship() announces its order on commit; collect them into a few events instead of thousands.
  const changed = new Set<number>();
  const quietCtx: AppContext = {
    ...ctx,
    emit: (event, payload) => {
      if (event === 'orders.changed') {
        for (const id of (payload as EventPayload<'orders.changed'>).orderIds) changed.add(id);
      } else {
        ctx.emit(event, payload);
      }
    },
  };
  const override = `Shipped from CSV import ${fileName}`.slice(0, 500);
  // Each line is its own savepoint (applied whole or refused whole); lines commit in batches so
  // the indexes and search pages they share are written once per batch, not once per line.
  ctx.store.deferCheckpoints(() => {
    for (let start = 0; start < planned.length; start += LINES_PER_COMMIT) {
      ctx.store.batch(() => {
        for (const { row, shipment } of planned.slice(start, start + LINES_PER_COMMIT)) {
          const result = applyLine(quietCtx, actor, shipment, input.notifyCustomer, override, row.line);
          row.status = result.ok ? 'applied' : 'refused';
          row.message = result.ok ? `Shipped by ${shipment.carrierName}, tracking number ${shipment.trackingNumber}.` : result.message;
        }
      });
    }
  });
  const ids = [...changed];
  for (let i = 0; i < ids.length; i += CHANGED_SLICE) ctx.emit('orders.changed', { orderIds: ids.slice(i, i + CHANGED_SLICE) });

  const applied = rows.filter((row) => row.status === 'applied').length;
  return ok({ fileName, rows, applied, refused: rows.length - applied });
}
