import { EmailLayout } from '../layout.js';
import { ItemTable, Note, Para } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const returnRejected: EmailTemplate<'return_rejected'> = {
  subject: (content) => `Your return request for order ${content.orderNumber} was declined`,
  Email({ content, brand }) {
    return (
      <EmailLayout order={content} brand={brand} preview="We couldn't accept your return." title="We couldn't accept your return">
        <Para>We've looked at your return request, and we're not able to accept it.</Para>
        <ItemTable caption="Items in the request" items={content.items} />
        <Note title="Reason" text={content.reason} />
        <Para>If you think we got this wrong, reply to this email.</Para>
      </EmailLayout>
    );
  },
};
