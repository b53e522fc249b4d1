/**
 * Reads generated PDFs back the way a person or a scanner would, in WebAssembly only, so the tests
 * need no poppler (pdftotext, pdftoppm, pdfinfo) or zbar (zbarimg) on the machine:
 *   - mupdf counts pages and renders a page to a PNG;
 *   - zxing-wasm decodes the barcodes in that PNG;
 *   - unpdf (a serverless build of PDF.js) extracts the text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as mupdf from 'mupdf';
import { extractText } from 'unpdf';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);

// zxing-wasm would fetch its .wasm from a CDN by default; tests run offline, so hand it the file
// that npm installed. The first readBarcodes waits for this to compile.
const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
prepareZXingModule({
  // Exactly the file's bytes: a Buffer may be a view on a larger shared ArrayBuffer.
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
});

/** Points to inches: PDF user space is 72 per inch. */
const POINTS_PER_INCH = 72;

function openPdf(file: string): mupdf.Document {
  return mupdf.Document.openDocument(readFileSync(file), 'application/pdf');
}

export function pageCount(file: string): number {
  const doc = openPdf(file);
  try {
    return doc.countPages();
  } finally {
    doc.destroy();
  }
}

/** One page (numbered from 1) as a PNG at `dpi`, on white, as a printer would put it on paper. */
export function renderPage(file: string, page = 1, dpi = 150): Uint8Array {
  const doc = openPdf(file);
  try {
    const count = doc.countPages();
    if (!Number.isInteger(page) || page < 1 || page > count) throw new RangeError(`${file} has ${count} page(s); there is no page ${page}.`);
    const scale = dpi / POINTS_PER_INCH;
    const pdfPage = doc.loadPage(page - 1);
    const pixmap = pdfPage.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
    try {
      return pixmap.asPNG();
    } finally {
      pixmap.destroy();
      pdfPage.destroy();
    }
  } finally {
    doc.destroy();
  }
}

/** Every barcode's text on a page, read from its 150 dpi rendering. */
export async function decodeBarcodes(file: string, page = 1): Promise<string[]> {
  const results = await readBarcodes(renderPage(file, page), { tryHarder: true, maxNumberOfSymbols: 8 });
  return results.filter((result) => result.isValid).map((result) => result.text);
}

/** The one barcode on a page; fails when there is none or more than one. */
export async function decodeBarcode(file: string, page = 1): Promise<string> {
  const found = await decodeBarcodes(file, page);
  if (found.length !== 1) throw new Error(`Expected one barcode on page ${page} of ${file}, found ${found.length}: ${JSON.stringify(found)}`);
  return found[0]!;
}

/** The text of one page (numbered from 1), or of the whole document with pages separated by a newline. */
export async function pdfText(file: string, page?: number): Promise<string> {
  const { totalPages, text } = await extractText(new Uint8Array(readFileSync(file)), { mergePages: false });
  if (page === undefined) return text.join('\n');
  if (!Number.isInteger(page) || page < 1 || page > totalPages) throw new RangeError(`${file} has ${totalPages} page(s); there is no page ${page}.`);
  return text[page - 1]!;
}
