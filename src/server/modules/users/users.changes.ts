import { and, eq } from 'drizzle-orm';
import type { Member } from '../../../shared/api.js';
import { normalizePermissions, type Permission, type Role } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { memberships } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit, type AuditAction } from '../audit/audit.service.js';
import { endSessionsInCompany } from '../auth/session.js';
import { endPendingInvitations } from '../invitations/invitations.queries.js';
import { reassignOwnedItems } from './owned-items.js';
import { assertSeatAvailable, lockCompany } from './seats.js';
import { assertAnotherAdminRemains, assertNotSelf, assertStillAdmin, memberToChange, type AdminActor } from './users.guards.js';
import { getMembership } from './users.queries.js';
import { futureAccessUntil, memberAfterChange } from './users.service.js';

export interface EditInput {
  fullName?: string;
  role?: Role;
  permissions?: Permission[];
  status?: 'active' | 'deactivated';
  /** ISO instant; null removes the time limit. */
  accessUntil?: string | null;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');

/**
 * Edits name, role, permissions and status. Sessions read role and permissions from the database
 * on every request, so a change bites on the member's next request; a deactivation also ends
 * their sessions in this company at once.
 */
export async function editUser(ctx: AppContext, admin: AdminActor, userId: string, input: EditInput): Promise<Member> {
  const now = ctx.clock.now();
  const newAccessUntil = futureAccessUntil(ctx, input.accessUntil);
  return ctx.db.transaction(async (tx) => {
    const plan = await lockCompany(tx, admin.companyId);
    await assertStillAdmin(tx, admin);
    const before = await memberToChange(tx, admin, userId);
    if (before.status === 'removed') throw new AppError('INVALID_STATE', 'This user has been deleted', { status: before.status });
    const status = input.status ?? before.status;
    if (status !== before.status) {
      if (before.status === 'invited') {
        throw new AppError('INVALID_STATE', 'An invited user becomes active by accepting the invitation', {
          status: before.status,
        });
      }
      if (status === 'deactivated') assertNotSelf(admin, userId, 'deactivate');
    }
    const role = input.role ?? before.role;
    const permissions = input.permissions ? normalizePermissions(input.permissions) : before.permissions;
    const fullName = input.fullName ?? before.fullName;
    if (role !== 'CompanyAdmin' || status !== 'active') await assertAnotherAdminRemains(tx, admin.companyId, before);
    const reactivating = before.status === 'deactivated' && status === 'active';
    if (reactivating) await assertSeatAvailable(tx, admin.companyId, plan, 1);
    const accessUntil = newAccessUntil === undefined ? before.accessUntil : newAccessUntil;
    if (reactivating && accessUntil && accessUntil <= now) {
      throw new AppError('VALIDATION_FAILED', "This user's access has ended; set a later access-until date or clear it", {
        fields: { accessUntil: 'in the past' },
      });
    }

    await tx
      .update(memberships)
      .set({ fullName, role, permissions, status, accessUntil, updatedAt: now })
      .where(and(eq(memberships.companyId, admin.companyId), eq(memberships.userId, userId)));
    if (status === 'deactivated' && before.status !== 'deactivated') await endSessionsInCompany(tx, userId, admin.companyId);

    const audit = (action: AuditAction, details?: Record<string, unknown>) =>
      recordAudit(tx, {
        companyId: admin.companyId,
        action,
        at: now,
        actor: { id: admin.userId, name: admin.fullName },
        target: { id: userId, name: fullName },
        ip: admin.ip,
        details,
      });
    if (fullName !== before.fullName) await audit('user.name_changed', { before: before.fullName, after: fullName });
    if (role !== before.role) await audit('user.role_changed', { before: before.role, after: role });
    if (!sameList(permissions, before.permissions)) {
      await audit('user.permissions_changed', { before: before.permissions, after: permissions });
    }
    if (status !== before.status) await audit(status === 'deactivated' ? 'user.deactivated' : 'user.reactivated');
    if (accessUntil?.getTime() !== before.accessUntil?.getTime()) {
      await audit('user.access_until_changed', {
        before: before.accessUntil?.toISOString() ?? null,
        after: accessUntil?.toISOString() ?? null,
      });
    }
    return memberAfterChange(tx, admin.companyId, userId);
  });
}

/**
 * Deactivates one member in a transaction that already holds the company lock: the guards of
 * Deactivate (not oneself, never the last active CompanyAdmin, only an active or deactivated
 * member), then their sessions in this company end and the change is audited. Guards throw
 * before anything is written, so a caller may catch the AppError and carry on with the next
 * member. `by` is null when the system does it (access expiry): no self-check, no actor.
 * Returns false when the member was already deactivated (nothing to do).
 */
export async function deactivateMember(
  tx: Tx,
  companyId: string,
  userId: string,
  by: AdminActor | null,
  now: Date,
  reason: { action: 'user.deactivated' | 'user.access_expired'; details?: Record<string, unknown> } = {
    action: 'user.deactivated',
  },
): Promise<boolean> {
  const member = await getMembership(tx, companyId, userId);
  if (!member) throw new AppError('NOT_FOUND', 'No such user in this company');
  if (member.status === 'removed') throw new AppError('INVALID_STATE', 'This user has been deleted', { status: member.status });
  if (member.status === 'invited') {
    throw new AppError('INVALID_STATE', 'An invited user cannot be deactivated; revoke the invitation instead', {
      status: member.status,
    });
  }
  if (by) assertNotSelf(by, userId, 'deactivate');
  if (member.status === 'deactivated') return false;
  await assertAnotherAdminRemains(tx, companyId, member);
  await tx
    .update(memberships)
    .set({ status: 'deactivated', updatedAt: now })
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)));
  await endSessionsInCompany(tx, userId, companyId);
  await recordAudit(tx, {
    companyId,
    action: reason.action,
    at: now,
    actor: by ? { id: by.userId, name: by.fullName } : null,
    target: { id: userId, name: member.fullName },
    ip: by?.ip ?? null,
    details: reason.details,
  });
  return true;
}

/**
 * Deletes a member: the membership becomes `removed`, their sessions here end, pending
 * invitations are revoked, and their items stay (or move to `reassignTo`) — one transaction.
 * Deleting an invited user revokes the invitation.
 */
export async function deleteUser(ctx: AppContext, admin: AdminActor, userId: string, reassignTo?: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockCompany(tx, admin.companyId);
    await assertStillAdmin(tx, admin);
    const member = await memberToChange(tx, admin, userId);
    if (member.status === 'removed')
      throw new AppError('INVALID_STATE', 'This user has already been deleted', { status: member.status });
    assertNotSelf(admin, userId, 'delete');
    if (reassignTo !== undefined) await assertReassignTarget(tx, admin.companyId, userId, reassignTo);
    await assertAnotherAdminRemains(tx, admin.companyId, member);

    await tx
      .update(memberships)
      .set({ status: 'removed', updatedAt: now })
      .where(and(eq(memberships.companyId, admin.companyId), eq(memberships.userId, userId)));
    await endSessionsInCompany(tx, userId, admin.companyId);
    await endPendingInvitations(tx, admin.companyId, userId, 'revoked', now);
    if (reassignTo !== undefined) await reassignOwnedItems(tx, admin.companyId, userId, reassignTo);
    await recordAudit(tx, {
      companyId: admin.companyId,
      action: member.status === 'invited' ? 'invitation.revoked' : 'user.deleted',
      at: now,
      actor: { id: admin.userId, name: admin.fullName },
      target: { id: userId, name: member.fullName },
      ip: admin.ip,
      details: reassignTo !== undefined ? { reassignTo } : {},
    });
  });
}

async function assertReassignTarget(tx: Tx, companyId: string, userId: string, reassignTo: string): Promise<void> {
  const target = reassignTo === userId ? null : await getMembership(tx, companyId, reassignTo);
  if (target?.status !== 'active') {
    throw new AppError('VALIDATION_FAILED', 'Items can only move to another active user of this company', {
      fields: { reassignTo: 'not an active user of this company' },
    });
  }
}
