import { Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { UpdateWorkflowBody, Workflow } from '../../../shared/api.js';
import type { DialogProps } from '../../components/useDialog';
import { useCurrentMe } from '../auth/session';
import { required } from '../auth/validators';
import { ItemDialog } from '../items/ItemDialog';
import { ItemForm } from '../items/ItemForm';
import { OwnerSelect } from '../items/OwnerSelect';
import { useItemSave } from '../items/useItemSave';
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
export function WorkflowDialog({ workflow, ...dialog }: DialogProps<'workflow', Workflow>) {
  const { t } = useTranslation();
  return (
    <ItemDialog {...dialog} title={workflow ? t('features.workflows.editTitle') : t('features.workflows.addTitle')}>
      <WorkflowForm workflow={workflow} onClose={dialog.onClose} />
    </ItemDialog>
  );
}

function WorkflowForm({ workflow, onClose }: { workflow: Workflow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
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
  const { save, alert, pending } = useItemSave({
    item: workflow,
    form,
    fields: FIELDS,
    create: useCreateWorkflow(),
    edit: useEditWorkflow(),
    notices: { created: 'features.workflows.created', saved: 'features.workflows.saved' },
    onClose,
  });

  const submit = (values: Values) => {
    const parsed = parseSteps(t, values.steps);
    if (!parsed.ok) return;
    save(
      () => ({
        name: values.name.trim(),
        trigger: values.trigger.trim(),
        steps: parsed.steps,
        enabled: values.enabled,
        ownerId: values.ownerId,
      }),
      (existing) => {
        const changes: UpdateWorkflowBody = {};
        if (values.name.trim() !== existing.name) changes.name = values.name.trim();
        if (values.trigger.trim() !== existing.trigger) changes.trigger = values.trigger.trim();
        if (values.steps !== initialSteps) changes.steps = parsed.steps;
        if (values.enabled !== existing.enabled) changes.enabled = values.enabled;
        if (values.ownerId !== existing.ownerId) changes.ownerId = values.ownerId;
        return changes;
      },
    );
  };

  return (
    <ItemForm onSubmit={form.onSubmit(submit)} alert={alert} onCancel={onClose} pending={pending}>
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
