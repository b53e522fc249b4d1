import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTracking, detectTracking, withCheckDigit, type KnownCarrier } from './tracking.js';

/*
 * Our own test numbers, made with check digits computed here by the algorithms the
 * tracking_number_data specifications publish (CHECKSUM_ALGORITHMS.md), independently of the
 * detector's code: a detector that drifts from the specs fails here.
 */

/** mod10: digits (letters as (code − 3) mod 10) weighted by position parity, optionally from the right. */
function mod10(serial: string, evens: number, odds: number, reverse = false): number {
  const chars = reverse ? [...serial].reverse() : [...serial];
  let total = 0;
  chars.forEach((ch, i) => {
    const x = /\d/.test(ch) ? Number(ch) : (ch.charCodeAt(0) - 3) % 10;
    total += x * (i % 2 === 1 ? odds : evens);
  });
  const check = total % 10;
  return check === 0 ? 0 : 10 - check;
}
const mod7 = (serial: string): number => Number(serial) % 7;
/** sum_product_with_weightings_and_modulo. */
const weighted = (serial: string, weights: number[], m1: number, m2: number): number =>
  ([...serial].reduce((sum, ch, i) => sum + Number(ch) * (weights[i] ?? 0), 0) % m1) % m2;

const FEDEX_12_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
const FEDEX_13_WEIGHTS = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const oneOf = (chars: string) => fc.constantFrom(...chars);

interface Generated {
  carrier: KnownCarrier;
  service: string;
  number: string;
  /** Where the check digit sits (it is not always last). */
  checkAt: number;
}

const last = (carrier: KnownCarrier, service: string, number: string): Generated => ({ carrier, service, number, checkAt: number.length - 1 });

/** One generator per checked format, building the number the way its specification lays it out. */
const GENERATORS: Record<string, fc.Arbitrary<Generated>> = {
  'UPS 1Z': fc.tuple(fc.stringMatching(/^[A-Z0-9]{6}$/), fc.stringMatching(/^[0-9]{2}$/), digits(7)).map(([shipper, service, pkg]) => {
    const serial = shipper + service + pkg;
    return last('ups', 'UPS', `1Z${serial}${mod10(serial, 1, 2)}`);
  }),
  'USPS IMpb N (22)': fc.tuple(digits(3), oneOf('012345678'), digits(5), digits(10)).map(([service, first, shipper, pkg]) => {
    const serial = `94${service}${first}${shipper}${pkg}`;
    return last('usps', 'USPS IMpb N', serial + mod10(serial, 3, 1, true));
  }),
  'USPS IMpb C (22, 92…)': fc.tuple(digits(3), digits(8), digits(7)).map(([service, shipper, pkg]) => {
    const serial = `92${service}9${shipper}${pkg}`;
    return last('usps', 'USPS IMpb C', serial + mod10(serial, 3, 1));
  }),
  'USPS IMpb C (30, 420 ZIP + 93…)': fc.tuple(digits(5), digits(3), oneOf('012345678'), digits(5), digits(10)).map(([zip, service, first, shipper, pkg]) => {
    const serial = `93${service}${first}${shipper}${pkg}`;
    return last('usps', 'USPS IMpb C', `420${zip}${serial}${mod10(serial, 3, 1)}`);
  }),
  'USPS 20': fc.tuple(digits(2), digits(9), digits(8)).map(([service, shipper, pkg]) => {
    const serial = service + shipper + pkg;
    return last('usps', 'USPS 20', serial + mod10(serial, 3, 1));
  }),
  'USPS Legacy (22, 91…)': fc.tuple(digits(2), digits(9), digits(8)).map(([service, shipper, pkg]) => {
    const serial = `91${service}${shipper}${pkg}`;
    return last('usps', 'USPS Legacy', serial + mod10(serial, 3, 1));
  }),
  'FedEx Express (12)': digits(11).map((serial) => last('fedex', 'FedEx Express (12)', serial + weighted(serial, FEDEX_12_WEIGHTS, 11, 10))),
  'FedEx Express (34)': fc.tuple(oneOf('0123'), digits(14), digits(5), digits(13)).map(([first, head, zip, serial]) =>
    last('fedex', 'FedEx Express (34)', `${first}${head}${zip}${serial}${weighted(serial, FEDEX_13_WEIGHTS, 11, 10)}`),
  ),
  'FedEx ASTRA (32)': fc.tuple(digits(15), digits(11), digits(4)).map(([head, serial, tail]) => {
    const number = `3${head}${serial}${weighted(serial, FEDEX_12_WEIGHTS, 11, 10)}${tail}`;
    return { carrier: 'fedex', service: 'FedEx ASTRA (32)', number, checkAt: 27 };
  }),
  'FedEx Ground (15)': digits(14).map((serial) => last('fedex', 'FedEx Ground', serial + mod10(serial, 1, 3))),
  'FedEx Ground 96 (22)': fc.tuple(digits(5), digits(14)).map(([head, serial]) => last('fedex', 'FedEx Ground 96 (22)', `96${head}${serial}${mod10(serial, 1, 3)}`)),
  'FedEx Ground GSN (34)': fc.tuple(digits(2), digits(5), digits(10), digits(1), digits(13)).map(([scnc, a, gsn, b, serial]) =>
    last('fedex', 'FedEx Ground GSN', `96${scnc}${a}${gsn}${b}${serial}${weighted(serial, FEDEX_13_WEIGHTS, 11, 10)}`),
  ),
  'DHL Express (10)': digits(9).map((serial) => last('dhl', 'DHL Express', serial + mod7(serial))),
  'DHL Express (11)': digits(10).map((serial) => last('dhl', 'DHL Express', serial + mod7(serial))),
};

/** Formats with no check digit: any number of their shape is theirs. */
const UNCHECKED: ReadonlyArray<readonly [string, KnownCarrier, string]> = [
  ['GM2951173225174499', 'dhl', 'DHL E-Commerce'],
  ['LX0123456789US', 'dhl', 'DHL E-Commerce'],
  ['60120172242329', 'dhl', 'DHL E-Commerce (14)'],
  ['JJD0012345678', 'dhl', 'DHL Express (Piece ID)'],
];

const withDigitAt = (number: string, at: number, digit: number) => number.slice(0, at) + String(digit) + number.slice(at + 1);

/** Formats another layout of the same length and carrier can also satisfy with another digit. */
const SHARED_LENGTH = new Set(['USPS 20']);

describe('tracking numbers made by the published algorithms', () => {
  it.each(Object.entries(GENERATORS))('%s: detected as its carrier and service, and accepted for that carrier', (_name, generator) => {
    fc.assert(
      fc.property(generator, ({ carrier, service, number }) => {
        const found = detectTracking(number);
        expect(found).toMatchObject({ ok: true, carrier, trackingNumber: number });
        // Another format of the same carrier may claim it first (e.g. a USPS 20 number that is
        // also a valid USPS Legacy one); the carrier is what matters for shipping.
        if (found.ok && found.serviceName !== service) expect(found.carrier).toBe(carrier);
        expect(checkTracking({ carrier, trackingNumber: number }).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(Object.entries(GENERATORS).filter(([name]) => !SHARED_LENGTH.has(name)))(
    '%s: any other check digit is refused for its carrier',
    (_name, generator) => {
      fc.assert(
        fc.property(generator, fc.integer({ min: 1, max: 9 }), ({ carrier, number, checkAt }, shift) => {
          const wrong = withDigitAt(number, checkAt, (Number(number[checkAt]) + shift) % 10);
          const checked = checkTracking({ carrier, trackingNumber: wrong });
          expect(checked.ok).toBe(false);
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(UNCHECKED)('%s is %s (%s), a format without a check digit', (number, carrier, service) => {
    expect(detectTracking(number)).toMatchObject({ ok: true, carrier, serviceName: service });
  });

  it('finds the FedEx numbers the old data missed: Express 34 without the "100" prefix, and ASTRA 32', () => {
    const express = '2001921334250001000300779017972690';
    const serial = express.slice(20, 33);
    const valid = express.slice(0, 33) + String(weighted(serial, FEDEX_13_WEIGHTS, 11, 10));
    expect(detectTracking(valid)).toMatchObject({ ok: true, carrier: 'fedex', serviceName: 'FedEx Express (34)' });
    const astraSerial = '60102447849';
    const astra = `3297151456${'0'.repeat(6)}${astraSerial}${weighted(astraSerial, FEDEX_12_WEIGHTS, 11, 10)}2014`;
    expect(detectTracking(astra)).toMatchObject({ ok: true, carrier: 'fedex', serviceName: 'FedEx ASTRA (32)' });
  });
});

describe('USPS IMpb numbers are never FedEx', () => {
  // The old data's "FedEx SmartPost" layout (92 + 20 digits, same check digit as USPS IMpb) took these.
  const impb = fc.oneof(GENERATORS['USPS IMpb C (22, 92…)']!, GENERATORS['USPS 20']!, GENERATORS['USPS IMpb N (22)']!);

  it('detects them as USPS and refuses them as FedEx, naming USPS', () => {
    fc.assert(
      fc.property(impb, ({ number }) => {
        expect(detectTracking(number)).toMatchObject({ ok: true, carrier: 'usps' });
        const asFedex = checkTracking({ carrier: 'fedex', trackingNumber: number });
        expect(asFedex.ok === false && asFedex.fields?.trackingNumber).toBe('This looks like a USPS number, not FedEx.');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the 20 digits after "92" as FedEx as well', () => {
    fc.assert(
      fc.property(GENERATORS['USPS IMpb C (22, 92…)']!, ({ number }) => {
        expect(checkTracking({ carrier: 'fedex', trackingNumber: number.slice(2) }).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('withCheckDigit completes generated numbers', () => {
  it.each(['UPS 1Z', 'FedEx Express (12)', 'DHL Express (10)', 'USPS IMpb N (22)'])('%s', (name) => {
    fc.assert(
      fc.property(GENERATORS[name]!, ({ carrier, number }) => {
        expect(withCheckDigit(carrier, number.slice(0, -1))).toBe(number);
      }),
      { numRuns: 30 },
    );
  });
});
