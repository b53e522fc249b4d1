import { fail, ok, type Result } from './result.js';
import { trimInvisible } from './text.js';
import { TRACKING_FORMATS, type CheckDigitRule, type TrackingFormat } from './tracking-formats.js';

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

// Our own templates, not the specifications' tracking_url: some of those are plain http, and a link in
// a customer email must be https.
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

const TRACKING_NUMBER_PATTERN = /^[A-Z0-9]{8,40}$/;

// Formats and check digits follow the current tracking_number_data specifications
// (tracking-formats.ts). The carrier order settles a number that fits two carriers' formats.
const KNOWN_CARRIERS: readonly KnownCarrier[] = ['ups', 'usps', 'fedex', 'dhl'];

interface CompiledFormat extends TrackingFormat {
  regex: RegExp;
}

const COMPILED: readonly CompiledFormat[] = TRACKING_FORMATS.map((format) => ({ ...format, regex: new RegExp(`^(?:${format.pattern})$`) }));

/** A digit's value; a letter (UPS shipper numbers) counts (char code − 3) mod 10, as the specs say. */
const charValue = (ch: string): number => (/[0-9]/.test(ch) ? ch.charCodeAt(0) - 48 : (ch.charCodeAt(0) - 3) % 10);

export function checkDigitFor(rule: CheckDigitRule, serial: string): number {
  switch (rule.kind) {
    case 'mod10': {
      const chars = rule.reverse ? [...serial].reverse() : [...serial];
      const total = chars.reduce((sum, ch, i) => sum + charValue(ch) * (i % 2 === 0 ? rule.evens : rule.odds), 0);
      return (10 - (total % 10)) % 10;
    }
    case 'mod7':
      // Up to 10 digits: exact as a double.
      return Number(serial) % 7;
    case 'weighted': {
      let total = 0;
      for (let i = 0; i < Math.min(serial.length, rule.weights.length); i++) total += charValue(serial[i]!) * rule.weights[i]!;
      return (total % rule.modulo1) % rule.modulo2;
    }
  }
}

/** True when the number has the format's shape (check digit not considered). */
const fitsShape = (format: CompiledFormat, trackingNumber: string): RegExpExecArray | null => format.regex.exec(trackingNumber);

function validIn(format: CompiledFormat, trackingNumber: string): boolean {
  const match = fitsShape(format, trackingNumber);
  if (!match) return false;
  const groups = match.groups ?? {};
  if (format.containerTypes && !format.containerTypes.includes(groups.ShippingContainerType ?? '')) return false;
  if (format.check === null) return true;
  let serial = groups.SerialNumber ?? '';
  if (format.prependIf && format.prependIf.pattern.test(serial)) serial = format.prependIf.digits + serial;
  return checkDigitFor(format.check, serial) === Number(groups.CheckDigit);
}

interface Detected {
  carrier: KnownCarrier;
  serviceName: string;
}

/**
 * The first format valid for the number among the given carriers'. Formats with a check digit
 * are tried first across all carriers: a format without one (DHL eCommerce's 14 digits) accepts
 * anything of its shape and must not win over a checked one.
 */
function validFor(trackingNumber: string, carriers: readonly KnownCarrier[]): Detected | null {
  const candidates = COMPILED.filter((format) => carriers.includes(format.carrier));
  const ordered = [...candidates.filter((format) => format.check !== null), ...candidates.filter((format) => format.check === null)];
  const found = ordered.find((format) => validIn(format, trackingNumber));
  return found ? { carrier: found.carrier, serviceName: found.service } : null;
}

const fitsFormatOf = (trackingNumber: string, carrier: KnownCarrier): boolean =>
  COMPILED.some((format) => format.carrier === carrier && fitsShape(format, trackingNumber) !== null);


export type DetectedTracking =
  | { ok: true; carrier: KnownCarrier; trackingNumber: string; trackingUrl: string; serviceName: string }
  | { ok: false; reason: string };

/**
 * Which carrier a typed or scanned tracking number belongs to, with its https tracking link and
 * the carrier's service ("USPS 91", "FedEx Express (12)"). Cheap enough to run on every keystroke.
 * `reason` is a sentence for the person: empty input, a bad check digit, or an unknown format
 * (then "Other" with a carrier name and link is the way on).
 */
export function detectTracking(raw: string): DetectedTracking {
  const trackingNumber = normalizeTrackingNumber(raw);
  if (trackingNumber.length === 0) return { ok: false, reason: 'Enter or scan a tracking number.' };
  if (!TRACKING_NUMBER_PATTERN.test(trackingNumber)) {
    return { ok: false, reason: 'A tracking number has 8 to 40 letters and digits.' };
  }
  const found = validFor(trackingNumber, KNOWN_CARRIERS);
  if (found) {
    return { ok: true, carrier: found.carrier, trackingNumber, trackingUrl: buildTrackingUrl(found.carrier, trackingNumber), serviceName: found.serviceName };
  }
  const lookalike = KNOWN_CARRIERS.find((carrier) => fitsFormatOf(trackingNumber, carrier));
  if (lookalike) {
    return { ok: false, reason: `This looks like a ${CARRIER_LABELS[lookalike]} number, but its check digit doesn't match.` };
  }
  return {
    ok: false,
    reason: "This isn't a UPS, USPS, FedEx or DHL tracking number. For another carrier, choose Other and give its name and tracking link.",
  };
}

/**
 * Completes a number that lacks its final check digit, for demo data and benchmarks that make up
 * numbers: the digit that makes it valid for that carrier, or null when none does
 * (the rest of the number doesn't fit the carrier's format).
 */
export function withCheckDigit(carrier: KnownCarrier, withoutCheckDigit: string): string | null {
  const base = normalizeTrackingNumber(withoutCheckDigit);
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${base}${digit}`;
    if (validFor(candidate, [carrier])) return candidate;
  }
  return null;
}

/** Why a well-formed number is refused for the chosen known carrier, or null when it is valid for it. */
function carrierMismatch(carrier: KnownCarrier, trackingNumber: string): string | null {
  if (validFor(trackingNumber, [carrier])) return null;
  const label = CARRIER_LABELS[carrier];
  const other = validFor(
    trackingNumber,
    KNOWN_CARRIERS.filter((c) => c !== carrier),
  );
  if (other) return `This looks like a ${CARRIER_LABELS[other.carrier]} number, not ${label}.`;
  if (fitsFormatOf(trackingNumber, carrier)) return `This isn't a valid ${label} tracking number (check digit doesn't match).`;
  return `This isn't a valid ${label} tracking number.`;
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
 * Validates and completes tracking details for a shipment. A known carrier's number must be
 * valid for that carrier, check digit included (see detectTracking); it gets its carrier name
 * and URL from templates (any supplied URL is ignored so links stay trustworthy). 'other' needs
 * a carrier name and an https tracking URL, and its number is only checked for shape.
 * Every problem is reported at once in `fields` so a form can mark them all.
 */
export function checkTracking(input: TrackingInput): Result<Tracking> {
  const fields: Record<string, string> = {};
  const carrier = input.carrier;
  if (!(CARRIERS as readonly string[]).includes(carrier)) {
    fields.carrier = 'Choose a carrier.';
  }

  const trackingNumber = normalizeTrackingNumber(input.trackingNumber);
  if (!TRACKING_NUMBER_PATTERN.test(trackingNumber)) {
    fields.trackingNumber = 'Enter a tracking number of 8 to 40 letters and digits.';
  } else if (carrier !== 'other' && fields.carrier === undefined) {
    const mismatch = carrierMismatch(carrier, trackingNumber);
    if (mismatch !== null) fields.trackingNumber = mismatch;
  }

  let trackingUrl = '';
  let carrierName = '';
  if (carrier === 'other') {
    carrierName = trimInvisible(input.carrierName ?? '');
    if (carrierName.length === 0 || [...carrierName].length > CARRIER_NAME_MAX) {
      fields.carrierName = `Enter the carrier's name (up to ${CARRIER_NAME_MAX} characters).`;
    }
    const checkedUrl = checkHttpsUrl(trimInvisible(input.trackingUrl ?? ''));
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
