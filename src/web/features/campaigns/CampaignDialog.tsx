import { Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Campaign, UpdateCampaignBody } from '../../../shared/api.js';
import type { DialogProps } from '../../components/useDialog';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { ItemDialog } from '../items/ItemDialog';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
import { useItemSave } from '../items/useItemSave';
import { useCreateCampaign, useEditCampaign } from './campaignsApi';

interface Values {
  name: string;
  subject: string;
  body: string;
  ownerId: string;
}

const FIELDS = ['name', 'subject', 'body', 'ownerId'] as const;

/** New campaign (`campaign` null, saved as a draft) or edit one that has not been sent. */
export function CampaignDialog({ campaign, ...dialog }: DialogProps<'campaign', Campaign>) {
  const { t } = useTranslation();
  return (
    <ItemDialog {...dialog} title={campaign ? t('features.email.editTitle') : t('features.email.addTitle')}>
      <CampaignForm campaign={campaign} onClose={dialog.onClose} />
    </ItemDialog>
  );
}

function changesOf(campaign: Campaign, values: Values): UpdateCampaignBody {
  const changes: UpdateCampaignBody = {};
  if (values.name.trim() !== campaign.name) changes.name = values.name.trim();
  if (values.subject.trim() !== campaign.subject) changes.subject = values.subject.trim();
  if (values.body !== campaign.body) changes.body = values.body;
  if (values.ownerId !== campaign.ownerId) changes.ownerId = values.ownerId;
  return changes;
}

function CampaignForm({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const form = useForm<Values>({
    initialValues: {
      name: campaign?.name ?? '',
      subject: campaign?.subject ?? '',
      body: campaign?.body ?? '',
      ownerId: campaign?.ownerId ?? me.user.id,
    },
    validate: { name: required(t), subject: required(t) },
  });
  const { save, alert, pending } = useItemSave({
    item: campaign,
    form,
    fields: FIELDS,
    create: useCreateCampaign(),
    edit: useEditCampaign(),
    notices: { created: 'features.email.created', saved: 'features.email.saved' },
    onClose,
  });

  const submit = (values: Values) =>
    save(
      () => ({ name: values.name.trim(), subject: values.subject.trim(), body: values.body, ownerId: values.ownerId }),
      (existing) => changesOf(existing, values),
    );

  return (
    <ItemForm onSubmit={form.onSubmit(submit)} alert={alert} onCancel={onClose} pending={pending}>
      <TextInput
        label={t('features.email.fields.name')}
        description={t('features.email.fields.nameHint')}
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <TextInput label={t('features.email.fields.subject')} required {...form.getInputProps('subject')} />
      <Textarea label={t('features.email.fields.body')} autosize minRows={6} maxRows={16} {...form.getInputProps('body')} />
      <OwnerSelect
        value={form.values.ownerId}
        onChange={(id) => form.setFieldValue('ownerId', id)}
        current={campaign?.owner}
        error={form.errors.ownerId as string | undefined}
      />
    </ItemForm>
  );
}
