/**
 * The settings screen's test email: sent outside the queue over a one-off connection, with the
 * saved settings or with a draft being edited. Through the saved server it doubles as a probe.
 */
import type { MakeMailer } from './connection-pool.js';
import { messageIdFor } from './message-headers.js';
import type { DeliveryOutcome, MailSettings, NotificationService, NotificationSettingsStore } from './ports.js';
import { recipientProblem } from './recipients.js';
import { TEST_EMAIL } from './test-email.js';

export interface TestSendDeps {
  settings: Pick<NotificationSettingsStore, 'get' | 'getSecret'>;
  makeMailer: MakeMailer;
  now: () => number;
  random: () => number;
  /** The saved server answered: what waits for it goes now. */
  mailServerAnswered: () => void;
}

const sameMailSettings = (a: MailSettings, b: MailSettings): boolean =>
  Object.keys(a).length === Object.keys(b).length && (Object.keys(a) as Array<keyof MailSettings>).every((key) => a[key] === b[key]);

export async function sendTestEmail(to: string, draft: Parameters<NotificationService['testSend']>[1], deps: TestSendDeps): Promise<DeliveryOutcome> {
  const { settings } = deps;
  const problem = recipientProblem(to);
  if (problem !== null) return { ok: false, failure: 'permanent', message: problem };
  const mail = draft?.mail ?? settings.get().mail;
  if (mail === null) return { ok: false, failure: 'unreachable', message: 'No mail server is set up yet.' };
  const password = draft?.password ?? (mail.user === null ? null : await settings.getSecret('smtpPassword'));
  const oneOff = deps.makeMailer(mail, password, 1);
  try {
    const outcome = await oneOff.send({ to, messageId: messageIdFor(`test:${deps.now()}:${deps.random()}`, mail.fromAddress), rendered: TEST_EMAIL });
    // A test email through the saved server is a probe that succeeded: what waits for it goes now.
    const savedServer = settings.get().mail;
    const probe = savedServer !== null && sameMailSettings(mail, savedServer) && (draft?.password ?? null) === null;
    if (outcome.ok && probe) deps.mailServerAnswered();
    return outcome;
  } finally {
    oneOff.close();
  }
}
