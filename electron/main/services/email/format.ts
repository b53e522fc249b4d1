/**
 * Dates in emails. Deterministic by construction: the same content must render byte-identical
 * text (the preview shows exactly what was sent), so the date is assembled by hand from numeric
 * parts in a fixed zone, never from a locale format that changes with the ICU version.
 */

/** The desk sells in the US; Eastern time is what most customers and sellers expect on a receipt. */
export const EMAIL_TIME_ZONE = 'America/New_York';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: EMAIL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** "May 3, 2026" for an epoch-ms instant, in Eastern time; null when the number is no real date. */
export function formatEmailDate(epochMs: number): string | null {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return null;
  const parts = dateParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  const name = MONTHS[month - 1];
  if (name === undefined || !Number.isInteger(day) || !Number.isInteger(year)) return null;
  return `${name} ${day}, ${year}`;
}
