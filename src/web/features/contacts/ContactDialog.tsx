import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Contact, UpdateContactBody } from '../../../shared/api.js';
import type { DialogProps } from '../../components/useDialog';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { ItemDialog } from '../items/ItemDialog';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
import { useItemSave } from '../items/useItemSave';
import { parseTags, useCreateContact, useEditContact } from './contactsApi';

interface Values {
  name: string;
  email: string;
  phone: string;
  tags: string;
  ownerId: string;
}

const FIELDS = ['name', 'email', 'phone', 'tags', 'ownerId'] as const;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Add contact (`contact` null) or edit one. */
export function ContactDialog({ contact, ...dialog }: DialogProps<'contact', Contact>) {
  const { t } = useTranslation();
  return (
    <ItemDialog {...dialog} title={contact ? t('features.contacts.editTitle') : t('features.contacts.addTitle')}>
      <ContactForm contact={contact} onClose={dialog.onClose} />
    </ItemDialog>
  );
}

/** Only what changed goes to the server; a cleared email or phone is removed. */
function changesOf(contact: Contact, values: Values): UpdateContactBody {
  const changes: UpdateContactBody = {};
  const email = values.email.trim() || null;
  const phone = values.phone.trim() || null;
  const tags = parseTags(values.tags);
  if (values.name.trim() !== contact.name) changes.name = values.name.trim();
  if (email !== contact.email) changes.email = email;
  if (phone !== contact.phone) changes.phone = phone;
  if (tags.join('\n') !== contact.tags.join('\n')) changes.tags = tags;
  if (values.ownerId !== contact.ownerId) changes.ownerId = values.ownerId;
  return changes;
}

function ContactForm({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const form = useForm<Values>({
    initialValues: {
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      tags: contact?.tags.join(', ') ?? '',
      ownerId: contact?.ownerId ?? me.user.id,
    },
    validate: {
      name: required(t),
      email: (value) => (!value.trim() || EMAIL_SHAPE.test(value.trim()) ? null : t('fields.invalid.email')),
    },
  });
  const { save, alert, pending } = useItemSave({
    item: contact,
    form,
    fields: FIELDS,
    create: useCreateContact(),
    edit: useEditContact(),
    notices: { created: 'features.contacts.created', saved: 'features.contacts.saved' },
    onClose,
  });

  const submit = (values: Values) =>
    save(
      () => ({
        name: values.name.trim(),
        email: values.email.trim() || undefined,
        phone: values.phone.trim() || undefined,
        tags: parseTags(values.tags),
        ownerId: values.ownerId,
      }),
      (existing) => changesOf(existing, values),
    );

  return (
    <ItemForm onSubmit={form.onSubmit(submit)} alert={alert} onCancel={onClose} pending={pending}>
      <TextInput label={t('features.contacts.fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('fields.email')} type="email" dir="ltr" {...form.getInputProps('email')} />
      <TextInput
        label={t('features.contacts.fields.phone')}
        type="tel"
        dir="ltr"
        description={t('features.contacts.fields.phoneHint')}
        {...form.getInputProps('phone')}
      />
      <TextInput
        label={t('features.contacts.fields.tags')}
        description={t('features.contacts.fields.tagsHint')}
        {...form.getInputProps('tags')}
      />
      <OwnerSelect
        value={form.values.ownerId}
        onChange={(id) => form.setFieldValue('ownerId', id)}
        current={contact?.owner}
        error={form.errors.ownerId as string | undefined}
      />
    </ItemForm>
  );
}
