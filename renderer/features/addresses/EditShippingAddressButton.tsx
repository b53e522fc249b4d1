import { Alert, Button, Checkbox, Group, Modal, Stack, Tabs, Text, Tooltip, type ButtonProps } from '@mantine/core';
import { forwardRef, useImperativeHandle, useState, type FormEvent } from 'react';
import type { OrderDetail } from '../../../shared/contract/index.js';
import type { UsAddress } from '../../../shared/domain/address.js';
import type { Result } from '../../../shared/domain/result.js';
import { call } from '../../api/client.js';
import { useDialogGate } from '../../lib/shortcuts.js';
import { useSession } from '../../stores/session.js';
import { notify } from '../../stores/toasts.js';
import { AddressBook } from './AddressBook.js';
import { AddressFields } from './AddressFields.js';
import { NotifyCustomerCheckbox } from '../../components/NotifyCustomerCheckbox.js';
import {
  ADDRESS_FIELDS,
  addressEditBlock,
  addressInput,
  checkDraft,
  draftFrom,
  formErrorsFrom,
  type AddressDraft,
  type FieldErrors,
} from './address-form.js';

export interface EditShippingAddressHandle {
  /** Open the form, as a click would (for a keyboard shortcut); does nothing while blocked. */
  open(): void;
}

type Answered = Promise<Result<OrderDetail>>;

/** How the save is sent: by default straight to main; a screen that shows the order passes its own sender, so it knows the change is its own. */
type SendVia = (send: () => Answered) => Answered;
const direct: SendVia = (send) => send();

interface Props {
  order: OrderDetail;
  onSaved(order: OrderDetail): void;
  sendVia?: SendVia;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}

/**
 * Corrects where an order goes, before it ships. Disabled, saying why, once it has shipped.
 * Admins also reach the customer's address book from the dialog.
 */
export const EditShippingAddressButton = forwardRef<EditShippingAddressHandle, Props>(function EditShippingAddressButton(
  { order, onSaved, sendVia = direct, size = 'compact-xs', variant = 'subtle' },
  ref,
) {
  const [opened, setOpened] = useState(false);
  const [seq, setSeq] = useState(0);
  const blocked = addressEditBlock(order);
  const open = () => {
    if (blocked !== null) return;
    setSeq((n) => n + 1);
    setOpened(true);
  };
  useImperativeHandle(ref, () => ({ open }));
  useDialogGate(opened);

  return (
    <>
      <Tooltip label={blocked} disabled={blocked === null} withArrow multiline w={260}>
        {/* A disabled button gets no pointer events; the wrapper keeps the tooltip working. */}
        <span style={{ display: 'inline-block' }}>
          <Button size={size} variant={variant} onClick={open} disabled={blocked !== null} aria-description={blocked ?? undefined}>
            Edit address
          </Button>
        </span>
      </Tooltip>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Ship-to address of order ${order.number}`} size="lg">
        {opened && (
          <EditAddressPanel
            key={seq}
            order={order}
            sendVia={sendVia}
            onCancel={() => setOpened(false)}
            onSaved={(saved) => {
              setOpened(false);
              onSaved(saved);
            }}
          />
        )}
      </Modal>
    </>
  );
});

function EditAddressPanel({ order, sendVia, onCancel, onSaved }: { order: OrderDetail; sendVia: SendVia; onCancel(): void; onSaved(o: OrderDetail): void }) {
  const isAdmin = useSession((s) => s.session?.user.role === 'admin');
  const [tab, setTab] = useState<string | null>('order');
  const [draft, setDraft] = useState<AddressDraft>(() => draftFrom(order.shippingAddress));

  const pickSaved = (address: UsAddress) => {
    setDraft(draftFrom(address));
    setTab('order');
  };

  const form = <ShippingAddressForm order={order} sendVia={sendVia} draft={draft} setDraft={setDraft} onCancel={onCancel} onSaved={onSaved} />;
  if (!isAdmin) return form;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="sm">
        <Tabs.Tab value="order">This order</Tabs.Tab>
        <Tabs.Tab value="book">Customer addresses</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="order">{form}</Tabs.Panel>
      <Tabs.Panel value="book">
        <AddressBook customerId={order.customer.id} customerName={order.customer.name} onUse={pickSaved} />
      </Tabs.Panel>
    </Tabs>
  );
}

interface FormProps {
  order: OrderDetail;
  sendVia: SendVia;
  draft: AddressDraft;
  setDraft(d: AddressDraft): void;
  onCancel(): void;
  onSaved(o: OrderDetail): void;
}

function ShippingAddressForm({ order, sendVia, draft, setDraft, onCancel, onSaved }: FormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saveToCustomer, setSaveToCustomer] = useState(false);
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const local = checkDraft(draft);
    if (!local.ok) {
      setErrors(local.fields);
      return;
    }
    setBusy(true);
    const input = { orderId: order.id, address: addressInput(draft), saveToCustomer, notifyCustomer };
    const result = await sendVia(() => call('orders.updateShippingAddress', input));
    setBusy(false);
    if (result.ok) {
      notify.success(`The ship-to address of order ${order.number} was updated.`);
      onSaved(result.value);
      return;
    }
    const refused = formErrorsFrom(result, ADDRESS_FIELDS);
    setErrors(refused.fields);
    setFormError(refused.banner);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="shipping-address-form">
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" title="The address was not changed">
            {formError}
          </Alert>
        )}
        <AddressFields
          draft={draft}
          errors={errors}
          autoFocus
          onChange={(field, value) => {
            setDraft({ ...draft, [field]: value });
            if (errors[field]) setErrors({ ...errors, [field]: undefined });
          }}
        />
        <Checkbox
          label="Also save to the customer's address book"
          description="As their default shipping address, for their next orders."
          checked={saveToCustomer}
          onChange={(event) => setSaveToCustomer(event.currentTarget.checked)}
        />
        <NotifyCustomerCheckbox description="Tells them where the order will now go." checked={notifyCustomer} onChange={setNotifyCustomer} />
        <Text size="xs" c="dimmed">
          The old and the new address go on the order’s timeline.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save address
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
