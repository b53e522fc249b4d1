import { Checkbox } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * "Email the customer": every action that emails a customer offers it, ticked by default. Unticked,
 * main records the email as suppressed and never sends it.
 */
export function NotifyCustomerCheckbox({
  checked,
  onChange,
  description,
  label = 'Email the customer',
}: {
  checked: boolean;
  onChange: (notify: boolean) => void;
  /** What the email tells them. */
  description?: string;
  label?: ReactNode;
}) {
  return <Checkbox label={label} description={description} checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />;
}
