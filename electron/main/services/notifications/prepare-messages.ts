/**
 * Turns due rows into messages ready for the wire: addressed, parsed and rendered. A row that
 * can't be addressed or rendered is refused here, with the reason, and never reaches a server.
 */
import { notificationContentSchema } from '../../../../shared/domain/notifications.js';
import { brandOf, messageIdFor } from './message-headers.js';
import type { DueRow, Outcome, Taken } from './outbox-rows.js';
import type { MailSettings, RenderEmail } from './ports.js';
import { recipientProblem } from './recipients.js';
import { smsText } from './sms-text.js';

export type PreparedMessage = Taken & { row: DueRow; smsBody: string | null };

export interface PreparedBatch {
  prepared: PreparedMessage[];
  /** Failed outcomes for the rows that can't be sent. */
  refused: Outcome[];
}

export interface PrepareDeps {
  renderEmail: RenderEmail;
  logError: (message: string, error: unknown) => void;
}

const E164_TEXTABLE = /^\+[1-9]\d{7,14}$/;

/** `mail` is the saved mail settings; null only when every row is a text. */
export async function prepareMessages(rows: readonly DueRow[], mail: MailSettings | null, deps: PrepareDeps): Promise<PreparedBatch> {
  const brand = brandOf(mail);
  const prepared: PreparedMessage[] = [];
  const refused: Outcome[] = [];
  const prepareOne = async (row: DueRow): Promise<void> => {
    const fail = (error: string): void => void refused.push({ id: row.id, kind: 'failed', attempts: row.attempts + 1, error });
    const problem =
      row.channel === 'email'
        ? recipientProblem(row.recipient)
        : E164_TEXTABLE.test(row.recipient)
          ? null
          : `"${row.recipient}" is not a phone number that can get texts.`;
    if (problem !== null) return fail(problem);
    const content = notificationContentSchema.safeParse(JSON.parse(row.payload));
    if (!content.success) return fail('This notification has no content that can be sent (it was queued by an older version).');
    try {
      if (row.channel === 'sms') {
        const body = smsText(content.data, brand.senderName);
        if (body === null) return fail(`A ${content.data.kind} notification is never sent as a text.`);
        prepared.push({ id: row.id, row, rendered: { subject: '', html: '', text: body }, messageId: '', smsBody: body });
      } else {
        const rendered = await deps.renderEmail(content.data, brand);
        prepared.push({ id: row.id, row, rendered, messageId: messageIdFor(row.dedupe_key, mail!.fromAddress), smsBody: null });
      }
    } catch (error) {
      deps.logError(`could not render notification ${row.id}`, error);
      fail('The message could not be put together from its content.');
    }
  };
  for (const row of rows) {
    // Rendering is CPU work: replies that arrived meanwhile are recorded between messages, or a
    // batch would hold every outcome (the "may have arrived" window) until it is all rendered.
    await new Promise(setImmediate);
    await prepareOne(row);
  }
  return { prepared, refused };
}
