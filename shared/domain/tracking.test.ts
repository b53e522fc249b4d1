import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CARRIERS, CARRIER_LABELS, buildTrackingUrl, checkTracking, normalizeTrackingNumber } from './tracking.js';

describe('normalizeTrackingNumber', () => {
  it('trims, removes spaces and dashes, uppercases', () => {
    expect(normalizeTrackingNumber('  1z 999-aa1 0123 ')).toBe('1Z999AA10123');
  });
});

describe('checkTracking', () => {
  it.each([
    ['ups', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    ['usps', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=1Z999AA10123456784'],
    ['fedex', 'https://www.fedex.com/fedextrack/?trknbr=1Z999AA10123456784'],
    ['dhl', 'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=1Z999AA10123456784'],
  ] as const)('builds the %s URL from the template', (carrier, url) => {
    expect(checkTracking({ carrier, trackingNumber: '1z999aa1-0123-456784', trackingUrl: 'https://evil.example' })).toEqual({
      ok: true,
      value: { carrier, trackingNumber: '1Z999AA10123456784', trackingUrl: url, carrierName: CARRIER_LABELS[carrier] },
    });
  });

  it('url-encodes the number in templates', () => {
    expect(buildTrackingUrl('ups', 'A&B C')).toBe('https://www.ups.com/track?tracknum=A%26B%20C');
  });

  it.each(['1234567', 'x'.repeat(41), 'ABC#12345', 'ÄBC12345'])('rejects tracking number %s', (trackingNumber) => {
    const r = checkTracking({ carrier: 'ups', trackingNumber });
    expect(r.ok === false && r.code).toBe('INVALID_INPUT');
    expect(r.ok === false && Object.keys(r.fields ?? {})).toEqual(['trackingNumber']);
  });

  it('accepts another carrier with a name and https URL', () => {
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

  it('property: valid numbers always yield an https URL containing the normalized number', () => {
    const num = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/);
    fc.assert(
      fc.property(fc.constantFrom(...CARRIERS.filter((c) => c !== 'other')), num, (carrier, raw) => {
        const r = checkTracking({ carrier, trackingNumber: ` ${raw} ` });
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value.trackingNumber).toBe(raw.toUpperCase());
          expect(new URL(r.value.trackingUrl).protocol).toBe('https:');
          expect(r.value.trackingUrl.endsWith(raw.toUpperCase())).toBe(true);
        }
      }),
    );
  });
});
