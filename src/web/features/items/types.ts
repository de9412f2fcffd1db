import type { ItemOwner } from '../../../shared/api.js';

export type { ItemOwner };

/** What every feature item has: contacts, campaigns, messages and workflows alike. */
export interface OwnedItem {
  id: string;
  ownerId: string;
  owner: ItemOwner;
  createdAt: string;
  updatedAt: string;
}

export interface ItemPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /api/members: an active member who can own items. */
export interface MemberOption {
  id: string;
  fullName: string;
}

export interface ItemFilters {
  search: string;
  /** '' for every owner. */
  ownerId: string;
}
