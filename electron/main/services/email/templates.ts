/**
 * The heavy half of rendering: React, React Email and the templates. render.ts loads this module
 * on first use, so starting the app doesn't pay for them.
 */
import { plainTextSelectors } from '@react-email/components';
import { compile, type SelectorDefinition } from 'html-to-text';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { NotificationContent, NotificationKind } from '../../../../shared/domain/notifications.js';
import { headerSafe } from '../notifications/header-safe.js';
import type { EmailBrand, RenderedEmail } from '../notifications/ports.js';
import { cancellationApproved } from './kinds/cancellation-approved.js';
import { cancellationRejected } from './kinds/cancellation-rejected.js';
import { delivered } from './kinds/delivered.js';
import { fulfillmentUpdate } from './kinds/fulfillment-update.js';
import { orderConfirmation } from './kinds/order-confirmation.js';
import { refundIssued } from './kinds/refund-issued.js';
import { returnApproved } from './kinds/return-approved.js';
import { returnRejected } from './kinds/return-rejected.js';
import { shipped } from './kinds/shipped.js';
import { inlineText } from './safe-text.js';
import type { EmailTemplate } from './template.js';

const TEMPLATES: { [K in NotificationKind]: EmailTemplate<K> } = {
  order_confirmation: orderConfirmation,
  fulfillment_update: fulfillmentUpdate,
  shipped,
  delivered,
  cancellation_approved: cancellationApproved,
  cancellation_rejected: cancellationRejected,
  return_approved: returnApproved,
  return_rejected: returnRejected,
  refund_issued: refundIssued,
};

/** The doctype React Email's render() puts in front (XHTML transitional: what email clients expect). */
export const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * Plain-text conversion on top of React Email's own rules (skip images and data-skip-in-text,
 * show a link's URL after its words): headings keep their case, and the item table (class
 * "items") keeps its columns.
 */
export const TEXT_SELECTORS: SelectorDefinition[] = [
  { selector: 'h1', format: 'heading', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  {
    selector: 'table.items',
    format: 'dataTable',
    options: { uppercaseHeaderCells: false, maxColumnWidth: 60, colSpacing: 3, leadingLineBreaks: 1, trailingLineBreaks: 2 },
  },
];

// Compiled once: html-to-text builds its selector tree per call otherwise, which costs more than
// the conversion itself (React Email's toPlainText does exactly that on every email).
const htmlToText = compile({ wordwrap: false, selectors: [...(plainTextSelectors as SelectorDefinition[]), ...TEXT_SELECTORS] });

function templateFor<K extends NotificationKind>(kind: K): EmailTemplate<K> {
  // Stored content comes back through JSON: a kind from a newer version has no template here.
  if (!Object.hasOwn(TEMPLATES, kind)) throw new Error(`No email template for notification kind "${String(kind)}".`);
  return TEMPLATES[kind];
}

/** Trailing spaces off each line, and never more than one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The React element of one message (exported for the test that compares against React Email's render()). */
export function emailElement(content: NotificationContent, brand: EmailBrand) {
  return createElement(templateFor(content.kind).Email, { content, brand });
}

/** Renders one message: its header-safe subject, the HTML part, and the plain text derived from that HTML. */
export function renderParts(content: NotificationContent, brand: EmailBrand): RenderedEmail {
  // The templates are synchronous (no data fetching, no Suspense), so React's static renderer
  // gives the same markup as React Email's render() (less the streaming renderer's comment
  // markers) at a fraction of the cost; the test beside this proves the parts agree.
  const html = DOCTYPE + renderToStaticMarkup(emailElement(content, brand));
  return {
    subject: headerSafe(inlineText(templateFor(content.kind).subject(content))),
    html,
    text: `${tidyText(htmlToText(html))}\n`,
  };
}
