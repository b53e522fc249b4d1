import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { US_STATES, formatAddressLines, parseAddress, usAddressSchema } from './address.js';

const base = {
  name: 'Ada Lovelace',
  street: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
};

describe('US_STATES', () => {
  it('has 50 states, DC, 5 territories and 3 military codes', () => {
    expect(Object.keys(US_STATES)).toHaveLength(59);
    for (const code of ['DC', 'PR', 'GU', 'VI', 'AS', 'MP', 'AA', 'AE', 'AP']) expect(US_STATES).toHaveProperty(code);
  });
});

describe('usAddressSchema', () => {
  it('trims, uppercases the state, defaults the country and nulls a blank street2', () => {
    const a = usAddressSchema.parse({ ...base, name: '  Ada  ', state: ' il ', street2: '   ', zip: ' 62701-1234 ' });
    expect(a).toEqual({
      name: 'Ada',
      street: '1 Main St',
      street2: null,
      city: 'Springfield',
      state: 'IL',
      zip: '62701-1234',
      country: 'US',
      phone: null,
    });
  });

  it.each(['1234', '123456', '12345-678', 'ABCDE', '12345 6789'])('rejects ZIP %s with a human message', (zip) => {
    const r = usAddressSchema.safeParse({ ...base, zip });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]?.path).toEqual(['zip']);
      expect(r.error.issues[0]?.message).toBe('Enter a 5-digit ZIP or ZIP+4 (12345-6789).');
    }
  });

  it.each(['XX', 'Illinois', '', 'ON'])('rejects state %s', (state) => {
    const r = usAddressSchema.safeParse({ ...base, state });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.path).toEqual(['state']);
  });

  it('rejects other countries, empty names and overlong streets', () => {
    expect(usAddressSchema.safeParse({ ...base, country: 'CA' }).success).toBe(false);
    const empty = usAddressSchema.safeParse({ ...base, name: '   ' });
    expect(!empty.success && empty.error.issues[0]?.message).toBe('Enter a name.');
    expect(usAddressSchema.safeParse({ ...base, street: 'x'.repeat(201) }).success).toBe(false);
    expect(usAddressSchema.safeParse({ ...base, street2: 'x'.repeat(201) }).success).toBe(false);
  });

  it('keeps a phone number and rejects letters in it', () => {
    expect(usAddressSchema.parse({ ...base, phone: ' (555) 123-4567 ' }).phone).toBe('(555) 123-4567');
    expect(usAddressSchema.safeParse({ ...base, phone: 'call me' }).success).toBe(false);
  });

  const text = (max: number) =>
    fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0 && s.trim().length <= max);
  const stateCode = fc.constantFrom(...Object.keys(US_STATES));
  const zip = fc.tuple(fc.stringMatching(/^\d{5}$/), fc.option(fc.stringMatching(/^\d{4}$/))).map(([a, b]) => (b ? `${a}-${b}` : a));
  const address = fc.record({
    name: text(100),
    street: text(200),
    street2: fc.option(fc.string({ maxLength: 200 })),
    city: text(100),
    state: fc.tuple(stateCode, fc.boolean()).map(([s, lower]) => (lower ? s.toLowerCase() : s)),
    zip,
  });

  it('property: accepts generated valid addresses', () => {
    fc.assert(
      fc.property(address, (input) => {
        const a = usAddressSchema.parse(input);
        expect(a.state).toBe(input.state.toUpperCase());
        expect(a.name).toBe(input.name.trim());
        expect(a.country).toBe('US');
        expect(a.street2 === null || a.street2.length > 0).toBe(true);
        const lines = formatAddressLines(a);
        expect(lines[lines.length - 1]).toBe(`${a.city}, ${a.state} ${a.zip}`);
      }),
    );
  });

  it('property: rejects bad ZIPs and unknown states', () => {
    const badZip = fc.string({ maxLength: 12 }).filter((z) => !/^\d{5}(-\d{4})?$/.test(z.trim()));
    const badState = fc
      .string({ maxLength: 4 })
      .filter((s) => !Object.hasOwn(US_STATES, s.trim().toUpperCase()));
    fc.assert(
      fc.property(address, badZip, (input, z) => {
        const r = usAddressSchema.safeParse({ ...input, zip: z });
        expect(r.success).toBe(false);
        if (!r.success) expect(r.error.issues.map((i) => i.path[0])).toEqual(['zip']);
      }),
    );
    fc.assert(
      fc.property(address, badState, (input, s) => {
        const r = usAddressSchema.safeParse({ ...input, state: s });
        expect(r.success).toBe(false);
        if (!r.success) expect(r.error.issues.map((i) => i.path[0])).toEqual(['state']);
      }),
    );
  });
});

describe('formatAddressLines', () => {
  it('omits a missing second line', () => {
    const a = usAddressSchema.parse(base);
    expect(formatAddressLines(a)).toEqual(['Ada Lovelace', '1 Main St', 'Springfield, IL 62701']);
    expect(formatAddressLines({ ...a, street2: 'Apt 2' })).toEqual([
      'Ada Lovelace',
      '1 Main St',
      'Apt 2',
      'Springfield, IL 62701',
    ]);
  });
});

describe('parseAddress', () => {
  it('answers the address as the schema normalises it', () => {
    expect(parseAddress({ ...base, state: ' il ', street2: '  ' })).toEqual({
      ok: true,
      value: { ...base, state: 'IL', street2: null, country: 'US', phone: null },
    });
  });

  it('keys field errors as the input nests them and leads with the first problem', () => {
    expect(parseAddress({ ...base, name: ' ', zip: '1234' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Enter a name.',
      fields: { 'address.name': 'Enter a name.', 'address.zip': 'Enter a 5-digit ZIP or ZIP+4 (12345-6789).' },
    });
  });

  it('says what to fix when the address is not even an object', () => {
    const refused = parseAddress(null);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('INVALID_INPUT');
      expect(Object.keys(refused.fields ?? {})).toEqual(['address']);
    }
  });

  it('accepts exactly what usAddressSchema accepts, every field error under address.', () => {
    fc.assert(
      fc.property(fc.record({ name: fc.string(), street: fc.string(), city: fc.string(), state: fc.string({ maxLength: 3 }), zip: fc.string({ maxLength: 6 }) }), (raw) => {
        const parsed = parseAddress(raw);
        expect(parsed.ok).toBe(usAddressSchema.safeParse(raw).success);
        if (!parsed.ok) {
          const keys = Object.keys(parsed.fields ?? {});
          expect(keys.every((key) => key.startsWith('address.'))).toBe(true);
          expect(parsed.message).toBe(parsed.fields![keys[0]!]);
        }
      }),
    );
  });
});
