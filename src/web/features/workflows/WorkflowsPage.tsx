import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../../../shared/api.js';
import { errorMessage } from '../../api/errors';
import { notify } from '../../components/notify';
import { useDialog } from '../../components/useDialog';
import { ItemsPage } from '../items/ItemsPage';
import type { Column } from '../items/ItemsTable';
import { ItemStatusBadge } from '../items/StatusBadge';
import { WorkflowDialog } from './WorkflowDialog';
import { useSwitchWorkflow, WORKFLOWS_PATH } from './workflowsApi';

export function WorkflowsPage() {
  const { t } = useTranslation();
  const editor = useDialog<Workflow | null>();
  const switcher = useSwitchWorkflow();

  const columns: Column<Workflow>[] = [
    {
      key: 'name',
      header: t('features.workflows.fields.name'),
      cell: (w) => (
        <Text size="sm" fw={600}>
          <bdi>{w.name}</bdi>
        </Text>
      ),
    },
    {
      key: 'trigger',
      header: t('features.workflows.fields.trigger'),
      cell: (w) => (
        <Text size="sm" ff="monospace">
          <bdi dir="ltr">{w.trigger}</bdi>
        </Text>
      ),
    },
    {
      key: 'steps',
      header: t('features.workflows.fields.steps'),
      cell: (w) => <Text size="sm">{t('features.workflows.stepCount', { count: w.steps.length })}</Text>,
    },
    {
      key: 'enabled',
      header: t('features.workflows.fields.state'),
      cell: (w) => (
        <ItemStatusBadge
          label={t(w.enabled ? 'features.workflows.on' : 'features.workflows.off')}
          tone={w.enabled ? 'teal' : 'gray'}
        />
      ),
    },
  ];

  const toggle = (w: Workflow) =>
    switcher.mutate(
      { id: w.id, enabled: !w.enabled },
      {
        onSuccess: () =>
          notify(t(w.enabled ? 'features.workflows.disabledDone' : 'features.workflows.enabledDone', { name: w.name })),
        onError: (error) => notify(errorMessage(t, error), 'error'),
      },
    );

  return (
    <ItemsPage<Workflow>
      feature="workflows"
      path={WORKFLOWS_PATH}
      columns={columns}
      nameOf={(w) => w.name}
      onAdd={() => editor.open(null)}
      // A workflow whose owner left keeps running for the company; the list says so.
      ownerNote={(w) =>
        w.ownerRemoved ? (
          <Badge display="block" mt={4} w="fit-content" color="yellow.3" autoContrast radius="sm" tt="none" fw={600}>
            {t('features.workflows.ownerRemoved')}
          </Badge>
        ) : null
      }
      actionsFor={(w) => [
        { key: 'edit', label: t('features.actions.edit'), onSelect: () => editor.open(w) },
        {
          key: 'switch',
          label: t(w.enabled ? 'features.workflows.disable' : 'features.workflows.enable'),
          onSelect: () => toggle(w),
        },
      ]}
    >
      <WorkflowDialog workflow={editor.target} opened={editor.opened} version={editor.version} onClose={editor.close} />
    </ItemsPage>
  );
}
