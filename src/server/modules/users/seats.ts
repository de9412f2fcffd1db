import { sql } from 'drizzle-orm';
import { seatLimit, type Plan } from '../../../shared/plans.js';
import { rows, type Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';

/**
 * Takes the company's lock: the subscription row, held until the transaction ends. Every
 * membership change (invite, accept, reactivate, role change, deactivate, delete) takes it first,
 * so seat counts and admin counts read after it cannot be raced by another change.
 */
export async function lockCompany(tx: Tx, companyId: string): Promise<Plan> {
  const [row] = await rows<{ plan: Plan }>(tx, sql`SELECT plan FROM subscriptions WHERE company_id = ${companyId} FOR UPDATE`);
  if (!row) throw new AppError('NOT_FOUND', 'No such company');
  return row.plan;
}

/** Seats used = active + invited memberships. */
export async function countSeatsUsed(tx: Tx, companyId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM memberships WHERE company_id = ${companyId} AND status IN ('active', 'invited')`,
  );
  return row!.n;
}

/**
 * Refuses a change that would take `adding` more seats than the plan allows. Call it after
 * lockCompany, in the same transaction as the write. Accepting an invitation adds 0: the invited
 * member already holds a seat, yet it still fails when a downgrade left the company over its limit.
 */
export async function assertSeatAvailable(tx: Tx, companyId: string, plan: Plan, adding: 0 | 1): Promise<void> {
  const limit = seatLimit(plan);
  if (limit === null) return;
  const used = await countSeatsUsed(tx, companyId);
  if (used + adding > limit) {
    throw new AppError('USER_LIMIT_REACHED', `Your ${plan} plan allows ${limit} users; upgrade it in Billing & Subscription`, {
      limit,
      used,
      plan,
    });
  }
}
