import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, IMPLIES } from '../../../shared/permissions.js';
import { PermissionKey } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';

const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']) });
const Catalog = z.object({
  items: z.array(z.object({ key: PermissionKey, implies: PermissionKey.nullable() })),
});

export function systemRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: Health, 503: Health } },
      },
      async (_request, reply) => {
        try {
          await ctx.db.execute(sql`SELECT 1`);
          return { status: 'ok' as const, database: 'up' as const };
        } catch {
          return reply.status(503).send({ status: 'degraded', database: 'down' });
        }
      },
    );

    app.get(
      '/api/permissions',
      {
        config: { access: 'signedIn' },
        schema: { tags: ['system'], summary: 'The permission catalog', response: { 200: Catalog } },
      },
      async () => ({ items: PERMISSIONS.map((key) => ({ key, implies: IMPLIES[key] ?? null })) }),
    );
  };
}
