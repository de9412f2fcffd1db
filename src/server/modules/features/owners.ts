import { sql } from 'drizzle-orm';
import type { ItemOwner, MemberStatus } from '../../../shared/api.js';
import { rows, type Tx } from '../../db/client.js';
import { memberships } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** The owner's columns, for a select joined to `memberships`. */
export const ownerColumns = { id: memberships.userId, fullName: memberships.fullName, status: memberships.status };

export function toOwner(row: { id: string; fullName: string; status: string }): ItemOwner {
  return { id: row.id, fullName: row.fullName, status: row.status as MemberStatus };
}

/**
 * An item may only be given to an active member of the company. The membership row stays share-
 * locked until the transaction ends, so a concurrent deactivation or delete waits for the
 * assignment (and a delete with reassignment then moves the item too) instead of racing it.
 */
export async function assertAssignableOwner(tx: Tx, companyId: string, userId: string, field = 'ownerId'): Promise<void> {
  const [member] = await rows<{ status: string }>(
    tx,
    sql`SELECT status FROM memberships WHERE company_id = ${companyId} AND user_id = ${userId} AND status = 'active' FOR SHARE`,
  );
  if (!member) {
    throw new AppError('VALIDATION_FAILED', 'Items can only be assigned to an active user of this company', {
      fields: { [field]: 'not an active user of this company' },
    });
  }
}
