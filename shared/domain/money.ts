import { z } from 'zod';

/** The only currency the desk handles today; widened deliberately when a second one arrives. */
export type Currency = 'USD';

export interface Money {
  cents: number;
  currency: Currency;
}

/** Ten billion cents ($100M): far above any real order, low enough to catch unit mix-ups. */
export const MAX_CENTS = 100_000_000_00;

/**
 * True when `n` is usable as an amount: a safe, non-negative integer.
 * Floats are rejected outright because they are how rounding bugs get in.
 */
export function isCents(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function assertCents(n: number, what: string): void {
  if (!isCents(n)) {
    throw new RangeError(`${what} must be a non-negative safe integer of cents, got ${String(n)}`);
  }
}

/**
 * Adds amounts in cents.
 * @throws RangeError when an operand is not cents or the sum stops being a safe integer,
 *   since either means a caller bug rather than bad user input.
 */
export function addCents(...n: number[]): number {
  let total = 0;
  for (const value of n) {
    assertCents(value, 'addCents operand');
    total += value;
  }
  assertCents(total, 'addCents total');
  return total;
}

/**
 * Formats cents as "$1,234.56".
 * Built by hand rather than with Intl so the output never varies with the host locale
 * (the desk and the server must render identical email text).
 * @throws RangeError on negative or non-integer input: amounts shown to people are never negative here.
 */
export function formatMoney(cents: number, currency: Currency = 'USD'): string {
  assertCents(cents, 'formatMoney amount');
  if (currency !== 'USD') throw new RangeError(`Unsupported currency ${String(currency)}`);
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  const grouped = String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${grouped}.${String(rest).padStart(2, '0')}`;
}

/**
 * Sum of quantity × unit price over order lines, in cents.
 * @throws RangeError for non-integer or negative quantities/prices, or an unsafe total.
 */
export function sumLineTotals(lines: readonly { quantity: number; unitPriceCents: number }[]): number {
  let total = 0;
  for (const line of lines) {
    assertCents(line.quantity, 'line quantity');
    assertCents(line.unitPriceCents, 'line unit price');
    total += line.quantity * line.unitPriceCents;
    assertCents(total, 'line total');
  }
  return total;
}

/** Schema for an amount in cents coming from a form or the wire. */
export const centsSchema = z
  .number({ error: 'Enter an amount.' })
  .int({ error: 'Amounts are whole cents.' })
  .min(0, { error: "An amount can't be negative." })
  .max(MAX_CENTS, { error: `An amount can't exceed ${formatMoney(MAX_CENTS)}.` });
