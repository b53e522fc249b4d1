import { Alert, Badge, Button, Card, Checkbox, Group, Loader, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { SavedAddress } from '../../../shared/contract/index.js';
import { formatAddressLines, type UsAddress } from '../../../shared/domain/address.js';
import { call } from '../../api/client.js';
import { notify } from '../../stores/toasts.js';
import { AddressFields } from './AddressFields.js';
import { ADDRESS_FIELDS, addressInput, checkDraft, draftFrom, EMPTY_DRAFT, formErrorsFrom, type AddressDraft, type FieldErrors } from './address-form.js';

type AddressType = SavedAddress['type'];
const TYPE_LABEL: Record<AddressType, string> = { shipping: 'Shipping addresses', billing: 'Billing addresses' };
const LABEL_MAX = 40;

interface Props {
  customerId: number;
  customerName?: string;
  /** Offered on shipping addresses: fill the order's form with this one. */
  onUse?(address: UsAddress): void;
}

/** Editing one saved address, or adding one (no addressId). */
type Editing = { addressId?: number; type: AddressType; label: string; isDefault: boolean; draft: AddressDraft };

/**
 * A customer's address book (admins): billing and shipping addresses with labels and one
 * default per type; add, edit, make default.
 */
export function AddressBook({ customerId, customerName, onUse }: Props) {
  const [addresses, setAddresses] = useState<SavedAddress[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    const result = await call('customers.addresses', { customerId });
    if (result.ok) setAddresses(result.value);
    else setLoadError(result.message);
  }, [customerId]);
  useEffect(() => {
    void load();
  }, [load]);

  const makeDefault = async (a: SavedAddress) => {
    setBusyId(a.id);
    const result = await call('customers.saveAddress', { customerId, addressId: a.id, type: a.type, label: a.label, isDefault: true, address: a.address });
    setBusyId(null);
    if (result.ok) {
      setAddresses(result.value);
      notify.success(`That is now the default ${a.type} address.`);
    } else {
      notify.error(result.message, 'The default was not changed');
    }
  };

  if (loadError !== null) {
    return (
      <Alert color="red" variant="light" title="The address book could not be shown">
        {loadError}{' '}
        <Button size="compact-xs" variant="subtle" onClick={() => void load()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (addresses === null) return <Loader size="sm" />;

  if (editing !== null) {
    return (
      <AddressEditor
        customerId={customerId}
        editing={editing}
        onCancel={() => setEditing(null)}
        onSaved={(list) => {
          setAddresses(list);
          setEditing(null);
        }}
      />
    );
  }

  return (
    <Stack gap="sm" data-testid="address-book">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {customerName ? `${customerName}’s addresses` : 'Addresses'}
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => setEditing({ type: 'shipping', label: '', isDefault: false, draft: EMPTY_DRAFT })}>
          Add address
        </Button>
      </Group>
      {(['shipping', 'billing'] as const).map((type) => {
        const ofType = addresses.filter((a) => a.type === type);
        return (
          <Stack key={type} gap={6}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {TYPE_LABEL[type]}
            </Text>
            {ofType.length === 0 && (
              <Text size="sm" c="dimmed">
                None saved.
              </Text>
            )}
            {ofType.map((a) => (
              <Card key={a.id} withBorder padding="xs" data-testid="saved-address">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Group gap={6} mb={2}>
                      <Text size="sm" fw={600}>
                        {a.label ?? 'No label'}
                      </Text>
                      {a.isDefault && (
                        <Badge size="xs" color="blue" variant="filled">
                          Default
                        </Badge>
                      )}
                    </Group>
                    {formatAddressLines(a.address).map((line, i) => (
                      <Text key={i} size="sm">
                        {line}
                      </Text>
                    ))}
                    {a.address.phone && (
                      <Text size="xs" c="dimmed">
                        {a.address.phone}
                      </Text>
                    )}
                  </div>
                  <Stack gap={4} align="flex-end">
                    {onUse && type === 'shipping' && (
                      <Button size="compact-xs" variant="light" onClick={() => onUse(a.address)}>
                        Use for this order
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing({ addressId: a.id, type: a.type, label: a.label ?? '', isDefault: a.isDefault, draft: draftFrom(a.address) })}
                    >
                      Edit
                    </Button>
                    {!a.isDefault && (
                      <Button size="compact-xs" variant="subtle" onClick={() => void makeDefault(a)} loading={busyId === a.id}>
                        Make default
                      </Button>
                    )}
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

const EDITOR_FIELDS = [...ADDRESS_FIELDS, 'label', 'type'];

function AddressEditor({ customerId, editing, onCancel, onSaved }: { customerId: number; editing: Editing; onCancel(): void; onSaved(list: SavedAddress[]): void }) {
  const [value, setValue] = useState(editing);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const local = checkDraft(value.draft);
    const label = value.label.trim();
    const fields: FieldErrors = local.ok ? {} : { ...local.fields };
    if (label.length > LABEL_MAX) fields.label = `Keep the label to ${LABEL_MAX} characters.`;
    if (Object.keys(fields).length > 0) return setErrors(fields);
    setBusy(true);
    const result = await call('customers.saveAddress', {
      customerId,
      ...(value.addressId !== undefined ? { addressId: value.addressId } : {}),
      type: value.type,
      label: label === '' ? null : label,
      isDefault: value.isDefault,
      address: addressInput(value.draft),
    });
    setBusy(false);
    if (result.ok) {
      notify.success(value.addressId === undefined ? 'Address added.' : 'Address saved.');
      onSaved(result.value);
      return;
    }
    const refused = formErrorsFrom(result, EDITOR_FIELDS);
    setErrors(refused.fields);
    setFormError(refused.banner);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="address-editor">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {value.addressId === undefined ? 'New address' : 'Edit address'}
        </Text>
        {formError && (
          <Alert color="red" variant="light" title="The address was not saved">
            {formError}
          </Alert>
        )}
        <Group grow align="flex-start" gap="xs">
          <NativeSelect
            label="Type"
            data={[
              { value: 'shipping', label: 'Shipping' },
              { value: 'billing', label: 'Billing' },
            ]}
            value={value.type}
            error={errors.type}
            onChange={(event) => setValue({ ...value, type: event.currentTarget.value as AddressType })}
          />
          <TextInput
            label="Label"
            placeholder="Home, Office…"
            value={value.label}
            error={errors.label}
            maxLength={LABEL_MAX * 2}
            onChange={(event) => {
              setValue({ ...value, label: event.currentTarget.value });
              setErrors({ ...errors, label: undefined });
            }}
          />
        </Group>
        <AddressFields
          draft={value.draft}
          errors={errors}
          autoFocus
          onChange={(field, text) => {
            setValue({ ...value, draft: { ...value.draft, [field]: text } });
            if (errors[field]) setErrors({ ...errors, [field]: undefined });
          }}
        />
        <Checkbox
          label={`Default ${value.type} address`}
          description="Replaces the current default of this type."
          checked={value.isDefault}
          onChange={(event) => setValue({ ...value, isDefault: event.currentTarget.checked })}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Back
          </Button>
          <Button type="submit" loading={busy}>
            Save address
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
