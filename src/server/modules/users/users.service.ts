import { and, eq, sql } from 'drizzle-orm';
import type { Locale, Member, MemberStatus } from '../../../shared/api.js';
import { normalizePermissions, type Permission, type Role } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import { rows, type Tx } from '../../db/client.js';
import { memberships } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { endPendingInvitations, issueInvitation } from '../invitations/invitations.queries.js';
import { countOwnedItems } from './owned-items.js';
import { assertSeatAvailable, lockCompany } from './seats.js';
import { assertStillAdmin, memberToChange, type AdminActor } from './users.guards.js';
import { findMember, findUserByEmail, getMembership, listActiveAdmins, listMembers } from './users.queries.js';

export type { AdminActor } from './users.guards.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor is opaque to clients: the sort key of the last row of the previous page. */
function encodeCursor(last: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && UUID.test(value[1])) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { fields: { cursor: 'invalid' } });
}

export async function listCompanyMembers(
  ctx: AppContext,
  companyId: string,
  query: { search?: string; role?: Role; status?: MemberStatus; limit: number; cursor?: string },
) {
  const { items, last } = await listMembers(ctx.db, companyId, {
    search: query.search || undefined,
    role: query.role,
    status: query.status,
    limit: query.limit,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  return { items, nextCursor: last ? encodeCursor(last) : null };
}

export async function getMember(ctx: AppContext, companyId: string, userId: string): Promise<Member> {
  const member = await findMember(ctx.db, companyId, userId);
  if (!member) throw new AppError('NOT_FOUND', 'No such user in this company');
  return member;
}

export async function getOwnedItems(ctx: AppContext, companyId: string, userId: string) {
  await getMember(ctx, companyId, userId);
  return countOwnedItems(ctx.db, companyId, userId);
}

export async function listCompanyAdmins(ctx: AppContext, companyId: string) {
  return { items: await listActiveAdmins(ctx.db, companyId) };
}

/** Reads the member inside the transaction that changed it. */
export async function memberAfterChange(tx: Tx, companyId: string, userId: string): Promise<Member> {
  return (await findMember(tx, companyId, userId))!;
}

export interface InviteInput {
  fullName: string;
  email: string;
  role: Role;
  permissions: Permission[];
  locale?: Locale;
  accessUntil?: string | null;
}

/** A time limit must lie ahead: one already past would lock the member out on arrival. */
export function futureAccessUntil(ctx: AppContext, accessUntil: string | null | undefined): Date | null | undefined {
  if (accessUntil === undefined || accessUntil === null) return accessUntil;
  const at = new Date(accessUntil);
  if (at.getTime() <= ctx.clock.now().getTime()) {
    throw new AppError('VALIDATION_FAILED', 'Access until must be in the future', { fields: { accessUntil: 'in the past' } });
  }
  return at;
}

/**
 * Adds a user: creates the person when the email is new, makes (or revives a removed) membership
 * `invited`, and queues the invitation mail, in one transaction under the company lock so the
 * seat limit holds against concurrent invites.
 */
export async function inviteUser(ctx: AppContext, admin: AdminActor, input: InviteInput): Promise<Member> {
  futureAccessUntil(ctx, input.accessUntil);
  return ctx.db.transaction(async (tx) => {
    const plan = await lockCompany(tx, admin.companyId);
    await assertStillAdmin(tx, admin);
    const known = await findUserByEmail(tx, input.email);
    const previous = known ? await getMembership(tx, admin.companyId, known.id) : null;
    if (previous && previous.status !== 'removed') {
      throw new AppError('ALREADY_MEMBER', `${input.email} is already a user of this company`, {
        fields: { email: 'member' },
        status: previous.status,
      });
    }
    await assertSeatAvailable(tx, admin.companyId, plan, 1);
    const userId = await writeInvitation(ctx, tx, admin, input, { known, revive: previous !== null });
    return memberAfterChange(tx, admin.companyId, userId);
  });
}

/**
 * The writes of adding one user, shared by Add User and the CSV bulk invite. The caller holds the
 * company lock, has re-checked the admin and the seats, and knows whether the email has a person
 * (`known`) and a removed membership to revive. Returns the person's id.
 */
export async function writeInvitation(
  ctx: AppContext,
  tx: Tx,
  admin: AdminActor,
  input: InviteInput,
  found: { known: { id: string; locale: Locale } | null; revive: boolean },
): Promise<string> {
  const now = ctx.clock.now();
  const permissions = normalizePermissions(input.permissions);
  const accessUntil = input.accessUntil ? new Date(input.accessUntil) : null;
  const { known, revive } = found;
  const user = known ?? (await createInvitedPerson(tx, input.email, input.fullName, input.locale ?? admin.locale, now));
  const values = {
    fullName: input.fullName,
    role: input.role,
    permissions,
    status: 'invited',
    invitedBy: admin.userId,
    accessUntil,
    updatedAt: now,
  };
  if (revive) {
    await tx
      .update(memberships)
      .set(values)
      .where(and(eq(memberships.companyId, admin.companyId), eq(memberships.userId, user.id)));
  } else {
    await tx.insert(memberships).values({ ...values, companyId: admin.companyId, userId: user.id, createdAt: now });
  }
  await issueInvitation(ctx, tx, {
    companyId: admin.companyId,
    companyName: admin.companyName,
    userId: user.id,
    email: input.email,
    fullName: input.fullName,
    invitedBy: { id: admin.userId, name: admin.fullName },
    locale: user.locale,
  });
  await recordAudit(tx, {
    companyId: admin.companyId,
    action: 'user.invited',
    at: now,
    actor: { id: admin.userId, name: admin.fullName },
    target: { id: user.id, name: input.fullName },
    ip: admin.ip,
    details: { email: input.email, role: input.role, permissions, ...(accessUntil ? { accessUntil: accessUntil.toISOString() } : {}) },
  });
  return user.id;
}

/** A person known only by email until they accept: no password yet. */
async function createInvitedPerson(tx: Tx, email: string, fullName: string, locale: Locale, now: Date) {
  // Another company may invite (or the person sign up with) the same email at this instant.
  const [created] = await rows<{ id: string; locale: Locale }>(
    tx,
    sql`INSERT INTO users (email, full_name, locale, created_at) VALUES (${email}, ${fullName}, ${locale}, ${now})
        ON CONFLICT ((lower(email))) DO NOTHING RETURNING id, locale`,
  );
  return created ?? (await findUserByEmail(tx, email))!;
}

/** Sends a new link; the previous one stops working. */
export async function resendInvitation(ctx: AppContext, admin: AdminActor, userId: string): Promise<Member> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockCompany(tx, admin.companyId);
    await assertStillAdmin(tx, admin);
    const member = await memberToChange(tx, admin, userId);
    if (member.status !== 'invited') {
      throw new AppError('INVALID_STATE', 'Only an invited user can be sent a new invitation', { status: member.status });
    }
    await endPendingInvitations(tx, admin.companyId, userId, 'replaced', now);
    await issueInvitation(ctx, tx, {
      companyId: admin.companyId,
      companyName: admin.companyName,
      userId,
      email: member.email,
      fullName: member.fullName,
      invitedBy: { id: admin.userId, name: admin.fullName },
      locale: member.locale,
    });
    await recordAudit(tx, {
      companyId: admin.companyId,
      action: 'invitation.resent',
      at: now,
      actor: { id: admin.userId, name: admin.fullName },
      target: { id: userId, name: member.fullName },
      ip: admin.ip,
    });
    return memberAfterChange(tx, admin.companyId, userId);
  });
}
