/**
 * The permission catalog: the one source of truth for server routes, the OpenAPI enum,
 * the Add/Edit User checkboxes, the navigation and the authorization tests.
 */
export const FEATURES = {
  contacts: { view: 'contacts.view', act: 'contacts.manage' },
  email: { view: 'email.view', act: 'email.send' },
  whatsapp: { view: 'whatsapp.view', act: 'whatsapp.send' },
  workflows: { view: 'workflows.view', act: 'workflows.manage' },
} as const;

export type Feature = keyof typeof FEATURES;
export const FEATURE_KEYS = Object.keys(FEATURES) as Feature[];

export const PERMISSIONS = [
  'contacts.view',
  'contacts.manage',
  'email.view',
  'email.send',
  'whatsapp.view',
  'whatsapp.send',
  'workflows.view',
  'workflows.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['CompanyAdmin', 'TenantUser'] as const;
export type Role = (typeof ROLES)[number];

/** `*.manage` / `*.send` imply the matching `*.view`. */
export const IMPLIES: Readonly<Partial<Record<Permission, Permission>>> = {
  'contacts.manage': 'contacts.view',
  'email.send': 'email.view',
  'whatsapp.send': 'whatsapp.view',
  'workflows.manage': 'workflows.view',
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Adds implied permissions, drops duplicates and returns the keys in catalog order. */
export function normalizePermissions(keys: readonly Permission[]): Permission[] {
  const set = new Set<Permission>(keys);
  for (const key of keys) {
    const implied = IMPLIES[key];
    if (implied) set.add(implied);
  }
  return PERMISSIONS.filter((p) => set.has(p));
}

/** The permissions a member effectively holds: a CompanyAdmin holds them all. */
export function effectivePermissions(role: Role, granted: readonly Permission[]): Permission[] {
  return role === 'CompanyAdmin' ? [...PERMISSIONS] : normalizePermissions(granted);
}

export interface Principal {
  role: Role;
  permissions: readonly Permission[];
}

/** The one question server and browser both ask before an action. */
export function can(who: Principal | null | undefined, permission: Permission): boolean {
  if (!who) return false;
  if (who.role === 'CompanyAdmin') return true;
  return normalizePermissions(who.permissions).includes(permission);
}

export function isCompanyAdmin(who: Principal | null | undefined): boolean {
  return who?.role === 'CompanyAdmin';
}
