import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/api.js';
import { AccessReview, BulkDeactivateBody, BulkDeactivateResult } from '../../../shared/review.js';
import type { AppContext } from '../../context.js';
import { memberOf } from '../../plugins/access.js';
import { adminOf } from '../users/users.routes.js';
import { bulkDeactivate, getAccessReview } from './review.service.js';

const denied = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export function reviewRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/access-review',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access review'],
          summary:
            'Members grouped by last activity (active, dormant 30/60/90 days, never signed in), stale invitations, expiring access',
          response: { 200: AccessReview, ...denied },
        },
      },
      async (request) => getAccessReview(ctx, memberOf(request).company.id),
    );

    app.post(
      '/api/users/bulk-deactivate',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['users'],
          summary: 'Deactivate several users at once; each id succeeds or fails on its own with the usual guards',
          body: BulkDeactivateBody,
          response: { 200: BulkDeactivateResult, ...denied },
        },
      },
      async (request) => bulkDeactivate(ctx, adminOf(request), request.body.ids),
    );
  };
}
