import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInput, orderUnreachable, roleRefused, unreachable } from './access.js';

describe('unreachable', () => {
  it('tells an admin the thing does not exist, and a seller only that it is not theirs', () => {
    expect(unreachable(true, 'No such slip.', 'Not your slip.')).toEqual({ ok: false, code: 'NOT_FOUND', message: 'No such slip.' });
    expect(unreachable(false, 'No such slip.', 'Not your slip.')).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Not your slip.' });
  });

  it("gives a seller the same answer whatever the order id, so ids can't be probed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.integer({ min: 1 }), (a, b) => {
        expect(orderUnreachable(false, a)).toEqual(orderUnreachable(false, b));
      }),
    );
  });

  it('names the missing order to an admin', () => {
    expect(orderUnreachable(true, 42)).toEqual({ ok: false, code: 'NOT_FOUND', message: 'There is no order with id 42.' });
    expect(orderUnreachable(false, 42)).toEqual({ ok: false, code: 'FORBIDDEN', message: "This order isn't in any of your stores." });
  });
});

describe('roleRefused', () => {
  it('is a FORBIDDEN that names no permission', () => {
    expect(roleRefused()).toEqual({ ok: false, code: 'FORBIDDEN', message: "Your role doesn't allow this." });
  });
});

describe('invalidInput', () => {
  const schema = z.object({
    orderId: z.number({ error: 'Expected an order id.' }).int(),
    items: z.array(z.object({ itemId: z.number(), quantity: z.number().min(1, { error: 'At least 1.' }) })),
  });
  const refuse = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) throw new Error('the schema accepted it');
    return invalidInput(parsed.error);
  };

  it('keys each problem by its dotted path and leads with the first', () => {
    const failure = refuse({ orderId: 'x', items: [{ itemId: 1, quantity: 0 }] });
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.fields).toEqual({ orderId: 'Expected an order id.', 'items.0.quantity': 'At least 1.' });
    expect(failure.message).toBe('orderId: Expected an order id.');
  });

  it('keys a problem with the input as a whole as "_"', () => {
    const failure = refuse('not an object');
    expect(Object.keys(failure.fields ?? {})).toEqual(['_']);
    expect(failure.message.startsWith('_: ')).toBe(true);
  });

  it('keeps the first message when one field has several problems', () => {
    const twice = z.string().min(3, { error: 'Too short.' }).regex(/^\d+$/, { error: 'Digits only.' });
    const parsed = z.object({ code: twice }).safeParse({ code: 'a' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(invalidInput(parsed.error).fields).toEqual({ code: 'Too short.' });
  });

  it('has a field for every path zod refused, and the message is one of them', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const parsed = schema.safeParse(raw);
        fc.pre(!parsed.success);
        if (parsed.success) return;
        const failure = invalidInput(parsed.error);
        const paths = new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '_'));
        expect(new Set(Object.keys(failure.fields ?? {}))).toEqual(paths);
        const [key, message] = Object.entries(failure.fields ?? {})[0]!;
        expect(failure.message).toBe(`${key}: ${message}`);
      }),
    );
  });
});
