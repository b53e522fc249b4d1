/**
 * Characters that show nothing: Unicode White_Space (which String.prototype.trim misses in part,
 * e.g. U+0085 NEXT LINE), Default_Ignorable_Code_Point (zero-width space and joiners, U+2060,
 * U+FEFF, the soft hyphen U+00AD, variation selectors, the Hangul fillers...) and C0/C1 controls.
 * A required text made only of these looks empty to whoever reads it later, so it counts as empty.
 */
const INVISIBLE = '[\\p{White_Space}\\p{Default_Ignorable_Code_Point}\\p{Cc}]';
const EDGES = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');
const ONLY_INVISIBLE = new RegExp(`^${INVISIBLE}*$`, 'u');

/** True when the text shows nothing at all: empty, or only whitespace and invisible characters. */
export const isBlankText = (text: string): boolean => ONLY_INVISIBLE.test(text);

/**
 * trim() that also removes invisible characters at either end, so "\u200B" becomes "" and a
 * note is never stored with a zero-width space hanging off it. Characters inside the text are
 * kept: a zero-width joiner inside an emoji sequence is part of what is shown.
 */
export const trimInvisible = (text: string): string => text.replace(EDGES, '');

/**
 * Characters as a person counts them (code points): an emoji is one, not the two UTF-16 units
 * String.length sees. Text limits the desk states in characters are checked with this on both
 * sides, so the renderer and main never disagree about what fits.
 */
export const charCount = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};
