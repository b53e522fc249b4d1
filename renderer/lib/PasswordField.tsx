import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';

/**
 * Mantine's PasswordInput, with its error and description tied to the input for assistive
 * technology. PasswordInput renders the field without the aria wiring TextInput gets (it marks an
 * error only with data-invalid), so a screen reader would neither hear that the password is
 * wrong nor why. Every password field on the desk uses this one.
 */
export function PasswordField({ id, error, description, errorProps, descriptionProps, ...props }: PasswordInputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const descriptionId = `${inputId}-description`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <PasswordInput
      {...props}
      id={inputId}
      error={error}
      description={description}
      errorProps={{ ...errorProps, id: errorId }}
      descriptionProps={{ ...descriptionProps, id: descriptionId }}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
    />
  );
}
