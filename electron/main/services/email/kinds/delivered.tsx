import { EmailLayout } from '../layout.js';
import { Para } from '../parts.js';
import type { EmailTemplate } from '../template.js';

export const delivered: EmailTemplate<'delivered'> = {
  subject: (content) =>
    content.orderDelivered
      ? `Your order ${content.orderNumber} has been delivered`
      : `A parcel from your order ${content.orderNumber} has been delivered`,
  Email({ content, brand }) {
    return (
      <EmailLayout
        order={content}
        brand={brand}
        preview={content.orderDelivered ? 'Your order has arrived.' : 'A parcel from your order has arrived.'}
        title={content.orderDelivered ? 'Your order has been delivered' : 'A parcel has been delivered'}
      >
        {content.orderDelivered ? (
          <Para>
            {content.parcels > 1 ? `All ${content.parcels} parcels of your order have arrived.` : 'Your order has arrived.'} We
            hope you enjoy it.
          </Para>
        ) : (
          <Para>One parcel from your order has arrived. The rest is still on its way; we'll let you know when it arrives.</Para>
        )}
        <Para>If anything is missing or damaged, reply to this email and we'll sort it out.</Para>
      </EmailLayout>
    );
  },
};
