import { FEATURES, FEATURE_KEYS, can, isCompanyAdmin, type Feature } from '../../../shared/permissions.js';
import type { Me } from '../../api/types';

export interface NavItem {
  to: string;
  /** i18n key of the label */
  label: string;
}

export const FEATURE_PATHS: Record<Feature, string> = {
  contacts: '/contacts',
  email: '/email',
  whatsapp: '/whatsapp',
  workflows: '/workflows',
};

/** Features show only with their view permission; Settings only for a CompanyAdmin. */
export function navItemsFor(me: Me): NavItem[] {
  const principal = me.role ? { role: me.role, permissions: me.permissions } : null;
  const items: NavItem[] = FEATURE_KEYS.filter((f) => can(principal, FEATURES[f].view)).map((f) => ({
    to: FEATURE_PATHS[f],
    label: `features.${f}.name`,
  }));
  if (isCompanyAdmin(principal)) items.push({ to: '/settings', label: 'nav.settings' });
  return items;
}
