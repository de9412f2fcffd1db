import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/api.js';
import { BULK_INVITE_MAX_BYTES, BulkInviteBody, BulkInviteQuery, BulkInviteResult } from '../../../shared/review.js';
import type { AppContext } from '../../context.js';
import { adminOf } from '../users/users.routes.js';
import { commitBulkInvite, dryRunBulkInvite } from './bulk-invite.service.js';

export function bulkInviteRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    // The file itself may be the body; only this plugin's routes accept it.
    instance.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: BULK_INVITE_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/users/bulk-invite',
      {
        config: { access: 'admin' },
        bodyLimit: BULK_INVITE_MAX_BYTES,
        schema: {
          tags: ['users'],
          summary:
            'Invite people from a CSV (columns: full name, email, role, permissions). dryRun=true (the default) shows ' +
            'what each row would do; dryRun=false creates every invitation or, over the seat limit, none',
          description:
            'Send the file as text/csv (at most 2 MiB, 5,000 rows) or as JSON {"csv": "..."}. ' +
            'A file that cannot be read answers 400 CSV_INVALID with details.errors [{row, message}].',
          querystring: BulkInviteQuery,
          body: BulkInviteBody,
          response: {
            200: BulkInviteResult,
            400: ErrorResponse,
            401: ErrorResponse,
            402: ErrorResponse,
            403: ErrorResponse,
            413: ErrorResponse,
          },
        },
      },
      async (request) => {
        const csv = typeof request.body === 'string' ? request.body : request.body.csv;
        const admin = adminOf(request);
        return request.query.dryRun ? dryRunBulkInvite(ctx, admin, csv) : commitBulkInvite(ctx, admin, csv);
      },
    );
  };
}
