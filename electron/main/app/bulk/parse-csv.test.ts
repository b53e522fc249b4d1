import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, MAX_IMPORT_ROWS, parseCsv } from './parse-csv.js';

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

  it('takes the separator from the header line alone, whatever the quoted values below contain', () => {
    // papaparse's guess from the first rows took ';' here: the short UPS line (trailing columns
    // left out) made the comma count vary more than the semicolon count inside the quotes.
    const acme = 'Other,PONY1,"Acme; Freight; Co",https://acme.example/1';
    const text = `order,carrier,tracking,carrier name,tracking url\nSH-1,UPS,1Z999\nSH-2,${acme}\nSH-3,${acme}\nSH-4,${acme}\n`;
    expect(detectDelimiter(text)).toBe(',');
    expect(records(text).map((r) => r.fields)).toEqual([
      ['order', 'carrier', 'tracking', 'carrier name', 'tracking url'],
      ['SH-1', 'UPS', '1Z999'],
      ...['SH-2', 'SH-3', 'SH-4'].map((order) => [order, 'Other', 'PONY1', 'Acme; Freight; Co', 'https://acme.example/1']),
    ]);
  });

  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'bar'],
  ])('reads a %s-separated (%s) file with commas, semicolons, tabs, bars, quotes and line breaks inside quoted values', (delimiter) => {
    const values = ['Acme, Inc.', 'Acme; Freight', 'Acme\tFreight', 'A|B', 'say ""hi""', 'two\nlines', 'plain'];
    const header = ['"order"', 'carrier', '"tracking number"'].join(delimiter);
    const row = (value: string) => ['SH-1', `"${value}"`, 'X1'].join(delimiter);
    const text = [header, ...values.map(row)].join('\n');
    expect(detectDelimiter(text)).toBe(delimiter);
    const parsed = records(text);
    expect(parsed[0]!.fields).toEqual(['order', 'carrier', 'tracking number']);
    expect(parsed.slice(1).map((r) => r.fields[1])).toEqual(values.map((v) => v.replace(/""/g, '"')));
    expect(parsed.slice(1).every((r) => r.fields.length === 3 && r.problem === null)).toBe(true);
    // The two-line value is one record starting on line 7 and ending on line 8; "plain" is on line 9.
    expect(parsed.slice(-2).map((r) => [r.line, r.endLine])).toEqual([
      [7, 8],
      [9, 9],
    ]);
  });

  it('takes commas for a one-column header and skips blank lines before the header', () => {
    expect(detectDelimiter('order\nSH-1;x\n')).toBe(',');
    expect(detectDelimiter('\n  \norder;carrier;tracking\n')).toBe(';');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
  });
});
