import type { ReviewGroup } from '../../../shared/review.js';

/** The order the page shows the groups in: the ones to act on first. */
export const GROUP_ORDER: readonly ReviewGroup[] = [
  'dormant90',
  'dormant60',
  'dormant30',
  'neverSignedIn',
  'pendingInvitations',
  'active',
];

export const groupAnchor = (group: ReviewGroup) => `review-${group}`;

/** Invitations are revoked, not deactivated; everyone else in the review can be selected. */
export const selectableGroup = (group: ReviewGroup) => group !== 'pendingInvitations';
