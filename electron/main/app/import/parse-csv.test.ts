import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, parseCsv } from './parse-csv.js';

const records = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('parseCsv', () => {
  it('numbers records by the line they start on, skipping blank lines', () => {
    expect(records('h1,h2\n\na,b\n  \nc,d').map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [1, 1, ['h1', 'h2']],
      [3, 3, ['a', 'b']],
      [5, 5, ['c', 'd']],
    ]);
  });

  it('keeps a quoted value with line breaks in one record', () => {
    expect(records('h\n"a\nb\nc"\nd\n').map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [1, 1, ['h']],
      [2, 4, ['a\nb\nc']],
      [5, 5, ['d']],
    ]);
  });

  it('reports broken quotes as a sentence on the record', () => {
    const [, broken] = records('h,i\n"a"b,c\n');
    expect(broken!.problem).toMatch(/closing quote/);
    const [, unclosed] = records('h,i\n"a,b\nc,d\n');
    expect(unclosed!.problem).toMatch(/never closed/);
    expect(unclosed!.endLine).toBe(3);
  });

  it('stops at the row limit without parsing the rest', () => {
    const text = `h\n${'x\n'.repeat(MAX_IMPORT_ROWS)}`;
    expect(records(text)).toHaveLength(MAX_IMPORT_ROWS + 1);
    expect(parseCsv(`${text}x\n`)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'This file has 20,001 rows; import at most 20,000 at a time.',
    });
  });

  it('gives every unquoted non-blank line its own record and line number', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9 ]{0,6}$/);
    const line = fc.oneof(fc.constant(''), fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(',')));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const expected = lines.flatMap((text, index) => (text.replace(/,/g, '').trim() === '' ? [] : [index + 1]));
        expect(records(lines.join('\n')).map((r) => r.line)).toEqual(expected);
      }),
    );
  });
});
