/**
 * Customer and staff text, made safe to show in an email. React already escapes markup; what
 * is left is text that misbehaves while being perfectly valid: bidi controls that reorder the
 * sentence around a name (an RLO in "Hi ‮evil," turns the rest of the line backwards), invisible
 * characters that hide what a string really is, control characters, and lone surrogates.
 */

// Every Bidi_Control character (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), plus the
// deprecated format controls U+206A–U+206F (symmetric swapping, digit shapes) and the invisible
// characters with no use in a name or a note: zero-width space, word joiner, BOM, Mongolian vowel
// separator. ZWJ/ZWNJ stay: emoji sequences and Persian or Indic spelling need them.
const INVISIBLE = /[\p{Bidi_Control}\u206A-\u206F\u200B\u2060\uFEFF\u180E]/gu;
// Control characters (C0, C1, DEL) and line/paragraph separators; tab and newline handled apart.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const LONE_SURROGATE = /\p{Cs}/gu;
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/** One line of text: no bidi or invisible controls, every control or line break a space, spaces collapsed. */
export function inlineText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A multi-line note as its lines, each cleaned like inlineText; runs of blank lines become one
 * blank line (an empty string) so a note can't push the footer off the screen.
 */
export function textLines(value: string): string[] {
  const lines = value.replace(LONE_SURROGATE, '\uFFFD').split(LINE_BREAK).map(inlineText);
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept;
}
