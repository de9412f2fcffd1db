import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/api.js';
import type { Role } from '../../../shared/permissions.js';
import { HOUR } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation, preparedRows, rows } from '../../db/client.js';
import { companies, memberships, passwordResetTokens, sessions, subscriptions, users } from '../../db/schema.js';
import { hashPassword, newToken, sha256, verifyAgainstDummy, verifyPassword } from '../../crypto.js';
import { AppError } from '../../errors.js';
import { assertStrongPassword } from '../../password-policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveSessionByHash, startSession, type AuthContext } from './session.js';

export const RESET_TOKEN_TTL_MS = HOUR;

interface Client {
  ip: string;
  userAgent?: string;
}

export async function signUp(
  ctx: AppContext,
  input: { companyName: string; fullName: string; email: string; password: string; locale?: Locale },
  client: Client,
): Promise<string> {
  assertStrongPassword(input.password, [input.email, input.fullName, input.companyName]);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          fullName: input.fullName,
          passwordHash,
          locale: input.locale ?? 'en',
          createdAt: now,
          passwordChangedAt: now,
        })
        .returning({ id: users.id });
      const [company] = await tx
        .insert(companies)
        .values({ name: input.companyName, createdAt: now })
        .returning({ id: companies.id });
      await tx.insert(subscriptions).values({ companyId: company!.id, plan: 'free', updatedAt: now });
      await tx.insert(memberships).values({
        companyId: company!.id,
        userId: user!.id,
        fullName: input.fullName,
        role: 'CompanyAdmin',
        status: 'active',
        lastActiveAt: now,
        createdAt: now,
        updatedAt: now,
      });
      const actor = { id: user!.id, name: input.fullName };
      await recordAudit(tx, {
        companyId: company!.id,
        action: 'company.created',
        at: now,
        actor,
        ip: client.ip,
        details: { name: input.companyName },
      });
      return startSession(ctx, tx, { userId: user!.id, companyId: company!.id, ...client });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists; log in instead', {
        fields: { email: 'taken' },
      });
    }
    throw error;
  }
}

interface ActiveMembership {
  company_id: string;
  full_name: string;
}

/** Checks the password; the same answer (and about the same time) for an unknown email. */
export async function logIn(ctx: AppContext, input: { email: string; password: string }, client: Client): Promise<string> {
  const [user] = await ctx.db
    .select({ id: users.id, fullName: users.fullName, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`);
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  const now = ctx.clock.now();
  if (!user || !ok) {
    if (user) {
      const active = await activeMemberships(ctx, user.id);
      for (const m of active) {
        await recordAudit(ctx.db, {
          companyId: m.company_id,
          action: 'login.failed',
          at: now,
          target: { id: user.id, name: m.full_name },
          ip: client.ip,
        });
      }
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  const active = await activeMemberships(ctx, user.id);
  const company = active[0];
  if (!company) {
    throw new AppError('NO_ACTIVE_MEMBERSHIP', 'Your access has ended in every company; ask a CompanyAdmin to restore it');
  }
  return ctx.db.transaction(async (tx) => {
    await recordAudit(tx, {
      companyId: company.company_id,
      action: 'login.succeeded',
      at: now,
      actor: { id: user.id, name: company.full_name },
      ip: client.ip,
    });
    await tx
      .update(memberships)
      .set({ lastActiveAt: now })
      .where(and(eq(memberships.companyId, company.company_id), eq(memberships.userId, user.id)));
    return startSession(ctx, tx, { userId: user.id, companyId: company.company_id, ...client });
  });
}

/** Active memberships, the most recently used first. */
async function activeMemberships(ctx: AppContext, userId: string): Promise<ActiveMembership[]> {
  return rows<ActiveMembership>(
    ctx.db,
    sql`SELECT company_id, full_name FROM memberships WHERE user_id = ${userId} AND status = 'active'
        ORDER BY last_active_at DESC NULLS LAST, created_at`,
  );
}

export async function logOut(ctx: AppContext, tokenHash: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function switchCompany(ctx: AppContext, auth: AuthContext, companyId: string): Promise<void> {
  const [membership] = await ctx.db
    .select({ status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, auth.userId), eq(memberships.status, 'active')));
  // Not a member and no such company answer alike.
  if (!membership) throw new AppError('NOT_FOUND', 'No such company');
  await ctx.db.update(sessions).set({ companyId }).where(eq(sessions.tokenHash, auth.tokenHash));
}

export async function setLocale(ctx: AppContext, userId: string, locale: Locale): Promise<void> {
  await ctx.db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function describeMe(ctx: AppContext, auth: AuthContext) {
  const list = await preparedRows<{ id: string; name: string; role: Role }>(
    ctx.db,
    'peikly_my_companies',
    sql`SELECT c.id, c.name, m.role FROM memberships m JOIN companies c ON c.id = m.company_id
        WHERE m.user_id = ${auth.userId} AND m.status = 'active' ORDER BY c.name, c.id`,
  );
  return {
    user: { id: auth.userId, email: auth.email, fullName: auth.userName, locale: auth.locale },
    company: auth.company ? { id: auth.company.id, name: auth.company.name, plan: auth.company.plan } : null,
    role: auth.role,
    // Already effective: resolveSession expands them (a CompanyAdmin holds all).
    permissions: auth.permissions,
    companies: list,
  };
}

/** The `me` answer for a session that was just started or moved to another company. */
export async function describeSession(ctx: AppContext, tokenHash: string) {
  const auth = await resolveSessionByHash(ctx, tokenHash);
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return describeMe(ctx, auth);
}

/** Sends a reset link when the email has an account; the caller answers 202 either way. */
export async function requestPasswordReset(ctx: AppContext, email: string, locale?: Locale): Promise<void> {
  const [user] = await ctx.db
    .select({ id: users.id, fullName: users.fullName, locale: users.locale, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!user?.passwordHash) return;
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
      createdAt: now,
    });
    await ctx.outbox.enqueue(tx, {
      to: email,
      locale: (locale ?? user.locale) as Locale,
      template: { kind: 'password-reset', fullName: user.fullName, link: `${ctx.env.APP_URL}/reset-password#token=${token}` },
    });
  });
}

/** Sets the new password, spends every reset token of the person and ends all their sessions. */
export async function confirmPasswordReset(ctx: AppContext, token: string, password: string): Promise<void> {
  const now = ctx.clock.now();
  const [found] = await ctx.db
    .select({ userId: passwordResetTokens.userId, email: users.email, fullName: users.fullName })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, sha256(token)),
        sql`${passwordResetTokens.usedAt} IS NULL`,
        sql`${passwordResetTokens.expiresAt} > ${now}`,
      ),
    );
  if (!found) throw new AppError('INVALID_TOKEN', 'This reset link is invalid or has expired; ask for a new one');
  assertStrongPassword(password, [found.email, found.fullName]);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const spent = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, sha256(token)), sql`${passwordResetTokens.usedAt} IS NULL`))
      .returning({ userId: passwordResetTokens.userId });
    if (spent.length === 0) throw new AppError('INVALID_TOKEN', 'This reset link has already been used');
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, found.userId), sql`${passwordResetTokens.usedAt} IS NULL`));
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, found.userId));
    await tx.delete(sessions).where(eq(sessions.userId, found.userId));
  });
}
