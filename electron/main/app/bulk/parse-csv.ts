import Papa from 'papaparse';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';

/** The most data rows one import takes: enough for a day's shipping, small enough to answer fast. */
export const MAX_IMPORT_ROWS = 20_000;

/** One record of the file, with where it sits in the file (1-based, header = line 1). */
export interface CsvRecord {
  line: number;
  /** Last line the record covers: later than `line` when a quoted value spans lines. */
  endLine: number;
  fields: string[];
  /** A sentence about broken quoting in this record, when papaparse reported any. */
  problem: string | null;
}

const isBlank = (fields: string[]) => fields.every((field) => field.trim() === '');

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The first line with anything on it: the header. */
function headerLine(text: string): string {
  for (const line of text.split('\n', 50)) if (line.trim() !== '') return line;
  return '';
}

/**
 * The separator, decided by the header line alone: the one that splits it into the most columns,
 * quotes respected, commas winning a tie. Guessing from the data rows too (papaparse's default)
 * lets a quoted value such as "Acme; Freight" outvote the header and refuse a good file.
 */
export function detectDelimiter(text: string): string {
  const header = headerLine(text);
  let best: string = ',';
  let bestColumns = 1;
  for (const delimiter of DELIMITERS) {
    const columns = Papa.parse<string[]>(header, { delimiter, preview: 1 }).data[0]?.length ?? 0;
    if (columns > bestColumns) {
      best = delimiter;
      bestColumns = columns;
    }
  }
  return best;
}

/** Non-blank lines: the row count a person sees in a text editor, found without parsing. */
function countNonBlankLines(text: string): number {
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '') count++;
    start = end + 1;
  }
  return count;
}

function quoteProblem(errors: Papa.ParseError[]): string | null {
  const quote = errors.find((error) => error.type === 'Quotes');
  if (!quote) return null;
  return quote.code === 'MissingQuotes'
    ? 'A quoted value on this line is never closed, so the lines after it were read as part of it. Check the quotes (") and import again.'
    : 'A quoted value on this line has text after its closing quote. Put the whole value inside the quotes, and double any quote inside it ("").';
}

/**
 * Parses CSV text into records with their line numbers. Stops reading as soon as the file turns
 * out to hold more than MAX_IMPORT_ROWS data rows, so a huge file is refused in milliseconds and
 * never parsed (or validated) in full.
 */
export function parseCsv(text: string): Result<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let dataRows = -1; // the first non-blank record is the header
  let tooMany = false;
  let line = 1;
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    newline: '\n',
    skipEmptyLines: false,
    step(result, parser) {
      const end = result.meta.cursor;
      let breaks = 0;
      for (let i = text.indexOf('\n', offset); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) breaks++;
      // The record's own trailing line break ends it; any other break is inside a quoted value.
      const trailing = end > offset && text[end - 1] === '\n' ? 1 : 0;
      const record: CsvRecord = {
        line,
        endLine: line + breaks - trailing,
        fields: result.data,
        problem: quoteProblem(result.errors),
      };
      line += breaks;
      offset = end;
      if (isBlank(record.fields) && record.problem === null) return;
      records.push(record);
      if (++dataRows > MAX_IMPORT_ROWS) {
        tooMany = true;
        parser.abort();
      }
    },
  });
  if (tooMany) {
    const rows = Math.max(countNonBlankLines(text) - 1, MAX_IMPORT_ROWS + 1);
    return fail(
      'INVALID_INPUT',
      `This file has ${rows.toLocaleString('en-US')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.`,
    );
  }
  return ok(records);
}
