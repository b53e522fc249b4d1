import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CARRIER_LABELS,
  buildTrackingUrl,
  checkTracking,
  detectTracking,
  normalizeTrackingNumber,
  withCheckDigit,
  type KnownCarrier,
} from './tracking.js';

// Real numbers in each carrier's published formats, check digit included.
const VALID: ReadonlyArray<readonly [KnownCarrier, string, string]> = [
  ['ups', '1Z999AA10123456784', 'UPS'],
  ['ups', '1Z5R89390357567127', 'UPS'],
  ['ups', 'K1506235620', 'UPS Waybill'],
  ['usps', '9400111201080805483016', 'USPS IMpb N'],
  ['usps', '9405803699300124287899', 'USPS IMpb N'],
  ['usps', '03071790000523483741', 'USPS 20'],
  ['usps', '4201002334249200190132607600833457', 'USPS IMpb C'],
  ['fedex', '986578788855', 'FedEx Express (12)'],
  ['fedex', '123456789012', 'FedEx Express (12)'],
  ['fedex', '041441760228964', 'FedEx Ground'],
  ['fedex', '9611020987654312345672', 'FedEx Ground 96 (22)'],
  ['dhl', '3318810025', 'DHL Express'],
  ['dhl', '73891051146', 'DHL Express'],
  ['dhl', 'JJD0099999999', 'DHL Express (Piece ID)'],
];

// The same kind of numbers with the last (check) digit changed.
const BAD_CHECK_DIGIT: ReadonlyArray<readonly [KnownCarrier, string]> = [
  ['ups', '1Z999AA10123456785'],
  ['ups', 'K1506235622'],
  ['usps', '9400111201080805483017'],
  ['usps', '03071790000523483742'],
  ['fedex', '996578788855'],
  ['fedex', '041441760228965'],
  ['dhl', '3318810010'],
];

// Numbers whose last character is the one check digit over the rest (the property below changes
// it). Left out: DHL piece ids (no check digit) and 20-digit USPS numbers, which fit two USPS
// layouts whose check digits weigh different digits, so another last digit can be valid too.
const CHECKSUMMED = VALID.filter(([, number, service]) => !number.startsWith('JJD') && service !== 'USPS 20');

describe('normalizeTrackingNumber', () => {
  it('trims, removes spaces and dashes, uppercases', () => {
    expect(normalizeTrackingNumber('  1z 999-aa1 0123 ')).toBe('1Z999AA10123');
  });
});

describe('detectTracking', () => {
  it.each(VALID)('detects %s for %s (%s)', (carrier, number, serviceName) => {
    expect(detectTracking(number)).toEqual({
      ok: true,
      carrier,
      trackingNumber: number,
      trackingUrl: buildTrackingUrl(carrier, number),
      serviceName,
    });
  });

  it('accepts a number as printed on a label: spaced, dashed, lower case', () => {
    expect(detectTracking(' 1z 999 aa1-0123 456 784 ')).toMatchObject({ ok: true, carrier: 'ups', trackingNumber: '1Z999AA10123456784' });
    expect(detectTracking('9400 1112 0108 0805 4830 16')).toMatchObject({ ok: true, carrier: 'usps', trackingNumber: '9400111201080805483016' });
  });

  it.each(BAD_CHECK_DIGIT)('says a %s-shaped number %s has a wrong check digit', (carrier, number) => {
    expect(detectTracking(number)).toEqual({
      ok: false,
      reason: `This looks like a ${CARRIER_LABELS[carrier]} number, but its check digit doesn't match.`,
    });
  });

  it('explains empty, malformed and unknown numbers', () => {
    expect(detectTracking('   ')).toEqual({ ok: false, reason: 'Enter or scan a tracking number.' });
    expect(detectTracking('ABC#12345')).toEqual({ ok: false, reason: 'A tracking number has 8 to 40 letters and digits.' });
    expect(detectTracking('ZZTOP12345XY')).toMatchObject({ ok: false, reason: expect.stringContaining('choose Other') });
  });

  it('builds https links from our templates, never a plain-http link from the specifications', () => {
    const dhl = detectTracking('3318810025');
    expect(dhl.ok && dhl.trackingUrl).toBe('https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=3318810025');
  });
});

describe('checkTracking', () => {
  it.each([
    ['ups', '1z999aa1-0123-456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    ['usps', '9400 1112 0108 0805 4830 16', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111201080805483016'],
    ['fedex', '9865 7878 8855', 'https://www.fedex.com/fedextrack/?trknbr=986578788855'],
    ['dhl', '33 1881 0025', 'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=3318810025'],
  ] as const)('builds the %s URL from the template and ignores a supplied one', (carrier, trackingNumber, url) => {
    const r = checkTracking({ carrier, trackingNumber, trackingUrl: 'https://evil.example' });
    expect(r).toEqual({
      ok: true,
      value: { carrier, trackingNumber: normalizeTrackingNumber(trackingNumber), trackingUrl: url, carrierName: CARRIER_LABELS[carrier] },
    });
  });

  it('url-encodes the number in templates', () => {
    expect(buildTrackingUrl('ups', 'A&B C')).toBe('https://www.ups.com/track?tracknum=A%26B%20C');
  });

  it.each(VALID)('accepts a valid %s number %s', (carrier, trackingNumber) => {
    expect(checkTracking({ carrier, trackingNumber }).ok).toBe(true);
  });

  it.each(BAD_CHECK_DIGIT)('refuses a %s number %s whose check digit is wrong, saying so', (carrier, trackingNumber) => {
    const message = `This isn't a valid ${CARRIER_LABELS[carrier]} tracking number (check digit doesn't match).`;
    expect(checkTracking({ carrier, trackingNumber })).toEqual({ ok: false, code: 'INVALID_INPUT', message, fields: { trackingNumber: message } });
  });

  it('names the carrier a number really belongs to', () => {
    const usps = checkTracking({ carrier: 'ups', trackingNumber: '9400111201080805483016' });
    expect(usps.ok === false && usps.fields).toEqual({ trackingNumber: 'This looks like a USPS number, not UPS.' });
    const ups = checkTracking({ carrier: 'fedex', trackingNumber: '1Z999AA10123456784' });
    expect(ups.ok === false && ups.fields).toEqual({ trackingNumber: 'This looks like a UPS number, not FedEx.' });
    const fedex = checkTracking({ carrier: 'dhl', trackingNumber: '986578788855' });
    expect(fedex.ok === false && fedex.fields).toEqual({ trackingNumber: 'This looks like a FedEx number, not DHL.' });
  });

  it('refuses a number in no format of the chosen carrier', () => {
    const r = checkTracking({ carrier: 'ups', trackingNumber: 'ZZTOP12345XY' });
    expect(r.ok === false && r.fields).toEqual({ trackingNumber: "This isn't a valid UPS tracking number." });
  });

  it.each(['1234567', 'x'.repeat(41), 'ABC#12345', 'ÄBC12345'])('rejects tracking number %s', (trackingNumber) => {
    const r = checkTracking({ carrier: 'ups', trackingNumber });
    expect(r.ok === false && r.code).toBe('INVALID_INPUT');
    expect(r.ok === false && Object.keys(r.fields ?? {})).toEqual(['trackingNumber']);
  });

  it('accepts another carrier with a name and https URL, checking only the shape of the number', () => {
    const r = checkTracking({
      carrier: 'other',
      trackingNumber: 'abc12345',
      carrierName: '  OnTrac ',
      trackingUrl: ' https://www.ontrac.com/tracking?n=ABC12345 ',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        carrier: 'other',
        trackingNumber: 'ABC12345',
        carrierName: 'OnTrac',
        trackingUrl: 'https://www.ontrac.com/tracking?n=ABC12345',
      },
    });
  });

  it.each([
    'javascript:alert(1)',
    'http://example.com/t',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com',
    'not a url',
    '',
    'https://user:pw@example.com/',
  ])('rejects tracking URL %s', (trackingUrl) => {
    const r = checkTracking({ carrier: 'other', trackingNumber: 'ABC12345', carrierName: 'X', trackingUrl });
    expect(r.ok === false && Object.keys(r.fields ?? {})).toEqual(['trackingUrl']);
  });

  it('requires a carrier name of 1..80 characters for other', () => {
    for (const carrierName of [null, '  ', 'x'.repeat(81)]) {
      const r = checkTracking({ carrier: 'other', trackingNumber: 'ABC12345', carrierName, trackingUrl: 'https://x.example' });
      expect(r.ok === false && Object.keys(r.fields ?? {})).toEqual(['carrierName']);
    }
  });

  it('reports every bad field at once', () => {
    const r = checkTracking({ carrier: 'other', trackingNumber: '1', carrierName: '', trackingUrl: 'http://x' });
    expect(r.ok === false && Object.keys(r.fields ?? {}).sort()).toEqual(['carrierName', 'trackingNumber', 'trackingUrl']);
  });
});

describe('withCheckDigit', () => {
  it.each(CHECKSUMMED)('completes a %s number %s from everything but its check digit', (carrier, number) => {
    expect(withCheckDigit(carrier, number.slice(0, -1))).toBe(number);
  });

  it('returns null when no digit makes the number valid for that carrier', () => {
    expect(withCheckDigit('ups', 'ZZTOP12345X')).toBeNull();
  });
});

describe('properties', () => {
  it('changing the check digit of a valid number makes it invalid for its carrier', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHECKSUMMED), fc.integer({ min: 1, max: 9 }), ([carrier, number], shift) => {
        const changed = number.slice(0, -1) + String((Number(number.at(-1)) + shift) % 10);
        expect(checkTracking({ carrier, trackingNumber: changed }).ok).toBe(false);
      }),
    );
  });

  it('whatever is typed, detection and checking agree and links stay https with the number in them', () => {
    const typed = fc.oneof(
      fc.stringMatching(/^[0-9]{8,34}$/),
      fc.stringMatching(/^1Z[0-9A-Z]{16}$/),
      fc.stringMatching(/^[ -~]{0,45}$/),
      fc.constantFrom(...VALID.map(([, number]) => number)),
    );
    fc.assert(
      fc.property(typed, (raw) => {
        const detected = detectTracking(raw);
        if (!detected.ok) {
          expect(detected.reason.length).toBeGreaterThan(0);
          return;
        }
        const checked = checkTracking({ carrier: detected.carrier, trackingNumber: raw });
        expect(checked).toEqual({
          ok: true,
          value: {
            carrier: detected.carrier,
            trackingNumber: detected.trackingNumber,
            trackingUrl: detected.trackingUrl,
            carrierName: CARRIER_LABELS[detected.carrier],
          },
        });
        const url = new URL(detected.trackingUrl);
        expect(url.protocol).toBe('https:');
        expect(detected.trackingUrl.endsWith(encodeURIComponent(detected.trackingNumber))).toBe(true);
      }),
    );
  });
});
