/**
 * Customer emails: one template per notification kind (kinds/), a shared layout, and this entry
 * point. Output depends only on the content and the brand, byte for byte, so a stored message
 * and its preview are the same thing.
 */
import type { RenderEmail } from '../notifications/ports.js';

let templates: Promise<typeof import('./templates.js')> | undefined;

/**
 * Renders a notification's content as an email: subject (header-safe), HTML and plain text.
 * The templates load on the first call.
 * @throws Error for a kind with no template (content that skipped the schema).
 */
export const renderEmail: RenderEmail = async (content, brand) => {
  templates ??= import('./templates.js');
  const { renderParts } = await templates;
  return renderParts(content, brand);
};
