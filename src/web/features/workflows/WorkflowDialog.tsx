import { Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { UpdateWorkflowBody, Workflow } from '../../../shared/api.js';
import { AppModal } from '../../components/AppModal';
import { notify } from '../../components/notify';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { formFeedback } from '../items/fieldErrors';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
import { formatSteps, parseSteps } from './steps';
import { useCreateWorkflow, useEditWorkflow } from './workflowsApi';

interface Values {
  name: string;
  trigger: string;
  steps: string;
  enabled: boolean;
  ownerId: string;
}

const FIELDS = ['name', 'trigger', 'steps', 'enabled', 'ownerId'] as const;
const STEPS_EXAMPLE = '[{"type": "wait", "days": 1}, {"type": "email"}]';

/** New workflow (`workflow` null) or edit one. */
export function WorkflowDialog({
  workflow,
  opened,
  version,
  onClose,
}: {
  workflow: Workflow | null;
  opened: boolean;
  version: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={workflow ? t('features.workflows.editTitle') : t('features.workflows.addTitle')}
      size="lg"
    >
      <WorkflowForm key={version} workflow={workflow} onClose={onClose} />
    </AppModal>
  );
}

function WorkflowForm({ workflow, onClose }: { workflow: Workflow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const create = useCreateWorkflow();
  const edit = useEditWorkflow();
  const initialSteps = formatSteps(workflow?.steps ?? []);
  const form = useForm<Values>({
    initialValues: {
      name: workflow?.name ?? '',
      trigger: workflow?.trigger ?? '',
      steps: initialSteps,
      enabled: workflow?.enabled ?? false,
      ownerId: workflow?.ownerId ?? me.user.id,
    },
    validate: {
      name: required(t),
      trigger: required(t),
      steps: (value) => {
        const parsed = parseSteps(t, value);
        return parsed.ok ? null : parsed.error;
      },
    },
  });
  const mutation = workflow ? edit : create;
  const feedback = formFeedback(t, mutation.error, FIELDS);
  const done = (name: string) => {
    notify(t(workflow ? 'features.workflows.saved' : 'features.workflows.created', { name }));
    onClose();
  };
  const onError = (error: unknown) => form.setErrors(formFeedback(t, error, FIELDS).fields);

  const submit = (values: Values) => {
    const parsed = parseSteps(t, values.steps);
    if (!parsed.ok) return;
    if (!workflow) {
      create.mutate(
        {
          name: values.name.trim(),
          trigger: values.trigger.trim(),
          steps: parsed.steps,
          enabled: values.enabled,
          ownerId: values.ownerId,
        },
        { onSuccess: (created) => done(created.name), onError },
      );
      return;
    }
    const changes: UpdateWorkflowBody = {};
    if (values.name.trim() !== workflow.name) changes.name = values.name.trim();
    if (values.trigger.trim() !== workflow.trigger) changes.trigger = values.trigger.trim();
    if (values.steps !== initialSteps) changes.steps = parsed.steps;
    if (values.enabled !== workflow.enabled) changes.enabled = values.enabled;
    if (values.ownerId !== workflow.ownerId) changes.ownerId = values.ownerId;
    if (Object.keys(changes).length === 0) return onClose();
    edit.mutate({ id: workflow.id, changes }, { onSuccess: (saved) => done(saved.name), onError });
  };

  return (
    <ItemForm onSubmit={form.onSubmit(submit)} alert={feedback.alert} onCancel={onClose} pending={mutation.isPending}>
      <TextInput label={t('features.workflows.fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput
        label={t('features.workflows.fields.trigger')}
        description={
          <>
            {t('features.workflows.fields.triggerHint')} <bdi dir="ltr">contact.created</bdi>
          </>
        }
        required
        dir="ltr"
        {...form.getInputProps('trigger')}
      />
      <Textarea
        label={t('features.workflows.fields.steps')}
        description={
          <>
            {t('features.workflows.fields.stepsHint')} <bdi dir="ltr">{STEPS_EXAMPLE}</bdi>
          </>
        }
        autosize
        minRows={5}
        maxRows={16}
        dir="ltr"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        {...form.getInputProps('steps')}
      />
      <Switch
        label={t('features.workflows.fields.enabled')}
        description={t('features.workflows.fields.enabledHint')}
        {...form.getInputProps('enabled', { type: 'checkbox' })}
      />
      <OwnerSelect
        value={form.values.ownerId}
        onChange={(id) => form.setFieldValue('ownerId', id)}
        current={workflow?.owner}
        error={form.errors.ownerId as string | undefined}
      />
    </ItemForm>
  );
}
