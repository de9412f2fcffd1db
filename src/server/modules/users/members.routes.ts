import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Id } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import { rows, type Queryable } from '../../db/client.js';
import { memberOf } from '../../plugins/access.js';

/** Only what choosing an owner needs: no email, role or permissions of colleagues. */
export const ActiveMemberList = z.object({ items: z.array(z.object({ id: Id, fullName: z.string() })) });

export async function listActiveMembers(db: Queryable, companyId: string) {
  return rows<{ id: string; fullName: string }>(
    db,
    sql`SELECT user_id AS id, full_name AS "fullName" FROM memberships
        WHERE company_id = ${companyId} AND status = 'active'
        ORDER BY lower(full_name), user_id`,
  );
}

/**
 * The active members of the active company, readable by every member: a TenantUser who may
 * assign items (contacts.manage, email.send, ...) picks the new owner from this list, while
 * GET /api/users stays CompanyAdmin-only.
 */
export function membersRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    instance.withTypeProvider<ZodTypeProvider>().get(
      '/api/members',
      {
        config: { access: 'member' },
        schema: {
          tags: ['users'],
          summary: 'Active members of the active company (id and name), e.g. to choose an item’s owner',
          response: { 200: ActiveMemberList, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ items: await listActiveMembers(ctx.db, memberOf(request).company.id) }),
    );
  };
}
