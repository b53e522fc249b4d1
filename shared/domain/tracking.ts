import { fail, ok, type Result } from './result.js';

export const CARRIERS = ['ups', 'usps', 'fedex', 'dhl', 'other'] as const;
export type Carrier = (typeof CARRIERS)[number];
export type KnownCarrier = Exclude<Carrier, 'other'>;

export const CARRIER_LABELS: Readonly<Record<Carrier, string>> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHL',
  other: 'Other',
};

export const CARRIER_NAME_MAX = 80;
export const TRACKING_URL_MAX = 2048;

// Kept apart from detection/validation so a carrier-detection library can replace that part alone.
const URL_PREFIXES: Readonly<Record<KnownCarrier, string>> = {
  ups: 'https://www.ups.com/track?tracknum=',
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr=',
  dhl: 'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=',
};

/** Canonical form of a tracking number: no surrounding space, inner spaces or dashes; uppercase. */
export function normalizeTrackingNumber(raw: string): string {
  return raw.trim().replace(/[\s-]+/g, '').toUpperCase();
}

/** Public tracking page for a known carrier; the number is URL-encoded. */
export function buildTrackingUrl(carrier: KnownCarrier, trackingNumber: string): string {
  return URL_PREFIXES[carrier] + encodeURIComponent(trackingNumber);
}

export interface TrackingInput {
  carrier: Carrier;
  trackingNumber: string;
  trackingUrl?: string | null;
  carrierName?: string | null;
}

export interface Tracking {
  carrier: Carrier;
  trackingNumber: string;
  trackingUrl: string;
  carrierName: string;
}

// Only https is accepted: the link lands in customer emails, where http invites tampering
// and javascript:/data: would be a script-injection vector.
function checkHttpsUrl(raw: string): string | null {
  if (raw.length === 0 || raw.length > TRACKING_URL_MAX) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * Validates and completes tracking details for a shipment. Known carriers get their
 * carrier name and URL from templates (any supplied URL is ignored so links stay
 * trustworthy); 'other' needs a carrier name and an https tracking URL.
 * Every problem is reported at once in `fields` so a form can mark them all.
 */
export function checkTracking(input: TrackingInput): Result<Tracking> {
  const fields: Record<string, string> = {};
  const carrier = input.carrier;
  if (!(CARRIERS as readonly string[]).includes(carrier)) {
    fields.carrier = 'Choose a carrier.';
  }

  const trackingNumber = normalizeTrackingNumber(input.trackingNumber);
  if (!/^[A-Z0-9]{8,40}$/.test(trackingNumber)) {
    fields.trackingNumber = 'Enter a tracking number of 8 to 40 letters and digits.';
  }

  let trackingUrl = '';
  let carrierName = '';
  if (carrier === 'other') {
    carrierName = (input.carrierName ?? '').trim();
    if (carrierName.length === 0 || [...carrierName].length > CARRIER_NAME_MAX) {
      fields.carrierName = `Enter the carrier's name (up to ${CARRIER_NAME_MAX} characters).`;
    }
    const checkedUrl = checkHttpsUrl((input.trackingUrl ?? '').trim());
    if (checkedUrl === null) {
      fields.trackingUrl = 'Enter the tracking link, starting with https://.';
    } else {
      trackingUrl = checkedUrl;
    }
  } else if (fields.carrier === undefined) {
    carrierName = CARRIER_LABELS[carrier];
    trackingUrl = buildTrackingUrl(carrier, trackingNumber);
  }

  const problems = Object.values(fields);
  if (problems.length > 0) {
    const message = problems.length === 1 ? (problems[0] ?? '') : 'Check the highlighted tracking details.';
    return fail('INVALID_INPUT', message, fields);
  }
  return ok({ carrier, trackingNumber, trackingUrl, carrierName });
}
