import type { Carrier } from '../../../../shared/domain/tracking.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { trimInvisible } from '../../../../shared/domain/text.js';

export type ColumnKey = 'orderNumber' | 'carrier' | 'trackingNumber' | 'carrierName' | 'trackingUrl';

const COLUMN_LABELS: Readonly<Record<ColumnKey, string>> = {
  orderNumber: 'order number',
  carrier: 'carrier',
  trackingNumber: 'tracking number',
  carrierName: 'carrier name',
  trackingUrl: 'tracking URL',
};

const REQUIRED: readonly ColumnKey[] = ['orderNumber', 'carrier', 'trackingNumber'];

/** Header spellings seen in spreadsheets and other tools' exports, compared without case, spaces or punctuation. */
const COLUMN_ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  orderNumber: ['ordernumber', 'order', 'orderno', 'ordernum', 'orderid', 'orderref', 'orderreference', 'ordername'],
  carrier: ['carrier', 'carriercode', 'shippingcarrier', 'shipcarrier', 'courier', 'shipvia', 'shippedvia'],
  trackingNumber: ['trackingnumber', 'tracking', 'trackingno', 'trackingnum', 'trackingcode', 'trackingid', 'trackno', 'trackingnumbers'],
  carrierName: ['carriername', 'othercarrier', 'othercarriername', 'couriername'],
  trackingUrl: ['trackingurl', 'trackinglink', 'trackurl', 'tracklink', 'url', 'link'],
};

const CARRIER_ALIASES: Readonly<Record<string, Carrier>> = {
  ups: 'ups',
  unitedparcelservice: 'ups',
  upsground: 'ups',
  usps: 'usps',
  unitedstatespostalservice: 'usps',
  uspostalservice: 'usps',
  postalservice: 'usps',
  uspostoffice: 'usps',
  fedex: 'fedex',
  federalexpress: 'fedex',
  fedexground: 'fedex',
  fedexexpress: 'fedex',
  dhl: 'dhl',
  dhlexpress: 'dhl',
  other: 'other',
};

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const ALIAS_TO_COLUMN = new Map<string, ColumnKey>(
  (Object.entries(COLUMN_ALIASES) as Array<[ColumnKey, readonly string[]]>).flatMap(([key, aliases]) =>
    aliases.map((alias) => [alias, key] as const),
  ),
);

/** Where each known column sits in a row; unknown columns are ignored. */
export type ColumnMap = Partial<Record<ColumnKey, number>>;

const quoteList = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * Reads the header row. The three required columns must each appear once; a file whose first
 * row is data rather than names is told so, since that is the usual mistake.
 */
export function mapColumns(header: readonly string[]): Result<ColumnMap> {
  const map: ColumnMap = {};
  for (const [index, raw] of header.entries()) {
    const key = ALIAS_TO_COLUMN.get(squash(raw));
    if (!key) continue;
    if (map[key] !== undefined) {
      return fail('INVALID_INPUT', `Two columns mean the ${COLUMN_LABELS[key]}: "${header[map[key]]}" and "${raw}". Keep one of them.`);
    }
    map[key] = index;
  }
  const missing = REQUIRED.filter((key) => map[key] === undefined).map((key) => COLUMN_LABELS[key]);
  if (missing.length > 0) {
    const found = header.map((name) => name.trim()).filter((name) => name !== '');
    return fail(
      'INVALID_INPUT',
      `The first line must name the columns: order number, carrier and tracking number (carrier name and tracking URL are optional). Missing: ${missing.join(', ')}. Found: ${found.length ? quoteList(found.slice(0, 8)) : 'nothing'}.`,
    );
  }
  return ok(map);
}

/** A carrier as people write it ("UPS", "Fed Ex", "U.S.P.S.", "Other"), or null when unknown. */
export function parseCarrier(raw: string): Carrier | null {
  return CARRIER_ALIASES[squash(raw)] ?? null;
}

/** The value of a column in a row, trimmed; '' when the column or the value is missing. */
export const fieldOf = (fields: readonly string[], map: ColumnMap, key: ColumnKey): string => {
  const index = map[key];
  return index === undefined ? '' : trimInvisible(fields[index] ?? '');
};

/** How many values the header names: values beyond it mean a row that lost its alignment. */
export const headerWidth = (header: readonly string[]): number => {
  let width = header.length;
  while (width > 0 && (header[width - 1] ?? '').trim() === '') width--;
  return width;
};
