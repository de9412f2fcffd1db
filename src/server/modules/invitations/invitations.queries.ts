import { sql } from 'drizzle-orm';
import { DAY } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { rows, type Queryable, type Tx } from '../../db/client.js';
import { invitations } from '../../db/schema.js';
import { newToken, sha256 } from '../../crypto.js';
import type { Locale } from '../../../shared/api.js';

export const INVITATION_TTL_MS = 7 * DAY;

export type InvalidReason = 'expired' | 'revoked' | 'replaced' | 'used' | 'unknown';

export interface InvitationRow {
  company_id: string;
  user_id: string;
  state: 'pending' | 'accepted' | 'revoked' | 'replaced';
  expires_at: Date | string;
  company_name: string;
  email: string;
  member_name: string;
  member_status: string;
  has_password: boolean;
  invited_by_name: string | null;
}

/** An invitation with what the accept page shows, found by its token's hash. */
export async function findInvitationByToken(db: Queryable, token: string): Promise<InvitationRow | null> {
  const [row] = await rows<InvitationRow>(
    db,
    sql`SELECT i.company_id, i.user_id, i.state, i.expires_at, c.name AS company_name, u.email,
               m.full_name AS member_name, m.status AS member_status, (u.password_hash IS NOT NULL) AS has_password,
               coalesce(ib.full_name, ibu.full_name) AS invited_by_name
        FROM invitations i
        JOIN companies c ON c.id = i.company_id
        JOIN users u ON u.id = i.user_id
        JOIN memberships m ON m.company_id = i.company_id AND m.user_id = i.user_id
        LEFT JOIN memberships ib ON ib.company_id = i.company_id AND ib.user_id = i.invited_by
        LEFT JOIN users ibu ON ibu.id = i.invited_by
        WHERE i.token_hash = ${sha256(token)}`,
  );
  return row ?? null;
}

/** Why an invitation cannot be used now, or null when it can. */
export function invalidReason(row: InvitationRow | null, now: Date): InvalidReason | null {
  if (!row) return 'unknown';
  if (row.state === 'accepted') return 'used';
  if (row.state === 'revoked' || row.state === 'replaced') return row.state;
  if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  if (row.member_status !== 'invited') return 'revoked';
  return null;
}

export interface InvitationInput {
  companyId: string;
  companyName: string;
  userId: string;
  email: string;
  fullName: string;
  invitedBy: { id: string; name: string };
  locale: Locale;
}

/**
 * Creates a pending invitation and queues its email in the caller's transaction. The token
 * travels only in the mail; the database keeps its SHA-256.
 */
export async function issueInvitation(ctx: AppContext, tx: Tx, input: InvitationInput): Promise<void> {
  await issueInvitations(ctx, tx, [input]);
}

/** issueInvitation for many people at once: two statements whatever their number (bulk invite). */
export async function issueInvitations(ctx: AppContext, tx: Tx, inputs: readonly InvitationInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const issued = inputs.map((input) => ({ input, token: newToken() }));
  await tx.insert(invitations).values(
    issued.map(({ input, token }) => ({
      companyId: input.companyId,
      userId: input.userId,
      tokenHash: sha256(token),
      state: 'pending',
      invitedBy: input.invitedBy.id,
      expiresAt,
      createdAt: now,
    })),
  );
  await ctx.outbox.enqueueMany(
    tx,
    issued.map(({ input, token }) => ({
      to: input.email,
      locale: input.locale,
      companyId: input.companyId,
      template: {
        kind: 'invitation',
        link: `${ctx.env.APP_URL}/invitations/accept#token=${token}`,
        fullName: input.fullName,
        companyName: input.companyName,
        inviterName: input.invitedBy.name,
        expiresAt,
      },
    })),
  );
}

/** Ends the member's pending invitations (revoked on delete, replaced on resend); returns how many. */
export async function endPendingInvitations(
  tx: Tx,
  companyId: string,
  userId: string,
  state: 'revoked' | 'replaced',
  now: Date,
): Promise<number> {
  const ended = await rows<{ id: string }>(
    tx,
    sql`UPDATE invitations SET state = ${state}, ended_at = ${now}
        WHERE company_id = ${companyId} AND user_id = ${userId} AND state = 'pending' RETURNING id`,
  );
  return ended.length;
}

/**
 * The single-use guarantee: only one transaction can move a token from pending to accepted;
 * every concurrent one finds no row.
 */
export async function claimInvitation(tx: Tx, token: string, now: Date) {
  const [row] = await rows<{ company_id: string; user_id: string }>(
    tx,
    sql`UPDATE invitations SET state = 'accepted', ended_at = ${now}
        WHERE token_hash = ${sha256(token)} AND state = 'pending' AND expires_at > ${now}
        RETURNING company_id, user_id`,
  );
  return row ?? null;
}
