import { Button, Link, Section } from '@react-email/components';
import { EmailLayout } from '../layout.js';
import { colors, ItemTable, Para, Small, Untrusted } from '../parts.js';
import type { EmailTemplate } from '../template.js';

const button = {
  display: 'inline-block',
  padding: '10px 18px',
  backgroundColor: colors.accent,
  color: '#ffffff',
  fontSize: '15px',
  fontWeight: 600,
  borderRadius: '4px',
  textDecoration: 'none',
} as const;

export const shipped: EmailTemplate<'shipped'> = {
  subject: (content) =>
    content.partial ? `Part of your order ${content.orderNumber} has shipped` : `Your order ${content.orderNumber} has shipped`,
  Email({ content, brand }) {
    return (
      <EmailLayout
        order={content}
        brand={brand}
        preview={content.partial ? 'Part of your order is on its way.' : 'Your order is on its way.'}
        title={content.partial ? 'Part of your order is on its way' : 'Your order is on its way'}
      >
        <Para>
          Your parcel was handed to <Untrusted text={content.carrierName} /> with tracking number{' '}
          <strong>
            <Untrusted text={content.trackingNumber} />
          </strong>
          .
        </Para>
        {content.estimatedDelivery === null || content.estimatedDelivery.trim() === '' ? null : (
          <Para>
            Estimated delivery: <Untrusted text={content.estimatedDelivery} />
          </Para>
        )}
        {/* The button is for the HTML reader; the plain-text part shows the URL on the line below instead. */}
        <Section style={{ margin: '4px 0 8px' }} data-skip-in-text>
          <Button href={content.trackingUrl} style={button}>
            Track your parcel
          </Button>
        </Section>
        <Small>
          Tracking link: <Link href={content.trackingUrl} style={{ color: colors.accent }}>{content.trackingUrl}</Link>
        </Small>
        <ItemTable caption={content.partial ? 'In this parcel' : 'Your items'} items={content.items} />
        {content.partial ? <Para>The rest of your order will follow in another parcel; we'll email you when it ships.</Para> : null}
      </EmailLayout>
    );
  },
};
