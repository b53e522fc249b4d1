import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkTracking, detectTracking } from '../../shared/domain/tracking.js';
import { dhlTracking, fedexTracking, upsTracking, uspsTracking } from './tracking-numbers.js';

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

it('every kind of seeded tracking number is accepted by the detector as its carrier', () => {
  // The shapes generator.ts asks for: shipper + service + 7-digit sequence, 8-digit mailer, ...
  const seeded = fc.oneof(
    fc.tuple(fc.stringMatching(/^[A-Z0-9]{6}$/), fc.constantFrom('01', '02', '03'), digits(7)).map(([s, svc, seq]) => ['ups', upsTracking(s, svc, seq)] as const),
    fc.tuple(digits(8), digits(7)).map(([mailer, seq]) => ['usps', uspsTracking(mailer, seq)] as const),
    fc.tuple(digits(3), digits(7)).map(([r, seq]) => ['fedex', fedexTracking(`7${r}${seq}`)] as const),
    fc.tuple(digits(2), digits(7)).map(([r, seq]) => ['dhl', dhlTracking(`${r}${seq}`)] as const),
  );
  fc.assert(
    fc.property(seeded, ([carrier, number]) => {
      expect(detectTracking(number)).toMatchObject({ ok: true, carrier });
      expect(checkTracking({ carrier, trackingNumber: number }).ok).toBe(true);
    }),
    { numRuns: 400 },
  );
});
