import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, type AuditEvent } from '../../../shared/audit.js';
import type { AppContext } from '../../context.js';
import { memberOf } from '../../plugins/access.js';
import { encodeCursor, findAuditEvents, type AuditFilter } from './audit.queries.js';

const tags = ['audit'];
const EXPORT_PAGE = 500;
const CsvQuery = AuditQuery.omit({ limit: true, cursor: true });

/** A spreadsheet must never run a cell as a formula (CSV injection). */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRecord(e: AuditEvent): string[] {
  return [
    e.at,
    e.action,
    e.actor?.name ?? '',
    e.actor?.id ?? '',
    e.target?.name ?? '',
    e.target?.id ?? '',
    e.ip ?? '',
    JSON.stringify(e.details),
  ].map(neutralizeFormula);
}

export function auditRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/audit-log',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Audit events of the company, newest first, filterable',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        const items = await findAuditEvents(ctx.db, memberOf(request).company.id, filter, { limit: limit + 1, cursor });
        const more = items.length > limit;
        const page = items.slice(0, limit);
        return { items: page, nextCursor: more ? encodeCursor(page.at(-1)!) : null };
      },
    );

    app.get(
      '/api/audit-log.csv',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'The filtered audit trail as CSV, streamed', querystring: CsvQuery },
      },
      async (request, reply) => {
        const companyId = memberOf(request).company.id;
        const filter: AuditFilter = request.query;
        async function* pages() {
          let cursor: string | undefined;
          for (;;) {
            const page = await findAuditEvents(ctx.db, companyId, filter, { limit: EXPORT_PAGE, cursor });
            for (const event of page) yield csvRecord(event);
            if (page.length < EXPORT_PAGE) return;
            cursor = encodeCursor(page.at(-1)!);
          }
        }
        const csv = stringify({
          header: true,
          columns: ['time_utc', 'action', 'actor', 'actor_id', 'target', 'target_id', 'ip', 'details'],
          quoted_match: /[",\n\r]/,
        });
        const source = Readable.from(pages());
        source.on('error', (error) => csv.destroy(error));
        source.pipe(csv);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="audit-log.csv"')
          .header('cache-control', 'no-store')
          .send(csv);
      },
    );
  };
}
