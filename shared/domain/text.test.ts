import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankText, trimInvisible } from './text.js';

/** Characters that look like nothing, from each family the rule covers. */
const INVISIBLES = [
  ' ', '\t', '\n', '\r', '\u000B', '\u000C', '\u0085', '\u00A0', '\u1680', '\u2000', '\u200A', '\u2028', '\u2029', '\u202F',
  '\u205F', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u180E', '\u3164', '\uFE0F',
  '\u0000', '\u0007', '\u009F',
];

const invisibleText = fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 12 }).map((chars) => chars.join(''));

describe('isBlankText', () => {
  it.each(INVISIBLES.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s alone is blank', (_name, c) => {
    expect(isBlankText(c)).toBe(true);
    expect(isBlankText(c.repeat(3))).toBe(true);
  });

  it('counts U+0085 and U+200B as blank although trim() keeps them', () => {
    expect('\u0085'.trim()).not.toBe('');
    expect('\u200B'.trim()).not.toBe('');
    expect(isBlankText('\u0085')).toBe(true);
    expect(isBlankText(' \u200B ')).toBe(true);
  });

  it('sees any visible character', () => {
    for (const text of ['a', '.', '-', '0', '李', '😀', '\u200Bx\u200B', '\u0301']) expect(isBlankText(text)).toBe(false);
  });

  it('any mix of invisible characters is blank; adding one visible character makes it not blank', () => {
    fc.assert(
      fc.property(invisibleText, invisibleText, fc.constantFrom('a', 'Z', '7', 'é', '中', '!'), (before, after, visible) => {
        expect(isBlankText(before + after)).toBe(true);
        expect(isBlankText(before + visible + after)).toBe(false);
      }),
    );
  });
});

describe('trimInvisible', () => {
  it('removes invisible characters at both ends and keeps those inside', () => {
    expect(trimInvisible('\u200B\u0085 Address check \uFEFF\u00AD')).toBe('Address check');
    expect(trimInvisible('👩\u200D💻')).toBe('👩\u200D💻');
    expect(trimInvisible('\u200B')).toBe('');
  });

  it('is trim() for ordinary text, idempotent, and empty exactly for blank text', () => {
    fc.assert(
      fc.property(fc.string(), invisibleText, invisibleText, (text, before, after) => {
        const trimmed = trimInvisible(before + text + after);
        expect(trimInvisible(trimmed)).toBe(trimmed);
        expect(trimmed === '').toBe(isBlankText(text));
        expect(trimmed).toBe(trimInvisible(text));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]*$/), (ascii) => {
        expect(trimInvisible(ascii)).toBe(ascii.trim());
      }),
    );
  });
});
