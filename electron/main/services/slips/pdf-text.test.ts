import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './pdf-text.js';

describe('toWinAnsi', () => {
  it('keeps Latin-1 and Windows-1252 text as it is', () => {
    expect(toWinAnsi('Zoë Ångström — “Giclée” €12')).toBe('Zoë Ångström — “Giclée” €12');
  });

  it('drops accents the fonts lack and marks what they cannot show', () => {
    expect(toWinAnsi('Łódź Dvořák')).toBe('?ódz Dvorák');
    expect(toWinAnsi('李 🙂')).toBe('? ?');
  });

  it('turns control characters into spaces', () => {
    expect(toWinAnsi('a\tb\nc\u0085d')).toBe('a b c d');
  });

  it('always yields WinAnsi-only text of at most one character per code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const out = toWinAnsi(text);
        for (const char of out) {
          const code = char.codePointAt(0)!;
          expect(code >= 0x20 && (code < 0x7f || code >= 0xa0 || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(char))).toBe(true);
        }
      }),
    );
  });
});
