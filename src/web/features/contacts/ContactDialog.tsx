import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Contact, UpdateContactBody } from '../../../shared/api.js';
import { AppModal } from '../../components/AppModal';
import { notify } from '../../components/notify';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { formFeedback } from '../items/fieldErrors';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
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
export function ContactDialog({
  contact,
  opened,
  version,
  onClose,
}: {
  contact: Contact | null;
  opened: boolean;
  version: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={contact ? t('features.contacts.editTitle') : t('features.contacts.addTitle')}
      size="lg"
    >
      <ContactForm key={version} contact={contact} onClose={onClose} />
    </AppModal>
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
  const create = useCreateContact();
  const edit = useEditContact();
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
  const mutation = contact ? edit : create;
  const feedback = formFeedback(t, mutation.error, FIELDS);

  const done = (name: string) => {
    notify(t(contact ? 'features.contacts.saved' : 'features.contacts.created', { name }));
    onClose();
  };
  const onError = (error: unknown) => form.setErrors(formFeedback(t, error, FIELDS).fields);

  const submit = (values: Values) => {
    if (!contact) {
      create.mutate(
        {
          name: values.name.trim(),
          email: values.email.trim() || undefined,
          phone: values.phone.trim() || undefined,
          tags: parseTags(values.tags),
          ownerId: values.ownerId,
        },
        { onSuccess: (created) => done(created.name), onError },
      );
      return;
    }
    const changes = changesOf(contact, values);
    if (Object.keys(changes).length === 0) return onClose();
    edit.mutate({ id: contact.id, changes }, { onSuccess: (saved) => done(saved.name), onError });
  };

  return (
    <ItemForm onSubmit={form.onSubmit(submit)} alert={feedback.alert} onCancel={onClose} pending={mutation.isPending}>
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
