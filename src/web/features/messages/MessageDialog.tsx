import { Button, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, UpdateMessageBody } from '../../../shared/api.js';
import { errorMessage } from '../../api/errors';
import { notify } from '../../components/notify';
import type { DialogProps } from '../../components/useDialog';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { ItemDialog } from '../items/ItemDialog';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
import { useItemSave } from '../items/useItemSave';
import { useCreateMessage, useEditMessage, useSendMessage } from './messagesApi';

interface Values {
  recipientPhone: string;
  text: string;
  ownerId: string;
}

const FIELDS = ['recipientPhone', 'text', 'ownerId'] as const;
/** WhatsApp's own limit for a text message. */
const MAX_TEXT = 4096;

/** New message (`message` null: save as a draft, or send at once) or edit a draft / failed one. */
export function MessageDialog({ message, ...dialog }: DialogProps<'message', Message>) {
  const { t } = useTranslation();
  return (
    <ItemDialog {...dialog} title={message ? t('features.whatsapp.editTitle') : t('features.whatsapp.addTitle')}>
      <MessageForm message={message} onClose={dialog.onClose} />
    </ItemDialog>
  );
}

function changesOf(message: Message, values: Values): UpdateMessageBody {
  const changes: UpdateMessageBody = {};
  if (values.recipientPhone.trim() !== message.recipientPhone) changes.recipientPhone = values.recipientPhone.trim();
  if (values.text.trim() !== message.text) changes.text = values.text.trim();
  if (values.ownerId !== message.ownerId) changes.ownerId = values.ownerId;
  return changes;
}

function MessageForm({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const send = useSendMessage();
  const [intent, setIntent] = useState<'save' | 'send'>('save');
  const form = useForm<Values>({
    initialValues: {
      recipientPhone: message?.recipientPhone ?? '',
      text: message?.text ?? '',
      ownerId: message?.ownerId ?? me.user.id,
    },
    validate: { recipientPhone: required(t), text: required(t) },
  });
  const saving = useItemSave({
    item: message,
    form,
    fields: FIELDS,
    create: useCreateMessage(),
    edit: useEditMessage(),
    notices: { created: 'features.whatsapp.created', saved: 'features.whatsapp.saved' },
    onClose,
  });

  const sendDraft = (draft: Message) =>
    send.mutate(draft.id, {
      onSuccess: () => notify(t('features.whatsapp.sentDone', { phone: draft.recipientPhone })),
      // The draft is kept: it can be sent again from the list.
      onError: (error) => notify(t('features.whatsapp.savedNotSent', { reason: errorMessage(t, error) }), 'error'),
      onSettled: onClose,
    });

  const submit = (values: Values, then: 'save' | 'send' = 'save') => {
    setIntent(then);
    saving.save(
      () => ({ recipientPhone: values.recipientPhone.trim(), text: values.text.trim(), ownerId: values.ownerId }),
      (existing) => changesOf(existing, values),
      then === 'send' ? sendDraft : undefined,
    );
  };

  const pending = saving.pending || send.isPending;
  return (
    <ItemForm
      onSubmit={form.onSubmit((values) => submit(values))}
      alert={saving.alert}
      onCancel={onClose}
      pending={pending}
      buttons={
        message ? undefined : (
          <>
            <Button type="submit" variant="default" loading={pending && intent === 'save'}>
              {t('features.whatsapp.saveDraft')}
            </Button>
            <Button loading={pending && intent === 'send'} onClick={() => form.onSubmit((values) => submit(values, 'send'))()}>
              {t('features.whatsapp.send')}
            </Button>
          </>
        )
      }
    >
      <TextInput
        label={t('features.whatsapp.fields.recipientPhone')}
        description={t('features.contacts.fields.phoneHint')}
        type="tel"
        dir="ltr"
        required
        data-autofocus
        {...form.getInputProps('recipientPhone')}
      />
      <Textarea
        label={t('features.whatsapp.fields.text')}
        description={t('features.whatsapp.fields.textHint', { count: MAX_TEXT - form.values.text.length })}
        required
        autosize
        minRows={4}
        maxRows={12}
        maxLength={MAX_TEXT}
        {...form.getInputProps('text')}
      />
      <OwnerSelect
        value={form.values.ownerId}
        onChange={(id) => form.setFieldValue('ownerId', id)}
        current={message?.owner}
        error={form.errors.ownerId as string | undefined}
      />
    </ItemForm>
  );
}
