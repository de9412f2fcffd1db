import type { z } from 'zod';
import type { CompanyRef, InvitationView, Member, MemberList, Me, OwnedItems, Subscription } from '../../shared/api.js';

export type { Member, Me };
export type MemberListResponse = z.infer<typeof MemberList>;
export type CompanyRefItem = z.infer<typeof CompanyRef>;
export type Invitation = z.infer<typeof InvitationView>;
export type OwnedItemCounts = z.infer<typeof OwnedItems>;
export type SubscriptionInfo = z.infer<typeof Subscription>;

/** GET /api/company/admins: the CompanyAdmins a TenantUser can ask. */
export interface CompanyAdmin {
  id: string;
  fullName: string;
  email: string;
}
