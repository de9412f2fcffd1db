import { Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Campaign, UpdateCampaignBody } from '../../../shared/api.js';
import { AppModal } from '../../components/AppModal';
import { notify } from '../../components/notify';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { formFeedback } from '../items/fieldErrors';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
import { useCreateCampaign, useEditCampaign } from './campaignsApi';

interface Values {
  name: string;
  subject: string;
  body: string;
  ownerId: string;
}

const FIELDS = ['name', 'subject', 'body', 'ownerId'] as const;

/** New campaign (`campaign` null, saved as a draft) or edit one that has not been sent. */
export function CampaignDialog({
  campaign,
  opened,
  version,
  onClose,
}: {
  campaign: Campaign | null;
  opened: boolean;
  version: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={campaign ? t('features.email.editTitle') : t('features.email.addTitle')}
      size="lg"
    >
      <CampaignForm key={version} campaign={campaign} onClose={onClose} />
    </AppModal>
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
  const create = useCreateCampaign();
  const edit = useEditCampaign();
  const form = useForm<Values>({
    initialValues: {
      name: campaign?.name ?? '',
      subject: campaign?.subject ?? '',
      body: campaign?.body ?? '',
      ownerId: campaign?.ownerId ?? me.user.id,
    },
    validate: { name: required(t), subject: required(t) },
  });
  const mutation = campaign ? edit : create;
  const feedback = formFeedback(t, mutation.error, FIELDS);

  const done = (name: string) => {
    notify(t(campaign ? 'features.email.saved' : 'features.email.created', { name }));
    onClose();
  };
  const onError = (error: unknown) => form.setErrors(formFeedback(t, error, FIELDS).fields);

  const submit = (values: Values) => {
    if (!campaign) {
      create.mutate(
        { name: values.name.trim(), subject: values.subject.trim(), body: values.body, ownerId: values.ownerId },
        { onSuccess: (created) => done(created.name), onError },
      );
      return;
    }
    const changes = changesOf(campaign, values);
    if (Object.keys(changes).length === 0) return onClose();
    edit.mutate({ id: campaign.id, changes }, { onSuccess: (saved) => done(saved.name), onError });
  };

  return (
    <ItemForm onSubmit={form.onSubmit(submit)} alert={feedback.alert} onCancel={onClose} pending={mutation.isPending}>
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
