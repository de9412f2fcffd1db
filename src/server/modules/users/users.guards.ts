import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { countOtherActiveAdmins, getMembership, type MembershipState } from './users.queries.js';

/** The acting admin, with what invitation mails and audit need. */
export interface AdminActor extends Actor {
  locale: 'en' | 'ar';
  companyName: string;
}

/**
 * Re-checks, under the company lock, that the actor is still an active CompanyAdmin: the access
 * check ran before the lock, and a concurrent change may have demoted or deactivated them since.
 */
export async function assertStillAdmin(tx: Tx, actor: AdminActor): Promise<void> {
  const self = await getMembership(tx, actor.companyId, actor.userId);
  if (self?.status !== 'active' || self.role !== 'CompanyAdmin') throw new AppError('COMPANY_ADMIN_REQUIRED');
}

/** The member to change, in the actor's company; another company's member is simply not found. */
export async function memberToChange(tx: Tx, actor: AdminActor, userId: string): Promise<MembershipState> {
  const member = await getMembership(tx, actor.companyId, userId);
  if (!member) throw new AppError('NOT_FOUND', 'No such user in this company');
  return member;
}

export function assertNotSelf(actor: AdminActor, userId: string, doing: 'deactivate' | 'delete'): void {
  if (actor.userId === userId) {
    throw new AppError('CANNOT_CHANGE_SELF', `You cannot ${doing} yourself; ask another CompanyAdmin`);
  }
}

/** Counted under the company lock, so two admins removing each other at once leave one standing. */
export async function assertAnotherAdminRemains(tx: Tx, companyId: string, member: MembershipState): Promise<void> {
  if (member.role !== 'CompanyAdmin' || member.status !== 'active') return;
  if ((await countOtherActiveAdmins(tx, companyId, member.userId)) === 0) {
    throw new AppError(
      'LAST_COMPANY_ADMIN',
      'A company needs at least one active CompanyAdmin; make someone else CompanyAdmin first',
    );
  }
}
