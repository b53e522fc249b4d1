import { expect, it } from 'vitest';
import { decodeCsv } from './decode-csv.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

it('drops a UTF-8 byte-order mark and turns CRLF and CR into LF', () => {
  expect(decodeCsv(utf8('\uFEFFa,b\r\nc,d\re'), 'f.csv')).toEqual({ ok: true, value: 'a,b\nc,d\ne' });
  expect(decodeCsv(utf8('Zoë,Łódź,李'), 'f.csv')).toEqual({ ok: true, value: 'Zoë,Łódź,李' });
});

it('refuses Latin-1 bytes, saying on which line and how to save the file instead', () => {
  const result = decodeCsv(Uint8Array.from(Buffer.from('order\nSH-1\nCaf\xe9\n', 'latin1')), 'f.csv');
  expect(result.ok).toBe(false);
  expect(!result.ok && result.message).toContain('f.csv isn\'t UTF-8 text (the first unreadable character is on line 3)');
  expect(!result.ok && result.message).toContain('CSV UTF-8');
});

it('refuses UTF-16, binary and empty files', () => {
  expect(decodeCsv(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), 'f.csv')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(decodeCsv(Uint8Array.from([0x61, 0x00, 0x62, 0x00]), 'f.csv')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(decodeCsv(new Uint8Array(), 'f.csv')).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'f.csv is empty.' });
});
