import { EmailLayout } from '../layout.js';
import { Address, Note, Para, Untrusted } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const fulfillmentUpdate: EmailTemplate<'fulfillment_update'> = {
  subject: (content) => `An update on your order ${content.orderNumber}`,
  Email({ content, brand }) {
    return (
      <EmailLayout order={content} brand={brand} preview="There is news about your order." title="An update on your order">
        <Para>
          <Untrusted text={content.headline} />
        </Para>
        {content.message === null ? null : <Note title="Details" text={content.message} />}
        {content.shippingAddress === null ? null : <Address title="Shipping to" address={content.shippingAddress} />}
      </EmailLayout>
    );
  },
};
