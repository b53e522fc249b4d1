import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';
import type { EmailBrand } from '../notifications/ports.js';
import { colors, paragraph, Untrusted } from './parts.js';
import { inlineText } from './safe-text.js';

/** The marketplace every seller's mail goes out through. */
export const MARKETPLACE_NAME = 'Shomp';

const body: CSSProperties = {
  margin: 0,
  padding: '24px 0',
  backgroundColor: '#f6f8fa',
  fontFamily: '-apple-system, "Segoe UI", Helvetica, Arial, sans-serif',
  color: colors.text,
};
// overflow-wrap/word-break: a 20,000-character word wraps instead of widening the email.
const container: CSSProperties = {
  maxWidth: '600px',
  padding: '28px 32px',
  backgroundColor: '#ffffff',
  border: `1px solid ${colors.rule}`,
  borderRadius: '6px',
  overflowWrap: 'anywhere',
  wordBreak: 'break-word',
};
const brandLine: CSSProperties = { fontSize: '14px', lineHeight: '20px', margin: '0 0 20px', color: colors.muted, fontWeight: 600 };
const orderBlock: CSSProperties = { margin: '0 0 16px', lineHeight: '32px' };
const orderLabel: CSSProperties = { fontSize: '13px', color: colors.muted, textTransform: 'uppercase', letterSpacing: '0.04em' };
const orderNumber: CSSProperties = { fontSize: '26px', fontWeight: 700, color: colors.text };
const heading: CSSProperties = { fontSize: '20px', lineHeight: '28px', margin: '0 0 16px', fontWeight: 600, color: colors.text };
const footer: CSSProperties = { fontSize: '13px', lineHeight: '19px', margin: '0 0 6px', color: colors.muted };

/** What every kind's content carries about the order. */
export interface OrderHeader {
  orderNumber: string;
  customerName: string;
  storeNames: readonly string[];
}

export interface LayoutProps {
  brand: EmailBrand;
  order: OrderHeader;
  /** The inbox's one-line preview: our words only. */
  preview: string;
  /** The sentence that says what happened. */
  title: ReactNode;
  children: ReactNode;
}

/** The frame around every kind: who it's from, the order number, a greeting, and the footer. */
export function EmailLayout({ brand, order, preview, title, children }: LayoutProps) {
  const sender = inlineText(brand.senderName);
  // A seller's own name beside the marketplace's; nothing to add when the sender is the marketplace.
  const ownName = sender === '' || sender.toLowerCase() === MARKETPLACE_NAME.toLowerCase();
  const stores = order.storeNames.filter((name) => inlineText(name) !== '');
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{inlineText(preview)}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brandLine}>
            {MARKETPLACE_NAME}
            {ownName ? null : (
              <>
                {' · '}
                <Untrusted text={sender} />
              </>
            )}
          </Text>
          <Text style={orderBlock}>
            <span style={orderLabel}>Order</span>
            <br />
            <span style={orderNumber}>
              <Untrusted text={order.orderNumber} />
            </span>
          </Text>
          <Heading as="h1" style={heading}>
            {title}
          </Heading>
          <Text style={paragraph}>
            {inlineText(order.customerName) === '' ? 'Hello,' : (
              <>
                Hi <Untrusted text={order.customerName} />,
              </>
            )}
          </Text>
          {children}
          {stores.length === 0 ? null : (
            <Text style={{ ...paragraph, color: colors.muted, fontSize: '13px' }}>
              Sold by{' '}
              {stores.map((name, index) => (
                // Store names are positional; duplicates are harmless.
                <span key={index}>
                  {index > 0 ? ', ' : null}
                  <Untrusted text={name} />
                </span>
              ))}
            </Text>
          )}
          <Hr style={{ borderColor: colors.rule, margin: '24px 0 16px' }} />
          <Section>
            <Text style={footer}>
              Questions? Reply to this email or write to <Untrusted text={brand.replyAddress} />.
            </Text>
            <Text style={footer}>
              {ownName ? (
                <>Sent by {MARKETPLACE_NAME}.</>
              ) : (
                <>
                  Sent by <Untrusted text={sender} /> through {MARKETPLACE_NAME}.
                </>
              )}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
