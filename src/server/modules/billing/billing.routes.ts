import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePlanBody, ErrorResponse, PlanInfo, Subscription } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import { actorOf, memberOf } from '../../plugins/access.js';
import * as billing from './billing.service.js';

const tags = ['billing'];

export function billingRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/billing/plans',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'The plans and their seat limits (null = unlimited)',
          response: { 200: z.object({ items: z.array(PlanInfo) }) },
        },
      },
      async () => billing.listPlans(),
    );

    app.get(
      '/api/billing/subscription',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'The current plan and the seats used of its limit', response: { 200: Subscription } },
      },
      async (request) => billing.getSubscription(ctx, memberOf(request).company.id),
    );

    app.put(
      '/api/billing/subscription',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Change the plan; upgrades apply at once, a downgrade below the seats in use is refused',
          body: ChangePlanBody,
          response: { 200: Subscription, 409: ErrorResponse },
        },
      },
      async (request) => billing.changePlan(ctx, actorOf(request), request.body.plan),
    );
  };
}
