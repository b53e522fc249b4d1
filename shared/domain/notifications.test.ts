import { describe, expect, it } from 'vitest';
import { notificationContentSchema, savedPasswordProblem } from './notifications.js';

describe('notificationContentSchema', () => {
  const shipped = {
    kind: 'shipped',
    orderNumber: 'SH-1',
    customerName: 'Casey',
    storeNames: ['Alder Goods'],
    carrierName: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    items: [{ title: 'Mug', sku: 'MUG', quantity: 1 }],
    partial: false,
    estimatedDelivery: null,
  };

  it('accepts a complete snapshot', () => {
    expect(notificationContentSchema.safeParse(shipped).success).toBe(true);
  });

  it('refuses a tracking link that is not https, so no email can carry a javascript: or http: link', () => {
    for (const trackingUrl of ['http://www.ups.com/track', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(notificationContentSchema.safeParse({ ...shipped, trackingUrl }).success).toBe(false);
    }
  });

  it('refuses a refund of nothing', () => {
    const refund = { kind: 'refund_issued', orderNumber: 'SH-1', customerName: 'C', storeNames: [], amountCents: 0, totalRefundedCents: 0, reason: null };
    expect(notificationContentSchema.safeParse(refund).success).toBe(false);
    expect(notificationContentSchema.safeParse({ ...refund, amountCents: 1250, totalRefundedCents: 1250 }).success).toBe(true);
  });
});

describe('savedPasswordProblem', () => {
  const signedIn = {
    host: 'smtp.example.com',
    port: 465,
    security: 'tls' as const,
    user: 'desk',
    fromName: 'Alder Goods',
    fromAddress: 'orders@example.com',
    replyTo: null,
  };
  const saved = { mail: signedIn, hasSmtpPassword: true, hasTwilioToken: false };

  it('lets the saved password go only to the server and user it was saved for', () => {
    expect(savedPasswordProblem(signedIn, undefined, saved)).toBeNull();
    // Settings that don't decide where the password goes (here the sender name) don't matter.
    const renamed = { ...signedIn, host: 'SMTP.example.com', fromName: 'Renamed' };
    expect(savedPasswordProblem(renamed, null, saved)).toBeNull();
    // Another port or security mode could carry it in clear text: typed again, like a new host.
    expect(savedPasswordProblem({ ...signedIn, port: 587 }, null, saved)).toMatch(/^Enter the password again: the server settings changed \(port\)/);
    expect(savedPasswordProblem({ ...signedIn, security: 'none' }, undefined, saved)).toMatch(/\(security\)/);
    expect(savedPasswordProblem({ ...signedIn, host: 'evil.example.net' }, undefined, saved)).toMatch(/Type it again to use it with evil.example.net/);
    expect(savedPasswordProblem({ ...signedIn, user: 'someone-else' }, null, saved)).not.toBeNull();
    expect(savedPasswordProblem({ ...signedIn, host: 'evil.example.net' }, 'typed', saved)).toBeNull();
    expect(savedPasswordProblem({ ...signedIn, host: 'evil.example.net', user: null }, undefined, saved)).toBeNull();
    expect(savedPasswordProblem({ ...signedIn, host: 'evil.example.net' }, undefined, { ...saved, hasSmtpPassword: false })).toBeNull();
  });
});
