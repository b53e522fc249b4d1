import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineText, textLines } from './safe-text.js';

const BIDI_AND_INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

describe('inlineText', () => {
  it('drops bidi overrides, embeddings and isolates so a name cannot reorder its sentence', () => {
    expect(inlineText('\u202Egnp.exe')).toBe('gnp.exe');
    expect(inlineText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i')).toBe('abcdefghi');
    expect(inlineText('x\u200Ey\u200Fz\u061C')).toBe('xyz');
  });

  it('drops zero-width spaces, word joiners and BOMs but keeps the joiners emoji and scripts need', () => {
    expect(inlineText('ad\u200Bmin\u2060\uFEFF')).toBe('admin');
    expect(inlineText('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
    expect(inlineText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('turns control characters and line breaks into single spaces', () => {
    expect(inlineText(' Name\r\nBcc: evil@example.com\t\u0000x\u0085y\u2028z ')).toBe('Name Bcc: evil@example.com x y z');
  });

  it('replaces a lone surrogate instead of emitting invalid UTF-16', () => {
    expect(inlineText('a\uD800b')).toBe('a\uFFFDb');
  });

  it('keeps markup characters: escaping them is the renderer’s job', () => {
    expect(inlineText('<script>"\'&')).toBe('<script>"\'&');
  });

  it('never leaves a bidi control, an invisible character or a control character, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const out = inlineText(value);
        expect(BIDI_AND_INVISIBLE.test(out)).toBe(false);
        expect(/[\p{Cc}\u2028\u2029]/u.test(out)).toBe(false);
        expect(inlineText(out)).toBe(out);
      }),
    );
  });
});

describe('textLines', () => {
  it('splits on every kind of line break and cleans each line', () => {
    expect(textLines('one\r\ntwo\rthree\nfo\u202Eur\u2029five')).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('keeps one blank line between paragraphs and none at the ends', () => {
    expect(textLines('\n\nfirst\n\n\n\n\nsecond\n\n')).toEqual(['first', '', 'second']);
    expect(textLines(' \n\u200B\n')).toEqual([]);
  });

  it('yields lines without breaks or controls, never two blank lines in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const lines = textLines(value);
        for (const [index, line] of lines.entries()) {
          expect(/[\p{Cc}\u2028\u2029]/u.test(line)).toBe(false);
          expect(BIDI_AND_INVISIBLE.test(line)).toBe(false);
          if (line === '') expect(index > 0 && lines[index - 1] !== '' && index < lines.length - 1).toBe(true);
        }
      }),
    );
  });
});
