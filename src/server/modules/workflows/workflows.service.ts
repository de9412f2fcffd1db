import type { CreateWorkflowBody, UpdateWorkflowBody, Workflow, WorkflowStep } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import { workflows } from '../../db/schema.js';
import { FeatureService } from '../features/crud.service.js';

type Create = Required<Omit<CreateWorkflowBody, 'ownerId'>> & { ownerId?: string };

export function workflowsService(ctx: AppContext) {
  return new FeatureService<typeof workflows, Workflow, Create, UpdateWorkflowBody>(ctx, {
    noun: 'workflow',
    table: workflows,
    searchable: [workflows.name, workflows.trigger],
    toItem: (row, owner) => ({
      id: row.id,
      name: row.name,
      trigger: row.trigger,
      steps: row.steps as WorkflowStep[],
      enabled: row.enabled,
      ownerId: row.ownerId,
      owner,
      // Workflows belong to the company and keep running; the list only flags the missing owner.
      ownerRemoved: owner.status !== 'active',
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }),
    valuesOf: (body) => ({ name: body.name, trigger: body.trigger, steps: body.steps, enabled: body.enabled }),
    changesOf: (body) => ({ name: body.name, trigger: body.trigger, steps: body.steps, enabled: body.enabled }),
  });
}

export type WorkflowsService = ReturnType<typeof workflowsService>;
