import { eq } from 'drizzle-orm';
import { PLANS, seatLimit, type Plan } from '../../../shared/plans.js';
import type { Actor, AppContext } from '../../context.js';
import { subscriptions } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { countSeatsUsed, lockCompany } from '../users/seats.js';
import { builtInBillingProvider, type BillingProvider } from './billing-provider.js';

export function listPlans() {
  return { items: PLANS.map((plan) => ({ plan, seats: seatLimit(plan) })) };
}

export async function getSubscription(ctx: AppContext, companyId: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ plan: subscriptions.plan }).from(subscriptions).where(eq(subscriptions.companyId, companyId));
    if (!row) throw new AppError('NOT_FOUND', 'No such company');
    const plan = row.plan as Plan;
    return { plan, seats: { limit: seatLimit(plan), used: await countSeatsUsed(tx, companyId) } };
  });
}

/**
 * Changes the plan under the company lock, so no invitation can slip in between the seat count
 * and the change. A downgrade below the seats in use is refused, naming how many must go first.
 */
export async function changePlan(ctx: AppContext, actor: Actor, to: Plan, provider: BillingProvider = builtInBillingProvider) {
  return ctx.db.transaction(async (tx) => {
    const from = await lockCompany(tx, actor.companyId);
    const used = await countSeatsUsed(tx, actor.companyId);
    const limit = seatLimit(to);
    if (limit !== null && used > limit) {
      const mustRemove = used - limit;
      throw new AppError(
        'SEATS_EXCEED_PLAN',
        `The ${to} plan allows ${limit} users and ${used} seats are in use; remove or deactivate ${mustRemove} first`,
        { plan: to, limit, used, mustRemove },
      );
    }
    if (from !== to) {
      await provider.changePlan({ companyId: actor.companyId, from, to });
      const now = ctx.clock.now();
      await tx.update(subscriptions).set({ plan: to, updatedAt: now }).where(eq(subscriptions.companyId, actor.companyId));
      await recordAudit(tx, {
        companyId: actor.companyId,
        action: 'plan.changed',
        at: now,
        actor: { id: actor.userId, name: actor.fullName },
        ip: actor.ip,
        details: { before: from, after: to },
      });
    }
    return { plan: to, seats: { limit, used } };
  });
}
