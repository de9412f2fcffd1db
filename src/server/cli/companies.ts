import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Email, FullName, PlanName } from '../../shared/api.js';
import { seatLimit, type Plan } from '../../shared/plans.js';
import { DAY, type Clock } from '../clock.js';
import { newToken, sha256 } from '../crypto.js';
import { rows, type Db, type Queryable } from '../db/client.js';
import { companies, memberships, passwordResetTokens, subscriptions, users } from '../db/schema.js';
import type { Env } from '../env.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { countSeatsUsed, lockCompany } from '../modules/users/seats.js';

export interface OperatorContext {
  db: Db;
  env: Env;
  clock: Clock;
}

/** Operator changes are audited without a person as actor; this marks them in the details. */
const BY_OPERATOR = { by: 'operator' } as const;

/** The password-set link of a company created from the CLI is handed over by hand: a week, once. */
export const PASSWORD_SET_LINK_TTL_MS = 7 * DAY;

export interface CompanySummary {
  id: string;
  name: string;
  plan: Plan;
  seatsUsed: number;
  seatLimit: number | null;
  admins: string[];
  createdAt: Date;
}

export async function listCompanies(db: Db): Promise<CompanySummary[]> {
  const found = await rows<{ id: string; name: string; plan: Plan; used: number; admins: string[] | null; created_at: Date }>(
    db,
    sql`
    SELECT c.id, c.name, s.plan, c.created_at,
      (SELECT count(*)::int FROM memberships m
        WHERE m.company_id = c.id AND m.status IN ('active', 'invited')) AS used,
      (SELECT array_agg(u.email ORDER BY u.email) FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = c.id AND m.role = 'CompanyAdmin' AND m.status = 'active') AS admins
    FROM companies c JOIN subscriptions s ON s.company_id = c.id
    ORDER BY c.created_at, c.id`,
  );
  return found.map((c) => ({
    id: c.id,
    name: c.name,
    plan: c.plan,
    seatsUsed: c.used,
    seatLimit: seatLimit(c.plan),
    admins: c.admins ?? [],
    createdAt: new Date(c.created_at),
  }));
}

export const CreateCompanyInput = z.object({
  name: z.string().trim().min(1).max(120),
  adminEmail: Email,
  adminName: FullName,
  plan: PlanName.default('free'),
});

export interface CreatedCompany {
  companyId: string;
  userId: string;
  /** A one-time link to set the admin's password; null when the person already has one. */
  passwordSetLink: string | null;
  linkExpiresAt: Date | null;
}

/**
 * Creates a company with its first CompanyAdmin. A new person gets no password: the operator
 * hands over a one-time password-set link, which is a password-reset token (the same
 * /reset-password page and the same single-use rule), valid for a week instead of an hour. A
 * person who already has a Peikly login simply joins with it.
 */
export async function createCompany(
  ctx: OperatorContext,
  input: { name: string; adminEmail: string; adminName: string; plan?: string },
): Promise<CreatedCompany> {
  const { name, adminEmail, adminName, plan } = parseInput(CreateCompanyInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [company] = await tx.insert(companies).values({ name, createdAt: now }).returning({ id: companies.id });
    const companyId = company!.id;
    await tx.insert(subscriptions).values({ companyId, plan, updatedAt: now });
    const user = await findOrCreateUser(tx, adminEmail, adminName, now);
    await tx.insert(memberships).values({
      companyId,
      userId: user.id,
      fullName: adminName,
      role: 'CompanyAdmin',
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      companyId,
      action: 'company.created',
      at: now,
      target: { id: user.id, name: adminName },
      details: { name, plan, admin: adminEmail, ...BY_OPERATOR },
    });
    if (user.hasPassword) return { companyId, userId: user.id, passwordSetLink: null, linkExpiresAt: null };
    const token = newToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_SET_LINK_TTL_MS);
    await tx.insert(passwordResetTokens).values({ tokenHash: sha256(token), userId: user.id, expiresAt, createdAt: now });
    return {
      companyId,
      userId: user.id,
      passwordSetLink: `${ctx.env.APP_URL}/reset-password#token=${token}`,
      linkExpiresAt: expiresAt,
    };
  });
}

async function findOrCreateUser(tx: Queryable, email: string, fullName: string, now: Date) {
  const [existing] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (existing) return { id: existing.id, hasPassword: existing.passwordHash !== null };
  const [created] = await tx.insert(users).values({ email, fullName, createdAt: now }).returning({ id: users.id });
  return { id: created!.id, hasPassword: false };
}

export const SetPlanInput = z.object({ companyId: z.uuid({ message: 'not a company id (see companies:list)' }), plan: PlanName });

/**
 * The operator's plan change: the same company lock and seat count as Billing & Subscription, so
 * a plan with fewer seats than are in use is refused, naming how many users must go first. It
 * does not pass through the billing provider: it is an override (a contract, a courtesy).
 */
export async function setPlan(
  ctx: OperatorContext,
  input: { companyId: string; plan: string },
): Promise<{ from: Plan; to: Plan; seatsUsed: number }> {
  const { companyId, plan } = parseInput(SetPlanInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const from = await lockCompany(tx, companyId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND'
        ? new AppError('NOT_FOUND', `No company with id ${companyId}`)
        : error;
    });
    const used = await countSeatsUsed(tx, companyId);
    const limit = seatLimit(plan);
    if (limit !== null && used > limit) {
      const mustRemove = used - limit;
      throw new AppError(
        'SEATS_EXCEED_PLAN',
        `The ${plan} plan allows ${limit} users and ${used} seats are in use; ` +
          `deactivate or delete ${mustRemove} user${mustRemove === 1 ? '' : 's'} first`,
        { plan, limit, used, mustRemove },
      );
    }
    if (from !== plan) {
      await tx.update(subscriptions).set({ plan, updatedAt: now }).where(eq(subscriptions.companyId, companyId));
      await recordAudit(tx, {
        companyId,
        action: 'plan.changed',
        at: now,
        details: { before: from, after: plan, ...BY_OPERATOR },
      });
    }
    return { from, to: plan, seatsUsed: used };
  });
}

/** The CLI option each input field comes from, for messages. */
const OPTION_NAMES: Record<string, string> = { adminEmail: 'admin-email', adminName: 'admin-name', companyId: 'company' };

/** Validates operator input; the first problem becomes one readable line. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || 'input';
    throw new AppError('VALIDATION_FAILED', `--${OPTION_NAMES[field] ?? field}: ${issue.message}`, {
      fields: { [field]: issue.message },
    });
  }
  return result.data;
}
