import { formatMoney } from '../../../../../shared/domain/money.js';
import type { ContentOf } from '../../../../../shared/domain/notifications.js';
import { formatEmailDate } from '../format.js';
import { EmailLayout } from '../layout.js';
import { Address, ItemTable, Para, Untrusted, type TotalLine } from '../parts.js';
import type { EmailTemplate } from '../template.js';

function totals(content: ContentOf<'order_confirmation'>): TotalLine[] {
  const method = content.shippingMethod ?? '';
  return [
    { name: 'Subtotal', amount: formatMoney(content.subtotalCents) },
    {
      name: method.trim() === '' ? 'Shipping' : <>Shipping (<Untrusted text={method} />)</>,
      amount: formatMoney(content.shippingCents),
    },
    { name: 'Tax', amount: formatMoney(content.taxCents) },
    ...(content.discountCents > 0 ? [{ name: 'Discount', amount: `−${formatMoney(content.discountCents)}` }] : []),
    { name: 'Total', amount: formatMoney(content.totalCents), strong: true },
  ];
}

export const orderConfirmation: EmailTemplate<'order_confirmation'> = {
  subject: (content) => `Your order ${content.orderNumber} is confirmed`,
  Email({ content, brand }) {
    const placed = formatEmailDate(content.placedAt);
    return (
      <EmailLayout order={content} brand={brand} preview="Thanks for your order. Here is what you bought." title="Thanks for your order">
        <Para>
          We've received your order{placed === null ? '' : ` placed on ${placed}`} and we're getting it ready. We'll email
          you again when it ships.
        </Para>
        <ItemTable caption="Your items" items={content.items} totals={totals(content)} />
        {content.shippingAddress === null ? null : <Address title="Shipping to" address={content.shippingAddress} />}
      </EmailLayout>
    );
  },
};
