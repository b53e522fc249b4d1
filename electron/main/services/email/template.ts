import type { ReactElement } from 'react';
import type { ContentOf, NotificationKind } from '../../../../shared/domain/notifications.js';
import type { EmailBrand } from '../notifications/ports.js';

/** What a kind's component receives. */
export interface EmailProps<K extends NotificationKind> {
  content: ContentOf<K>;
  brand: EmailBrand;
}

/** One kind of email: its subject line (made header-safe by the renderer) and its body. */
export interface EmailTemplate<K extends NotificationKind> {
  subject(content: ContentOf<K>): string;
  Email(props: EmailProps<K>): ReactElement;
}
