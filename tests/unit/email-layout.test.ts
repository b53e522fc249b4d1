/**
 * The rendered emails in a real browser engine: a 20,000-character word must wrap instead of
 * widening the message past a phone's screen, and no hostile payload may run script.
 */
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationContent } from '../../shared/domain/notifications.js';
import { renderEmail } from '../../electron/main/services/email/render.js';
import { allSamples, SAMPLE_BRAND } from '../../electron/main/services/email/samples.js';
import { launchChromium } from '../chromium.js';

/** The content with every free-text string set to `payload` (the tracking URL stays valid). */
function poisoned(content: NotificationContent, payload: string): NotificationContent {
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return key === 'kind' || key === 'trackingUrl' ? value : payload;
    if (Array.isArray(value)) return value.map((item) => visit(item, key));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  return visit(content, '') as NotificationContent;
}

const PAYLOADS = [
  'W'.repeat(20_000),
  '<img src=x onerror="window.__ran=1;alert(1)"><script>window.__ran=1</script>',
  '\u202E'.repeat(3) + 'W'.repeat(300),
];

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  ran: number;
  scripts: number;
}

// Runs in the page (a string: this project's Node typings have no DOM).
const MEASURE = `({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  ran: window.__ran ?? 0,
  scripts: document.querySelectorAll('script, img, iframe, [onerror], [onload]').length,
})`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('emails in Chromium', () => {
  for (const width of [360, 600]) {
    it(`never scroll sideways at ${width} px and never run script`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 }, javaScriptEnabled: true });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        for (const payload of PAYLOADS) {
          for (const sample of allSamples()) {
            const email = await renderEmail(poisoned(sample, payload), { senderName: payload, replyAddress: payload });
            await page.setContent(email.html, { waitUntil: 'load' });
            const layout = (await page.evaluate(MEASURE)) as Layout;
            expect(layout.scrollWidth, `${sample.kind} with ${payload.slice(0, 30)}…`).toBeLessThanOrEqual(layout.innerWidth);
            expect(layout.ran).toBe(0);
            expect(layout.scripts).toBe(0);
          }
        }
        // A sample of every kind as sent (no payload) fits too.
        for (const sample of allSamples()) {
          await page.setContent((await renderEmail(sample, SAMPLE_BRAND)).html, { waitUntil: 'load' });
          const layout = (await page.evaluate(MEASURE)) as Layout;
          expect(layout.scrollWidth, sample.kind).toBeLessThanOrEqual(layout.innerWidth);
        }
        expect(dialogs).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
