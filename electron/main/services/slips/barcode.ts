import bwipjs from 'bwip-js/node';

/** A Code 128 symbol as bar and space widths in modules, starting with a bar. */
export interface Code128 {
  widths: number[];
  modules: number;
}

/**
 * Encodes text as Code 128 with bwip-js (which picks code sets A/B/C and the check character).
 * Only the module pattern is taken, so the bars can be drawn as vector rectangles: sharp at any
 * printer resolution, where a PNG would be resampled.
 */
export function encodeCode128(text: string): Code128 {
  const [symbol] = bwipjs.raw('code128', text, {});
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js returned no Code 128 pattern');
  const widths: number[] = symbol.sbs;
  return { widths, modules: widths.reduce((sum: number, width: number) => sum + width, 0) };
}

/** Anything that can fill rectangles: a pdfkit document in practice. */
export interface BarCanvas {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color?: string): unknown;
}

/**
 * Draws the bars at (x, y) with one module `module` points wide. The caller leaves a quiet zone of
 * at least 10 modules either side clear, as the Code 128 specification asks.
 */
export function drawCode128(canvas: BarCanvas, code: Code128, x: number, y: number, module: number, height: number): void {
  let cursor = x;
  for (const [index, width] of code.widths.entries()) {
    if (index % 2 === 0) canvas.rect(cursor, y, width * module, height);
    cursor += width * module;
  }
  canvas.fill('#000000');
}
