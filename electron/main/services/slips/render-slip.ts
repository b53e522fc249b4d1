/// <reference types="pdfkit" />
import type { AddressSnapshot } from '../../../../shared/contract/schemas.js';
import { drawCode128, encodeCode128 } from './barcode.js';
import { toWinAnsi } from './pdf-text.js';
import type { SlipData } from './slip-data.js';

type Doc = PDFKit.PDFDocument;

/** US Letter in points, with half-inch-and-a-bit margins that every office printer can reach. */
export const PAGE = { width: 612, height: 792, margin: 54 } as const;
const CONTENT_RIGHT = PAGE.width - PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;

// 1.44 pt = 3 pixels at 150 dpi and 6 dots at 300 dpi: every bar lands on whole pixels when
// rasterised, which keeps edges sharp for scanners. Long order numbers shrink, never below 2 px.
const MODULE = 1.44;
const MIN_MODULE = 0.96;
const QUIET_MODULES = 10;
const BARCODE_MAX_WIDTH = 260;
const BARCODE_HEIGHT = 58;
const GRID = 0.48; // one pixel at 150 dpi

const GRAY = '#555555';
const COLUMNS = { sku: PAGE.margin, title: PAGE.margin + 130, qty: CONTENT_RIGHT - 70, check: CONTENT_RIGHT - 14 } as const;
const TITLE_WIDTH = COLUMNS.qty - COLUMNS.title - 12;
const NOTE_MAX_CHARS = 1500;

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' });

function addressLines(address: AddressSnapshot): string[] {
  return [
    address.name,
    address.street,
    address.street2 ?? '',
    `${address.city}, ${address.state} ${address.zip}`,
    'United States',
    address.phone ? `Phone ${address.phone}` : '',
  ].filter((line) => line.trim() !== '');
}

/** The order-number barcode, right-aligned at the top; returns the y below its caption. */
function drawBarcode(doc: Doc, orderNumber: string, top: number): number {
  const code = encodeCode128(orderNumber);
  const module = Math.max(MIN_MODULE, Math.min(MODULE, BARCODE_MAX_WIDTH / (code.modules + 2 * QUIET_MODULES)));
  const width = code.modules * module;
  const x = Math.floor((CONTENT_RIGHT - QUIET_MODULES * module - width) / GRID) * GRID;
  drawCode128(doc, code, x, top, module, BARCODE_HEIGHT);
  doc.font('Courier-Bold').fontSize(12).fillColor('#000000');
  doc.text(orderNumber, x, top + BARCODE_HEIGHT + 4, { width, align: 'center', lineBreak: false });
  return top + BARCODE_HEIGHT + 20;
}

function drawTableHeader(doc: Doc, y: number): number {
  doc.font('Helvetica-Bold').fontSize(9).fillColor(GRAY);
  doc.text('SKU', COLUMNS.sku, y, { lineBreak: false });
  doc.text('ITEM', COLUMNS.title, y, { lineBreak: false });
  doc.text('QTY', COLUMNS.qty, y, { width: 40, align: 'right', lineBreak: false });
  doc.text('OK', COLUMNS.check - 2, y, { lineBreak: false });
  const below = y + 14;
  doc.moveTo(PAGE.margin, below - 3).lineTo(CONTENT_RIGHT, below - 3).lineWidth(0.75).strokeColor('#999999').stroke();
  return below + 3;
}

/** Starts a continuation page for a slip that runs long; returns where the table resumes. */
function continuePage(doc: Doc, slip: SlipData): number {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#000000');
  doc.text(`Order ${slip.orderNumber} (continued)`, PAGE.margin, PAGE.margin, { lineBreak: false });
  return drawTableHeader(doc, PAGE.margin + 24);
}

/**
 * Draws one order's packing slip, starting on a new page: store, order number with its Code 128
 * barcode (what the packing station's scan field reads back), order date, ship-to address,
 * shipping method, the items to pack with SKU and quantity, and the customer's note.
 */
export function renderSlip(doc: Doc, slip: SlipData): void {
  doc.addPage();
  const top = PAGE.margin;
  const barcodeBottom = drawBarcode(doc, slip.orderNumber, top);

  const leftWidth = 270;
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000000');
  doc.text(toWinAnsi(slip.storeNames.join(' · ')), PAGE.margin, top, { width: leftWidth, height: 70, ellipsis: true });
  doc.font('Helvetica').fontSize(10).fillColor(GRAY).text('Packing slip', PAGE.margin, doc.y + 2, { width: leftWidth });

  let y = Math.max(barcodeBottom, doc.y) + 18;
  const detailsX = PAGE.margin + 300;
  doc.font('Helvetica-Bold').fontSize(9).fillColor(GRAY);
  doc.text('SHIP TO', PAGE.margin, y, { lineBreak: false });
  doc.text('ORDER', detailsX, y, { lineBreak: false });
  y += 13;
  doc.font('Helvetica').fontSize(11).fillColor('#000000');
  const shipTo = slip.shipTo ? addressLines(slip.shipTo) : [slip.customerName, 'No shipping address: nothing to post.'];
  doc.text(shipTo.map(toWinAnsi).join('\n'), PAGE.margin, y, { width: 280 });
  const addressBottom = doc.y;
  const details = [
    `Order ${slip.orderNumber}`,
    `Placed ${dateFormat.format(slip.placedAt)}`,
    `Shipping: ${slip.shippingMethod ?? 'not chosen'}`,
  ];
  doc.text(details.map(toWinAnsi).join('\n'), detailsX, y, { width: CONTENT_RIGHT - detailsX });
  y = Math.max(addressBottom, doc.y) + 22;

  y = drawTableHeader(doc, y);
  for (const item of slip.items) {
    const title = toWinAnsi(item.title) + (item.shipped > 0 ? `\n${item.shipped} of ${item.quantity} already shipped` : '');
    doc.font('Helvetica').fontSize(10);
    const height = Math.max(14, doc.heightOfString(title, { width: TITLE_WIDTH })) + 6;
    if (y + height > BOTTOM) y = continuePage(doc, slip);
    doc.fillColor('#000000').font('Courier').fontSize(10);
    doc.text(toWinAnsi(item.sku), COLUMNS.sku, y, { width: COLUMNS.title - COLUMNS.sku - 8, lineBreak: false, ellipsis: true });
    doc.font('Helvetica').fontSize(10).text(title, COLUMNS.title, y, { width: TITLE_WIDTH });
    doc.font('Helvetica-Bold').fontSize(11).text(String(item.quantity), COLUMNS.qty, y, { width: 40, align: 'right', lineBreak: false });
    doc.rect(COLUMNS.check, y, 10, 10).lineWidth(0.75).strokeColor('#000000').stroke();
    y += height;
  }
  if (slip.items.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(10).fillColor(GRAY).text('Nothing physical to pack.', COLUMNS.title, y);
    y = doc.y + 6;
  }
  if (slip.digitalItems > 0) {
    const plural = slip.digitalItems === 1 ? 'item' : 'items';
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(GRAY);
    doc.text(`Plus ${slip.digitalItems} digital ${plural}, delivered by download: nothing to pack.`, COLUMNS.title, y + 2, { width: TITLE_WIDTH });
    y = doc.y + 6;
  }

  if (slip.customerNote) {
    const note = slip.customerNote.slice(0, NOTE_MAX_CHARS).split('\n').map(toWinAnsi).join('\n');
    const width = CONTENT_RIGHT - PAGE.margin - 20;
    doc.font('Helvetica').fontSize(10);
    const height = doc.heightOfString(note, { width }) + 34;
    y += 14;
    if (y + height > BOTTOM) y = continuePage(doc, slip) + 4;
    doc.rect(PAGE.margin, y, CONTENT_RIGHT - PAGE.margin, height).lineWidth(0.75).strokeColor('#999999').stroke();
    doc.font('Helvetica-Bold').fontSize(9).fillColor(GRAY).text('NOTE FROM THE CUSTOMER', PAGE.margin + 10, y + 9, { lineBreak: false });
    doc.font('Helvetica').fontSize(10).fillColor('#000000').text(note, PAGE.margin + 10, y + 24, { width });
  }
}
