import { and, eq, sql } from 'drizzle-orm';
import type { Me } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import { rows, type Tx } from '../../db/client.js';
import { memberships, sessions, users } from '../../db/schema.js';
import { hashPassword, sha256, verifyPassword } from '../../crypto.js';
import { AppError } from '../../errors.js';
import { assertStrongPassword } from '../../password-policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { describeSession } from '../auth/auth.service.js';
import { startSession, type AuthContext } from '../auth/session.js';
import { assertSeatAvailable, lockCompany } from '../users/seats.js';
import {
  claimInvitation,
  findInvitationByToken,
  invalidReason,
  type InvalidReason,
  type InvitationRow,
} from './invitations.queries.js';

const REASON_MESSAGES: Record<InvalidReason, string> = {
  expired: 'This invitation has expired; ask a CompanyAdmin to send a new one',
  revoked: 'This invitation was withdrawn; ask a CompanyAdmin if you still need access',
  replaced: 'A newer invitation was sent; use the link in the most recent email',
  used: 'This invitation has already been accepted; log in instead',
  unknown: 'This invitation link is not valid; check that you copied all of it',
};

function invitationInvalid(reason: InvalidReason): AppError {
  return new AppError('INVITATION_INVALID', REASON_MESSAGES[reason], { reason });
}

async function usableInvitation(ctx: AppContext, token: string): Promise<InvitationRow> {
  const row = await findInvitationByToken(ctx.db, token);
  const reason = invalidReason(row, ctx.clock.now());
  if (reason) throw invitationInvalid(reason);
  return row!;
}

/** What the accept page shows before the person decides. */
export async function viewInvitation(ctx: AppContext, token: string) {
  const row = await usableInvitation(ctx, token);
  return {
    company: { name: row.company_name },
    email: row.email,
    fullName: row.member_name,
    invitedBy: row.invited_by_name,
    expiresAt: new Date(row.expires_at).toISOString(),
    accountExists: row.has_password,
  };
}

export interface Requester {
  auth: AuthContext | null;
  ip: string;
  userAgent?: string;
}

/** How the person proved who they are: a new password, their current session, or their password. */
type Proof = { kind: 'newPassword'; passwordHash: string } | { kind: 'session'; tokenHash: string } | { kind: 'password' };

async function proveIdentity(
  ctx: AppContext,
  row: InvitationRow,
  body: { fullName?: string; password?: string },
  requester: Requester,
): Promise<Proof> {
  if (!row.has_password) {
    // A new person: whoever holds the emailed link chooses the password, as with a reset link.
    if (!body.password) {
      throw new AppError('VALIDATION_FAILED', 'Choose a password to finish joining', { fields: { password: 'required' } });
    }
    assertStrongPassword(body.password, [row.email, body.fullName ?? row.member_name, row.company_name]);
    return { kind: 'newPassword', passwordHash: await hashPassword(body.password) };
  }
  if (requester.auth) {
    if (requester.auth.userId !== row.user_id) {
      throw new AppError('INVITATION_EMAIL_MISMATCH', `This invitation is for ${row.email}; log out and log in as that person`, {
        email: row.email,
      });
    }
    return { kind: 'session', tokenHash: requester.auth.tokenHash };
  }
  if (!body.password) throw new AppError('UNAUTHENTICATED', `Log in as ${row.email} to accept this invitation`);
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, row.user_id));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, body.password))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  return { kind: 'password' };
}

/**
 * Joins the company. In one transaction under the company lock: the token moves pending →
 * accepted with a conditional UPDATE (so of any number of concurrent accepts exactly one wins),
 * the seat limit is checked, the membership becomes active and the session is started or moved.
 * Returns the new session's token (null when the caller's own session was moved) and the new Me.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  body: { fullName?: string; password?: string },
  requester: Requester,
): Promise<{ newSessionToken: string | null; me: Me }> {
  const row = await usableInvitation(ctx, token);
  const proof = await proveIdentity(ctx, row, body, requester);
  const now = ctx.clock.now();
  const newSessionToken = await ctx.db.transaction(async (tx) => {
    const plan = await lockCompany(tx, row.company_id);
    const claimed = await claimInvitation(tx, token, now);
    if (!claimed) {
      throw invitationInvalid(invalidReason(await findInvitationByToken(tx, token), now) ?? 'used');
    }
    const { company_id: companyId, user_id: userId } = claimed;
    await assertSeatAvailable(tx, companyId, plan, 0);
    const memberName = body.fullName ?? row.member_name;
    const joined = await tx
      .update(memberships)
      .set({ status: 'active', fullName: memberName, lastActiveAt: now, updatedAt: now })
      .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId), eq(memberships.status, 'invited')))
      .returning({ userId: memberships.userId });
    if (joined.length === 0) throw invitationInvalid('revoked');
    if (proof.kind === 'newPassword') await setFirstPassword(tx, userId, proof.passwordHash, body.fullName, now);
    const member = { id: userId, name: memberName };
    await recordAudit(tx, { companyId, action: 'invitation.accepted', at: now, actor: member, target: member, ip: requester.ip });
    if (proof.kind === 'session') {
      await tx.update(sessions).set({ companyId }).where(eq(sessions.tokenHash, proof.tokenHash));
      return null;
    }
    return startSession(ctx, tx, { userId, companyId, ip: requester.ip, userAgent: requester.userAgent });
  });
  const me = await describeSession(ctx, newSessionToken ? sha256(newSessionToken) : requester.auth!.tokenHash);
  return { newSessionToken, me };
}

/** Sets the password of a person who has none; refuses when another acceptance set one meanwhile. */
async function setFirstPassword(tx: Tx, userId: string, passwordHash: string, fullName: string | undefined, now: Date) {
  const updated = await rows<{ id: string }>(
    tx,
    sql`UPDATE users SET password_hash = ${passwordHash}, password_changed_at = ${now},
               full_name = coalesce(${fullName ?? null}::text, full_name)
        WHERE id = ${userId} AND password_hash IS NULL RETURNING id`,
  );
  if (updated.length === 0) throw new AppError('UNAUTHENTICATED', 'This account already has a password; log in to accept');
}
