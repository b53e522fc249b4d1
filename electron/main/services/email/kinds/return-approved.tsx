import { formatMoney } from '../../../../../shared/domain/money.js';
import { EmailLayout } from '../layout.js';
import { ItemTable, Note, Para } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const returnApproved: EmailTemplate<'return_approved'> = {
  subject: (content) => `Your return for order ${content.orderNumber} is approved`,
  Email({ content, brand }) {
    return (
      <EmailLayout order={content} brand={brand} preview="Your return is approved." title="Your return is approved">
        <Para>We've approved your return request.</Para>
        <ItemTable caption="Items to return" items={content.items} />
        {content.instructions === null ? null : <Note title="How to return them" text={content.instructions} />}
        {content.refundCents === null || content.refundCents === 0 ? null : (
          <Para>
            Once we receive the items, we'll refund <strong>{formatMoney(content.refundCents)}</strong> to your original payment
            method.
          </Para>
        )}
      </EmailLayout>
    );
  },
};
