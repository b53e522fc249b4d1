/**
 * Text for a header (subject, display name): control characters, CR and LF included, become
 * spaces, so no value can end a header line and start another. Length is capped for the same
 * reason mail clients cap it: nobody reads a 10,000-character subject.
 */
export function headerSafe(value: string, max = 200): string {
  const flat = value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
