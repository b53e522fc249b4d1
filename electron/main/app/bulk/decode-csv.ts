import { fail, ok, type Result } from '../../../../shared/domain/result.js';

const SAVE_AS = 'In your spreadsheet choose "Save as" → "CSV UTF-8 (comma delimited)" and import that file.';

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Turns the uploaded bytes into text, refusing anything that isn't UTF-8 instead of guessing:
 * a Latin-1 or UTF-16 file decoded as UTF-8 would import mangled order numbers silently.
 * A UTF-8 byte-order mark (Excel writes one) is dropped; line endings become \n.
 */
export function decodeCsv(bytes: Uint8Array, fileName: string): Result<string> {
  if (bytes.length === 0) return fail('INVALID_INPUT', `${fileName} is empty.`);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    return fail('INVALID_INPUT', `${fileName} is saved as UTF-16 ("Unicode text"), not UTF-8. ${SAVE_AS}`);
  }
  let text: string;
  try {
    // ignoreBOM false: the decoder itself strips a leading UTF-8 byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lineOf(lenient, lenient.indexOf('\uFFFD'));
    return fail(
      'INVALID_INPUT',
      `${fileName} isn't UTF-8 text (the first unreadable character is on line ${line}); it was probably saved as "CSV" in a Windows or Mac encoding. ${SAVE_AS}`,
    );
  }
  if (text.includes('\u0000')) {
    return fail('INVALID_INPUT', `${fileName} isn't a CSV text file. ${SAVE_AS}`);
  }
  return ok(text.replace(/\r\n?/g, '\n'));
}
