import { Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { stateOptions, type AddressDraft, type AddressField, type FieldErrors } from './address-form.js';

interface Props {
  draft: AddressDraft;
  errors: FieldErrors;
  onChange(field: AddressField, value: string): void;
  /** Focus the first input when the form opens. */
  autoFocus?: boolean;
}

/** The inputs of a US address, each showing its own error. */
export function AddressFields({ draft, errors, onChange, autoFocus = false }: Props) {
  const text = (field: AddressField) => ({
    value: draft[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => onChange(field, event.currentTarget.value),
  });
  return (
    <Stack gap="xs">
      <TextInput label="Name" autoComplete="off" required {...text('name')} data-autofocus={autoFocus || undefined} />
      <TextInput label="Street address" autoComplete="off" required {...text('street')} />
      <TextInput label="Apartment, suite, etc." autoComplete="off" {...text('street2')} />
      <Group grow align="flex-start" gap="xs">
        <TextInput label="City" autoComplete="off" required {...text('city')} />
        {/* Native select: type "N", "Y" to jump to NY, as in any form. */}
        <NativeSelect label="State" required data={stateOptions(draft.state)} {...text('state')} />
        <TextInput label="ZIP" autoComplete="off" required maw={130} placeholder="12345 or 12345-6789" {...text('zip')} />
      </Group>
      <TextInput label="Phone" autoComplete="off" type="tel" {...text('phone')} />
    </Stack>
  );
}
