import type { NotificationSettingsView, ParsedInput } from '../../../../shared/contract/index.js';
import { savedPasswordProblem, type SavedSettingsFacts } from '../../../../shared/domain/notifications.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import type {
  DeliveryOutcome,
  NotificationSecretName,
  NotificationService,
  NotificationSettingsStore,
} from '../../services/notifications/ports.js';
import { headerSafe } from '../../services/notifications/header-safe.js';
import { recipientProblem } from '../../services/notifications/recipients.js';
import { checkMailSettings, checkNotificationSettings, formProblemSentence } from '../../services/notifications/settings-rules.js';
import type { AppContext } from '../context.js';

/** Settings live with the sender; a desk that runs none (some tests, tools) has nothing to set. */
export function senderOf(ctx: AppContext): Result<NotificationService> {
  return ctx.notifications
    ? ok(ctx.notifications)
    : fail('INTERNAL', 'This desk does not send notifications, so there is nothing to set up or send here.');
}

/** The settings as the form shows them: never a secret, only whether each is saved. */
export function settingsView(settings: NotificationSettingsStore): NotificationSettingsView {
  const saved = settings.get();
  return {
    mail: saved.mail,
    sms: saved.sms,
    alertThreshold: saved.alertThreshold,
    hasSmtpPassword: settings.hasSecret('smtpPassword'),
    hasTwilioToken: settings.hasSecret('twilioAuthToken'),
  };
}

const savedFacts = (settings: NotificationSettingsStore): SavedSettingsFacts => ({
  mail: settings.get().mail,
  hasSmtpPassword: settings.hasSecret('smtpPassword'),
  hasTwilioToken: settings.hasSecret('twilioAuthToken'),
});

const SECRET_FIELDS = { smtpPassword: 'smtpPassword', twilioAuthToken: 'twilioAuthToken' } as const satisfies Record<string, NotificationSecretName>;

/**
 * Checks every rule, then stores the secrets (encrypted, which can fail where the OS offers no
 * keystore) and only then the settings. If a secret can't be stored, the secrets already
 * changed are put back and nothing is saved: the form and the desk never disagree.
 */
export async function saveSettings(ctx: AppContext, input: ParsedInput<'settings.notifications.save'>): Promise<Result<NotificationSettingsView>> {
  const sender = senderOf(ctx);
  if (!sender.ok) return sender;
  const { settings } = sender.value;
  const checked = checkNotificationSettings(input, savedFacts(settings));
  if (!checked.ok) return fail('INVALID_INPUT', formProblemSentence(checked.fields), checked.fields);

  const changed: { name: NotificationSecretName; before: string | null }[] = [];
  for (const name of Object.values(SECRET_FIELDS)) {
    const value = input[name];
    if (value === undefined) continue;
    try {
      const before = await settings.getSecret(name);
      await settings.setSecret(name, value);
      changed.push({ name, before });
    } catch (error) {
      ctx.logError(`storing the ${name} failed`, error);
      for (const { name: done, before } of changed.reverse()) {
        await settings.setSecret(done, before).catch((restoreError: unknown) => ctx.logError(`restoring the ${done} failed`, restoreError));
      }
      const what = name === 'smtpPassword' ? 'the mail password' : 'the Twilio auth token';
      const sentence = `This computer can't store ${what} encrypted (no system keystore is available), so nothing was saved.`;
      return fail('INTERNAL', sentence, { [name]: sentence });
    }
  }
  settings.save(checked.value);
  return ok(settingsView(settings));
}

const REPLY_MAX = 300;

/** The server's own words, on one line and bounded: they go into a sentence on screen. */
const serverWords = (text: string) => headerSafe(text, REPLY_MAX);

/** What a test send's outcome means, as a person would say it. */
export function describeTestOutcome(outcome: DeliveryOutcome): { ok: boolean; message: string } {
  if (outcome.ok) {
    const reply = serverWords(outcome.response);
    return { ok: true, message: reply ? `The server accepted the test email (${reply}).` : 'The server accepted the test email.' };
  }
  const said = serverWords(outcome.message) || 'no reason given';
  // Wrong credentials count as "unreachable" for the queue (they stop every message alike);
  // to a person they are a refusal of the sign-in, which the server's 530/534/535 reply says.
  if (/^53[0-9]\b/.test(said) || /\bauth/i.test(said)) return { ok: false, message: `The server refused the user name or password: ${said}` };
  if (outcome.failure === 'unknown') return { ok: false, message: `The connection broke after the test email was handed over, so it may or may not have arrived: ${said}` };
  if (outcome.failure === 'unreachable') return { ok: false, message: `The server could not be reached: ${said}` };
  if (outcome.failure === 'transient') return { ok: false, message: `The server turned it away for now: ${said}` };
  return { ok: false, message: `The server refused it: ${said}` };
}

/** Sends one test email with the saved settings, or with the draft on the form (checked by the same rules as save). */
export async function testSend(ctx: AppContext, input: ParsedInput<'settings.notifications.testSend'>): Promise<Result<{ ok: boolean; message: string }>> {
  const sender = senderOf(ctx);
  if (!sender.ok) return sender;
  const fields: Record<string, string> = {};
  const to = input.to.trim();
  const toIssue = to === '' ? 'Enter the address to send the test email to.' : recipientProblem(to);
  if (toIssue) fields.to = toIssue;
  const mail = input.draft ? checkMailSettings(input.draft.mail, fields) : null;
  if (mail && !fields['mail.host']) {
    const passwordIssue = savedPasswordProblem(mail, input.draft?.password, savedFacts(sender.value.settings));
    if (passwordIssue) fields.smtpPassword = passwordIssue;
  }
  if (Object.keys(fields).length > 0) return fail('INVALID_INPUT', formProblemSentence(fields, 'the test email can be sent'), fields);
  if (!mail && !sender.value.settings.get().mail) {
    return fail('INVALID_INPUT', 'Fill in the mail server settings first.', { 'mail.host': "Enter the mail server's name, like smtp.example.com." });
  }
  const draft = mail ? { mail, password: input.draft?.password ?? null } : undefined;
  return ok(describeTestOutcome(await sender.value.testSend(to, draft)));
}
