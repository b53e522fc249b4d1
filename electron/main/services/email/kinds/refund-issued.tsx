import { formatMoney } from '../../../../../shared/domain/money.js';
import { EmailLayout } from '../layout.js';
import { Note, Para, Small } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const refundIssued: EmailTemplate<'refund_issued'> = {
  subject: (content) => `We've refunded ${formatMoney(content.amountCents)} for order ${content.orderNumber}`,
  Email({ content, brand }) {
    const amount = formatMoney(content.amountCents);
    return (
      <EmailLayout order={content} brand={brand} preview={`A refund of ${amount} is on its way.`} title={`We've refunded ${amount}`}>
        <Para>
          We've issued a refund of <strong>{amount}</strong> to your original payment method. It can take 5–10 business days
          to show on your statement.
        </Para>
        {content.reason === null ? null : <Note title="Reason" text={content.reason} />}
        {content.totalRefundedCents > content.amountCents ? (
          <Small>Refunded on this order so far, this refund included: {formatMoney(content.totalRefundedCents)}.</Small>
        ) : null}
      </EmailLayout>
    );
  },
};
