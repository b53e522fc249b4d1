/**
 * The pieces every kind shares. Each string that came from a customer or staff member reaches
 * the page through Untrusted or Note: cleaned of bidi and invisible controls (safe-text.ts) and
 * isolated with <bdi>, so a right-to-left or hostile name reorders only itself.
 */
import { Section, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';
import { formatMoney } from '../../../../shared/domain/money.js';
import { inlineText, textLines } from './safe-text.js';

export const colors = { text: '#1f2328', muted: '#59636e', rule: '#d1d9e0', accent: '#0b5cad' } as const;

export const paragraph: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 14px', color: colors.text };
const muted: CSSProperties = { ...paragraph, fontSize: '13px', lineHeight: '19px', color: colors.muted };
const label: CSSProperties = { fontSize: '12px', lineHeight: '16px', margin: '0', color: colors.muted, textTransform: 'uppercase', letterSpacing: '0.04em' };

/** Customer or staff text shown inline: cleaned, and isolated so it can't reorder the sentence around it. */
export function Untrusted({ text }: { text: string }) {
  return <bdi dir="auto">{inlineText(text)}</bdi>;
}

/** A multi-line note (a reason, instructions, a message), one paragraph with its line breaks kept. */
export function Note({ title, text }: { title: string; text: string }) {
  const lines = textLines(text);
  if (lines.length === 0) return null;
  return (
    <Section style={{ margin: '0 0 14px' }}>
      <Text style={label}>{title}</Text>
      <Text dir="auto" style={{ ...paragraph, margin: '4px 0 0' }}>
        {lines.map((line, index) => (
          // Lines are positional: the index is their identity.
          <span key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </span>
        ))}
      </Text>
    </Section>
  );
}

/** A line of fine print. */
export function Small({ children }: { children: ReactNode }) {
  return <Text style={muted}>{children}</Text>;
}

/** A plain sentence. */
export function Para({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

/** A line under the items: subtotal, shipping, total. */
export interface TotalLine {
  name: ReactNode;
  amount: string;
  strong?: boolean;
}

export interface ItemLine {
  title: string;
  sku: string;
  quantity: number;
  unitPriceCents?: number;
}

const cell: CSSProperties = { padding: '8px 0', borderBottom: `1px solid ${colors.rule}`, verticalAlign: 'top', fontSize: '14px', lineHeight: '20px', color: colors.text };
const headCell: CSSProperties = { ...cell, ...label, padding: '0 0 6px', textAlign: 'left' };
const right: CSSProperties = { textAlign: 'right' };

/**
 * The items a message is about, with totals under the price column when given. A data table (class "items") so the plain-text part lays it out
 * as columns; fixed layout so one long SKU can't widen the email past the screen.
 */
export function ItemTable({ items, caption, totals = [] }: { items: readonly ItemLine[]; caption: string; totals?: readonly TotalLine[] }) {
  if (items.length === 0) return null;
  const priced = items.every((item) => item.unitPriceCents !== undefined);
  return (
    <Section style={{ margin: '8px 0 16px' }}>
      <Text style={{ ...label, margin: '0 0 6px' }}>{caption}</Text>
      <table className="items" width="100%" cellPadding={0} cellSpacing={0} role="presentation" style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={headCell}>Item</th>
            <th style={{ ...headCell, ...right, width: '48px' }}>Qty</th>
            {priced ? <th style={{ ...headCell, ...right, width: '96px' }}>Price</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            // Order lines may repeat a SKU; their position is their identity here.
            <tr key={index}>
              <td style={cell}>
                <Untrusted text={item.title} />
                {item.sku.trim() === '' ? null : (
                  <>
                    <br />
                    <span style={{ fontSize: '12px', color: colors.muted }}>
                      SKU <Untrusted text={item.sku} />
                    </span>
                  </>
                )}
              </td>
              <td style={{ ...cell, ...right }}>{item.quantity}</td>
              {priced ? <td style={{ ...cell, ...right }}>{formatMoney(item.quantity * (item.unitPriceCents ?? 0))}</td> : null}
            </tr>
          ))}
        </tbody>
        {totals.length === 0 ? null : (
          <tfoot>
            {totals.map((line, index) => {
              const style: CSSProperties = { ...cell, ...right, borderBottom: 'none', padding: '4px 0 0', fontWeight: line.strong ? 700 : 400 };
              return (
                <tr key={index}>
                  <td colSpan={priced ? 2 : 1} style={style}>
                    {line.name}
                  </td>
                  <td style={style}>{line.amount}</td>
                </tr>
              );
            })}
          </tfoot>
        )}
      </table>
    </Section>
  );
}

export interface AddressLines {
  name: string;
  street: string;
  street2: string | null;
  city: string;
  state: string;
  zip: string;
}

/** A postal address as lines, each isolated (a name or a street may be right-to-left). */
export function Address({ title, address }: { title: string; address: AddressLines }) {
  const cityLine = [address.city, [address.state, address.zip].filter((p) => p.trim() !== '').join(' ')]
    .filter((p) => p.trim() !== '')
    .join(', ');
  const lines = [address.name, address.street, address.street2 ?? '', cityLine].filter((line) => line.trim() !== '');
  return (
    <Section style={{ margin: '0 0 14px' }}>
      <Text style={label}>{title}</Text>
      <Text style={{ ...paragraph, margin: '4px 0 0' }}>
        {lines.map((line, index) => (
          <span key={index}>
            {index > 0 ? <br /> : null}
            <Untrusted text={line} />
          </span>
        ))}
      </Text>
    </Section>
  );
}
