import { formatMoney } from '../../../../../shared/domain/money.js';
import { EmailLayout } from '../layout.js';
import { Note, Para } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const cancellationApproved: EmailTemplate<'cancellation_approved'> = {
  subject: (content) => `Your order ${content.orderNumber} has been cancelled`,
  Email({ content, brand }) {
    return (
      <EmailLayout order={content} brand={brand} preview="Your order has been cancelled." title="Your order has been cancelled">
        <Para>Your order has been cancelled and won't be shipped.</Para>
        <Note title="Reason" text={content.reason} />
        {content.refundCents === null || content.refundCents === 0 ? null : (
          <Para>
            We're refunding <strong>{formatMoney(content.refundCents)}</strong> to your original payment method. It can take a
            few business days to show on your statement.
          </Para>
        )}
      </EmailLayout>
    );
  },
};
