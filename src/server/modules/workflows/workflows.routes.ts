import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateWorkflowBody, ErrorResponse, UpdateWorkflowBody, Workflow } from '../../../shared/api.js';
import { FEATURES } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/access.js';
import { featureErrors, IdParams, registerCrudRoutes } from '../features/crud.routes.js';
import { workflowsService } from './workflows.service.js';

export function workflowsRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    const service = workflowsService(ctx);
    registerCrudRoutes(instance, service, {
      path: '/api/workflows',
      tag: 'workflows',
      plural: 'workflows',
      view: FEATURES.workflows.view,
      act: FEATURES.workflows.act,
      item: Workflow,
      create: CreateWorkflowBody,
      update: UpdateWorkflowBody,
    });

    const app = instance.withTypeProvider<ZodTypeProvider>();
    for (const action of ['enable', 'disable'] as const) {
      app.post(
        `/api/workflows/:id/${action}`,
        {
          config: { access: FEATURES.workflows.act },
          schema: {
            tags: ['workflows'],
            summary: `${action === 'enable' ? 'Enable' : 'Disable'} a workflow`,
            params: IdParams,
            response: { 200: Workflow, ...featureErrors, 404: ErrorResponse },
          },
        },
        async (request) =>
          service.change(actorOf(request).companyId, request.params.id, async () => ({ enabled: action === 'enable' })),
      );
    }
  };
}
