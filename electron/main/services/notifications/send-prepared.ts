/**
 * Hands one prepared message to its channel's connection and returns the reply. Whatever goes
 * wrong on our side (a keystore that throws, a provider bug) comes back as a transient failure,
 * so the row is tried again rather than left 'sending'.
 */
import type { ConnectionPool } from './connection-pool.js';
import type { DeliveryOutcome, MailSettings, NotificationSettingsStore } from './ports.js';
import type { PreparedMessage } from './prepare-messages.js';

export interface SendDeps {
  pool: ConnectionPool;
  settings: Pick<NotificationSettingsStore, 'get'>;
  logError: (message: string, error: unknown) => void;
}

export async function sendPrepared(item: PreparedMessage, mail: MailSettings | null, deps: SendDeps): Promise<DeliveryOutcome> {
  try {
    if (item.row.channel === 'sms') {
      const provider = await deps.pool.sms(deps.settings.get().sms!);
      return provider
        ? await provider.send({ to: item.row.recipient, body: item.smsBody! })
        : { ok: false, failure: 'unreachable', message: 'No Twilio auth token is saved.' };
    }
    const transport = await deps.pool.mailer(mail!);
    return await transport.send({ to: item.row.recipient, messageId: item.messageId, rendered: item.rendered });
  } catch (error) {
    deps.logError(`sending notification ${item.id} failed unexpectedly`, error);
    return { ok: false, failure: 'transient', message: error instanceof Error ? error.message : String(error) };
  }
}
