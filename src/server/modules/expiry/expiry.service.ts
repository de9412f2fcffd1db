import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { lockCompany } from '../users/seats.js';
import { deactivateMember } from '../users/users.changes.js';

export interface ExpiryOutcome {
  expired: number;
  /** Members past their access-until kept active because each is their company's last active CompanyAdmin. */
  keptLastAdmin: { companyId: string; userId: string }[];
}

/**
 * Deactivates every active member whose access-until time has passed: audited as
 * user.access_expired with the system as the actor, their sessions in that company ended. Each
 * company is one transaction under its lock, and the due members are read again under the lock,
 * so instances running this at the same time expire each member once. The last active
 * CompanyAdmin of a company is never expired (logged instead); sessions still refuse them.
 */
export async function expireAccess(ctx: AppContext): Promise<ExpiryOutcome> {
  const now = ctx.clock.now();
  const outcome: ExpiryOutcome = { expired: 0, keptLastAdmin: [] };
  const companies = await rows<{ company_id: string }>(
    ctx.db,
    sql`SELECT DISTINCT company_id FROM memberships WHERE access_until <= ${now} AND status = 'active'`,
  );
  for (const { company_id: companyId } of companies) {
    try {
      await ctx.db.transaction(async (tx) => {
        await lockCompany(tx, companyId);
        const due = await rows<{ user_id: string; access_until: Date | string }>(
          tx,
          sql`SELECT user_id, access_until FROM memberships
              WHERE company_id = ${companyId} AND status = 'active' AND access_until <= ${now}
              ORDER BY access_until, user_id`,
        );
        for (const member of due) {
          const accessUntil = new Date(member.access_until).toISOString();
          try {
            await deactivateMember(tx, companyId, member.user_id, null, now, {
              action: 'user.access_expired',
              details: { accessUntil },
            });
            outcome.expired++;
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'LAST_COMPANY_ADMIN') throw error;
            outcome.keptLastAdmin.push({ companyId, userId: member.user_id });
            ctx.log.warn(
              { companyId, userId: member.user_id, accessUntil },
              'access-until has passed, but this is the last active CompanyAdmin: kept active',
            );
          }
        }
      });
    } catch (error) {
      // One company's failure must not stop the others; the next run tries it again.
      ctx.log.error({ err: error, companyId }, 'access expiry failed for a company');
    }
  }
  return outcome;
}
