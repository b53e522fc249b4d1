import { EmailLayout } from '../layout.js';
import { Note, Para } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const cancellationRejected: EmailTemplate<'cancellation_rejected'> = {
  subject: (content) => `We couldn't cancel your order ${content.orderNumber}`,
  Email({ content, brand }) {
    return (
      <EmailLayout order={content} brand={brand} preview="We couldn't cancel your order." title="We couldn't cancel your order">
        <Para>We've looked at your cancellation request, and we're not able to cancel this order.</Para>
        <Note title="Reason" text={content.reason} />
        <Para>Once it arrives, you may still be able to return it. Reply to this email if you have questions.</Para>
      </EmailLayout>
    );
  },
};
