/**
 * The settings form asks for the SMTP password again as soon as the security mode (or host,
 * port, user) moves away from what it was saved for, and main refuses a save or a test send
 * that would reuse it: switching to "None" can't send the saved password in clear.
 */
import { renderEmail } from '../../electron/main/services/email/render.js';
import { memoryNotificationSettings } from '../../electron/main/services/notifications/memory-settings.js';
import { createNotificationService } from '../../electron/main/services/notifications/service.js';
import { expect, test } from './desk.fixture.js';

const PASSWORD = 'correct-horse-battery-staple';
const mail = { host: 'smtp.example.com', port: 587, security: 'starttls' as const, user: 'desk@example.com', fromName: 'Shomp Orders', fromAddress: 'orders@example.com', replyTo: null };

test('switching security to None asks for the password again, on the form and in main', async ({ page, desk }) => {
  const settings = memoryNotificationSettings({ mail }, { smtpPassword: PASSWORD });
  const sent: Array<string | null> = [];
  desk.app.ctx.notifications = createNotificationService({
    store: desk.store,
    settings,
    renderEmail,
    logError: () => {},
    createMailer: (_mail, password) => ({
      send: async () => {
        sent.push(password);
        return { ok: true, providerId: '<t@example.com>', response: '250 OK' };
      },
      close() {},
    }),
  });
  await page.goto(desk.host.url);
  await page.getByTestId('nav-settings').click();
  const form = page.getByRole('form', { name: 'Notification settings' });
  const password = form.getByLabel(/^Password/);
  const askedAgain = /Enter the password again: the server settings changed \(security\)/;
  await expect(password).not.toHaveAccessibleDescription(askedAgain);

  await form.getByRole('combobox', { name: 'Security' }).selectOption('none');
  // On the password field itself: its error is part of the field's accessible description.
  await expect(password).toHaveAccessibleDescription(askedAgain);
  await expect(form.getByText(askedAgain)).toBeVisible();

  await form.getByRole('textbox', { name: 'Send a test email to' }).fill('me@example.com');
  await form.getByRole('button', { name: 'Send test email' }).click();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-error')).toContainText('Enter the password again');
  expect(sent).toEqual([]);
  expect(settings.get().mail).toEqual(mail);

  await password.fill('typed-for-plain-text');
  await expect(password).not.toHaveAccessibleDescription(askedAgain);
  await form.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByTestId('test-send-outcome')).toContainText('The server accepted the test email');
  expect(sent).toEqual(['typed-for-plain-text']);
});
