import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../../shared/permissions.js';
import { effectivePermissions } from '../../../shared/permissions.js';
import type { Plan } from '../../../shared/plans.js';
import type { Locale } from '../../../shared/api.js';
import { MINUTE } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { preparedRows, type Queryable } from '../../db/client.js';
import { sessions } from '../../db/schema.js';
import { newToken, sha256 } from '../../crypto.js';

export interface AuthContext {
  tokenHash: string;
  userId: string;
  email: string;
  userName: string;
  locale: Locale;
  /** The active company; null when the person has no active membership left. */
  company: { id: string; name: string; plan: Plan; memberName: string } | null;
  role: Role | null;
  permissions: Permission[];
}

/** Activity is written at most once a minute per session, keeping most requests read-only. */
const TOUCH_EVERY = '1 minute';

interface SessionRow {
  user_id: string;
  email: string;
  user_name: string;
  locale: Locale;
  company_id: string | null;
  company_name: string | null;
  plan: Plan | null;
  member_name: string | null;
  role: Role | null;
  permissions: Permission[] | null;
}

/**
 * One round trip: finds a live session, touches its activity stamps when stale and returns the
 * user with their active membership and permissions. A membership that is not `active` resolves
 * to no company, so a deactivation bites on the very next request on every instance; so does a
 * membership whose access-until time has passed, even before the expiry job deactivates it
 * (unless it is the company's last CompanyAdmin, whom the job keeps too).
 */
export function resolveSession(ctx: AppContext, token: string): Promise<AuthContext | null> {
  return resolveSessionByHash(ctx, sha256(token));
}

export async function resolveSessionByHash(ctx: AppContext, tokenHash: string): Promise<AuthContext | null> {
  const now = ctx.clock.now();
  const idleCutoff = new Date(now.getTime() - ctx.env.SESSION_IDLE_MINUTES * MINUTE);
  const [row] = await preparedRows<SessionRow>(
    ctx.db,
    'peikly_resolve_session',
    sql`
    WITH s AS (
      SELECT token_hash, user_id, company_id, last_seen_at FROM sessions
      WHERE token_hash = ${tokenHash} AND expires_at > ${now} AND last_seen_at > ${idleCutoff}
    ),
    touch AS (
      UPDATE sessions SET last_seen_at = ${now} FROM s
      WHERE sessions.token_hash = s.token_hash AND s.last_seen_at < ${now}::timestamptz - interval '${sql.raw(TOUCH_EVERY)}'
      RETURNING 1
    ),
    touch_member AS (
      UPDATE memberships m SET last_active_at = ${now} FROM s
      WHERE m.company_id = s.company_id AND m.user_id = s.user_id AND m.status = 'active'
        AND (m.last_active_at IS NULL OR m.last_active_at < ${now}::timestamptz - interval '${sql.raw(TOUCH_EVERY)}')
      RETURNING 1
    )
    SELECT u.id AS user_id, u.email, u.full_name AS user_name, u.locale,
           m.company_id, c.name AS company_name, sub.plan, m.full_name AS member_name, m.role, m.permissions
    FROM s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN memberships m ON m.company_id = s.company_id AND m.user_id = s.user_id AND m.status = 'active'
      AND (m.access_until IS NULL OR m.access_until > ${now}
           -- Like the expiry job, a time limit never locks out a company's last CompanyAdmin.
           OR (m.role = 'CompanyAdmin' AND NOT EXISTS (
                 SELECT 1 FROM memberships o
                 WHERE o.company_id = m.company_id AND o.user_id <> m.user_id AND o.role = 'CompanyAdmin'
                   AND o.status = 'active' AND (o.access_until IS NULL OR o.access_until > ${now}))))
    LEFT JOIN companies c ON c.id = m.company_id
    LEFT JOIN subscriptions sub ON sub.company_id = m.company_id`,
  );
  if (!row) return null;
  const company =
    row.company_id && row.company_name && row.plan
      ? { id: row.company_id, name: row.company_name, plan: row.plan, memberName: row.member_name ?? row.user_name }
      : null;
  return {
    tokenHash,
    userId: row.user_id,
    email: row.email,
    userName: row.user_name,
    locale: row.locale,
    company,
    role: company ? row.role : null,
    permissions: company && row.role ? effectivePermissions(row.role, row.permissions ?? []) : [],
  };
}

/** Starts a session with a fresh token; returns the token for the cookie (only its hash is kept). */
export async function startSession(
  ctx: AppContext,
  db: Queryable,
  input: { userId: string; companyId: string | null; ip: string; userAgent?: string },
): Promise<string> {
  const token = newToken();
  const now = ctx.clock.now();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: input.userId,
    companyId: input.companyId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ctx.env.SESSION_ABSOLUTE_MINUTES * MINUTE),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300),
  });
  return token;
}

/** Ends every session of a person in one company (deactivation, removal, demotion safety). */
export async function endSessionsInCompany(db: Queryable, userId: string, companyId: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId} AND company_id = ${companyId}`);
}

export function sessionCookieName(ctx: AppContext): string {
  return ctx.appOrigin.startsWith('https:') ? '__Host-peikly_session' : 'peikly_session';
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.appOrigin.startsWith('https:'),
    maxAge: ctx.env.SESSION_ABSOLUTE_MINUTES * 60,
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(ctx), { path: '/', secure: ctx.appOrigin.startsWith('https:') });
}

export function sessionToken(ctx: AppContext, request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(ctx)];
}
