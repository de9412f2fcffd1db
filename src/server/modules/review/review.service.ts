import {
  EXPIRING_SOON_DAYS,
  REVIEW_GROUP_LIMIT,
  REVIEW_GROUPS,
  type AccessReview,
  type BulkDeactivateResult,
  type ReviewGroup,
} from '../../../shared/review.js';
import { DAY } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { lockCompany } from '../users/seats.js';
import { deactivateMember } from '../users/users.changes.js';
import { assertStillAdmin, type AdminActor } from '../users/users.guards.js';
import { countActiveAdmins, expiringMembers, reviewGroups } from './review.queries.js';

/** Who has access and how recently they used it, as of the app's clock; one consistent snapshot. */
export async function getAccessReview(ctx: AppContext, companyId: string): Promise<AccessReview> {
  const now = ctx.clock.now();
  return ctx.db.transaction(
    async (tx) => {
      const groups = await reviewGroups(tx, companyId, now, REVIEW_GROUP_LIMIT);
      const expiringSoon = await expiringMembers(
        tx,
        companyId,
        new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY),
        REVIEW_GROUP_LIMIT,
      );
      const adminCount = await countActiveAdmins(tx, companyId);
      const each = <T>(pick: (g: ReviewGroup) => T) =>
        Object.fromEntries(REVIEW_GROUPS.map((g) => [g, pick(g)])) as Record<ReviewGroup, T>;
      return {
        asOf: now.toISOString(),
        adminCount,
        singleAdminWarning: adminCount === 1,
        counts: each((g) => groups.get(g)?.total ?? 0),
        groups: each((g) => groups.get(g)?.items ?? []),
        groupLimit: REVIEW_GROUP_LIMIT,
        expiringSoon,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Deactivates several members in one transaction under the company lock. Each id is judged on its
 * own with the guards of Deactivate, in order, against the state the earlier ids left behind (so
 * the last-admin guard sees the admins deactivated a moment before); a refused id does not stop
 * the others. Repeated ids are answered once.
 */
export async function bulkDeactivate(ctx: AppContext, admin: AdminActor, ids: string[]): Promise<BulkDeactivateResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockCompany(tx, admin.companyId);
    await assertStillAdmin(tx, admin);
    const results: BulkDeactivateResult['results'] = [];
    for (const id of new Set(ids)) {
      try {
        await deactivateMember(tx, admin.companyId, id, admin, now);
        results.push({ id, ok: true });
      } catch (error) {
        // The guards refuse before writing anything, so the transaction stays usable.
        if (!(error instanceof AppError)) throw error;
        results.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    return { results };
  });
}
