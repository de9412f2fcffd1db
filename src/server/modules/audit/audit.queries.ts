import { sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEvent, AuditQuery } from '../../../shared/audit.js';
import { rows, type Queryable } from '../../db/client.js';
import { AppError } from '../../errors.js';

interface AuditRow {
  id: string;
  at: Date | string;
  action: AuditAction;
  actor_id: string | null;
  actor_name: string | null;
  target_id: string | null;
  target_name: string | null;
  ip: string | null;
  details: Record<string, unknown> | string | null;
}

export type AuditFilter = Omit<AuditQuery, 'limit' | 'cursor'>;

/** Cursor of the newest-first keyset: the last row's (at, id). */
export function encodeCursor(row: { at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !/^\d+$/.test(id)) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { fields: { cursor: 'invalid' } });
  }
}

/** One page of a company's audit events, newest first, filtered. */
export async function findAuditEvents(
  db: Queryable,
  companyId: string,
  filter: AuditFilter,
  page: { limit: number; cursor?: string },
): Promise<AuditEvent[]> {
  const where: SQL[] = [sql`company_id = ${companyId}`];
  if (filter.actorId) where.push(sql`actor_id = ${filter.actorId}`);
  if (filter.targetId) where.push(sql`target_id = ${filter.targetId}`);
  if (filter.action) where.push(sql`action = ${filter.action}`);
  if (filter.from) where.push(sql`at >= ${new Date(filter.from)}`);
  if (filter.to) where.push(sql`at < ${new Date(filter.to)}`);
  if (page.cursor) {
    const c = decodeCursor(page.cursor);
    where.push(sql`(at, id) < (${c.at}, ${c.id}::bigint)`);
  }
  const found = await rows<AuditRow>(
    db,
    sql`SELECT id::text AS id, at, action, actor_id, actor_name, target_id, target_name, ip, details
        FROM audit_events WHERE ${sql.join(where, sql` AND `)}
        ORDER BY at DESC, id DESC LIMIT ${page.limit}`,
  );
  return found.map(toEvent);
}

function toEvent(row: AuditRow): AuditEvent {
  const details = typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : (row.details ?? {});
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    action: row.action,
    actor: row.actor_id || row.actor_name ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    target: row.target_id || row.target_name ? { id: row.target_id, name: row.target_name ?? '' } : null,
    ip: row.ip,
    details,
  };
}
