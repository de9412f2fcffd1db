import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/schema.js';

export { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit.js';
import type { AuditAction } from '../../../shared/audit.js';

export interface AuditInput {
  companyId: string;
  action: AuditAction;
  at: Date;
  actor?: { id: string; name: string } | null;
  target?: { id: string; name: string } | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(db: Queryable, input: AuditInput): Promise<void> {
  await recordAudits(db, [input]);
}

/** Writes several audit events with one statement (bulk changes). */
export async function recordAudits(db: Queryable, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await db.insert(auditEvents).values(
    inputs.map((input) => ({
      companyId: input.companyId,
      action: input.action,
      at: input.at,
      actorId: input.actor?.id ?? null,
      actorName: input.actor?.name ?? null,
      targetId: input.target?.id ?? null,
      targetName: input.target?.name ?? null,
      ip: input.ip ?? null,
      details: input.details ?? {},
    })),
  );
}
