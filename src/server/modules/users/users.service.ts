import { sql } from 'drizzle-orm';
import type { Locale, Member, MemberStatus } from '../../../shared/api.js';
import { normalizePermissions, type Permission, type Role } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import { rows, type Tx } from '../../db/client.js';
import { memberships } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit, recordAudits } from '../audit/audit.service.js';
import { endPendingInvitations, issueInvitation, issueInvitations } from '../invitations/invitations.queries.js';
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
    const [userId] = await writeInvitations(ctx, tx, admin, [{ input, known }]);
    return memberAfterChange(tx, admin.companyId, userId!);
  });
}

/** One person to add, with their account when the email already has one. */
export interface InvitationWrite {
  input: InviteInput;
  known: { id: string; locale: Locale } | null;
}

/**
 * The writes of adding users, shared by Add User (one person) and the CSV bulk invite (thousands):
 * creates the people whose email is new, makes their memberships invited (reviving removed ones),
 * issues the invitations with their mails and audits each, in a fixed number of statements however
 * many people there are. The caller holds the company lock, has re-checked the admin and the seats,
 * and has refused every email whose membership is not removed. Returns the people's ids, in order.
 */
export async function writeInvitations(
  ctx: AppContext,
  tx: Tx,
  admin: AdminActor,
  writes: readonly InvitationWrite[],
): Promise<string[]> {
  if (writes.length === 0) return [];
  const now = ctx.clock.now();
  const created = await createInvitedPeople(
    tx,
    writes.filter((w) => !w.known).map(({ input }) => ({ ...input, locale: input.locale ?? admin.locale })),
    now,
  );
  const people = writes.map((w) => w.known ?? created.get(w.input.email.toLowerCase())!);
  const values = writes.map(({ input }, i) => ({
    companyId: admin.companyId,
    userId: people[i]!.id,
    fullName: input.fullName,
    role: input.role,
    permissions: normalizePermissions(input.permissions),
    status: 'invited',
    invitedBy: admin.userId,
    accessUntil: input.accessUntil ? new Date(input.accessUntil) : null,
    createdAt: now,
    updatedAt: now,
  }));
  const written = await tx
    .insert(memberships)
    .values(values)
    .onConflictDoUpdate({
      target: [memberships.companyId, memberships.userId],
      set: {
        fullName: sql`excluded.full_name`,
        role: sql`excluded.role`,
        permissions: sql`excluded.permissions`,
        status: sql`excluded.status`,
        invitedBy: sql`excluded.invited_by`,
        accessUntil: sql`excluded.access_until`,
        updatedAt: sql`excluded.updated_at`,
      },
      // Only a removed member comes back this way; the row keeps when they first joined.
      setWhere: sql`${memberships.status} = 'removed'`,
    })
    .returning({ userId: memberships.userId });
  if (written.length !== writes.length) throw new Error('writeInvitations: a current member was passed in');
  await issueInvitations(
    ctx,
    tx,
    writes.map(({ input }, i) => ({
      companyId: admin.companyId,
      companyName: admin.companyName,
      userId: people[i]!.id,
      email: input.email,
      fullName: input.fullName,
      invitedBy: { id: admin.userId, name: admin.fullName },
      locale: people[i]!.locale,
    })),
  );
  await recordAudits(
    tx,
    values.map((v, i) => ({
      companyId: admin.companyId,
      action: 'user.invited' as const,
      at: now,
      actor: { id: admin.userId, name: admin.fullName },
      target: { id: v.userId, name: v.fullName },
      ip: admin.ip,
      details: {
        email: writes[i]!.input.email,
        role: v.role,
        permissions: v.permissions,
        ...(v.accessUntil ? { accessUntil: v.accessUntil.toISOString() } : {}),
      },
    })),
  );
  return people.map((p) => p.id);
}

/** People known only by email until they accept: no password yet. Keyed by lower-cased email. */
async function createInvitedPeople(
  tx: Tx,
  people: { email: string; fullName: string; locale: Locale }[],
  now: Date,
): Promise<Map<string, { id: string; locale: Locale }>> {
  if (people.length === 0) return new Map();
  const json = JSON.stringify(people.map((p) => ({ email: p.email, full_name: p.fullName, locale: p.locale })));
  const created = await rows<{ id: string; email: string; locale: Locale }>(
    tx,
    sql`INSERT INTO users (email, full_name, locale, created_at)
        SELECT p.email, p.full_name, p.locale, ${now}::timestamptz
        FROM jsonb_to_recordset(${json}::jsonb) AS p(email text, full_name text, locale text)
        ON CONFLICT ((lower(email))) DO NOTHING RETURNING id, lower(email) AS email, locale`,
  );
  const found = new Map(created.map((p) => [p.email, { id: p.id, locale: p.locale }]));
  // Another company may invite (or the person sign up with) the same email at this instant.
  for (const person of people) {
    const email = person.email.toLowerCase();
    if (!found.has(email)) found.set(email, (await findUserByEmail(tx, email))!);
  }
  return found;
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
