import type { RenderedEmail } from './ports.js';

/** The settings screen's test send: fixed words, nothing from a customer, so nothing to escape. */
export const TEST_EMAIL: RenderedEmail = {
  subject: 'Order Desk test email',
  text: 'This is a test email from Order Desk.\n\nIf you can read it, the mail server settings work and customer emails will be delivered.\n',
  html:
    '<!DOCTYPE html><html lang="en"><body style="font-family:Arial,Helvetica,sans-serif;color:#1a1b1e">' +
    '<p>This is a test email from Order Desk.</p>' +
    '<p>If you can read it, the mail server settings work and customer emails will be delivered.</p>' +
    '</body></html>',
};
