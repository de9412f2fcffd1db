import { FEATURES, can, type Feature, type Permission } from '../../../shared/permissions.js';
import { useCurrentMe } from '../auth/session';

export interface FeatureAccess {
  view: Permission;
  act: Permission;
  canView: boolean;
  /** Create, edit, delete, assign, send: the feature's manage/send permission. */
  canAct: boolean;
}

/** The same question the server asks, from the same catalog. */
export function useFeatureAccess(feature: Feature): FeatureAccess {
  const me = useCurrentMe();
  const principal = me.role ? { role: me.role, permissions: me.permissions } : null;
  const { view, act } = FEATURES[feature];
  return { view, act, canView: can(principal, view), canAct: can(principal, act) };
}
