import { sql, type SQL } from 'drizzle-orm';
import type { Member, MemberStatus } from '../../../shared/api.js';
import { normalizePermissions, type Permission, type Role } from '../../../shared/permissions.js';
import { rows, type Queryable } from '../../db/client.js';

export interface MemberRow {
  id: string;
  full_name: string;
  email: string;
  role: Role;
  permissions: Permission[] | null;
  status: MemberStatus;
  last_active_at: Date | string | null;
  created_at: Date | string;
  invited_by_id: string | null;
  invited_by_name: string | null;
  invitation_expires_at: Date | string | null;
  access_until: Date | string | null;
  sort_name: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** The one SELECT behind every Member the API returns; callers add WHERE, ORDER and LIMIT. */
export const memberSelect = (companyId: string) => sql`
  SELECT m.user_id AS id, m.full_name, u.email, m.role, m.permissions, m.status, m.last_active_at, m.created_at,
         m.access_until,
         m.invited_by AS invited_by_id, coalesce(ib.full_name, ibu.full_name) AS invited_by_name,
         (SELECT i.expires_at FROM invitations i
           WHERE i.company_id = m.company_id AND i.user_id = m.user_id AND i.state = 'pending'
           ORDER BY i.created_at DESC LIMIT 1) AS invitation_expires_at,
         lower(m.full_name) AS sort_name
  FROM memberships m
  JOIN users u ON u.id = m.user_id
  LEFT JOIN memberships ib ON ib.company_id = m.company_id AND ib.user_id = m.invited_by
  LEFT JOIN users ibu ON ibu.id = m.invited_by
  WHERE m.company_id = ${companyId}`;

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    permissions: normalizePermissions(row.permissions ?? []),
    status: row.status,
    lastActiveAt: isoOrNull(row.last_active_at),
    invitedBy: row.invited_by_id ? { id: row.invited_by_id, fullName: row.invited_by_name ?? '' } : null,
    invitationExpiresAt: isoOrNull(row.invitation_expires_at),
    createdAt: iso(row.created_at),
    accessUntil: isoOrNull(row.access_until),
  };
}

export async function findMember(db: Queryable, companyId: string, userId: string): Promise<Member | null> {
  const [row] = await rows<MemberRow>(db, sql`${memberSelect(companyId)} AND m.user_id = ${userId}`);
  return row ? toMember(row) : null;
}

export interface MemberFilter {
  search?: string;
  role?: Role;
  status?: MemberStatus;
  limit: number;
  after?: { name: string; id: string };
}

/** `%`, `_` and the escape character itself match literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL of one page; exported so that a test can EXPLAIN it. */
export function memberPageQuery(companyId: string, filter: MemberFilter): SQL {
  const where: SQL[] = [filter.status ? sql`m.status = ${filter.status}` : sql`m.status <> 'removed'`];
  if (filter.role) where.push(sql`m.role = ${filter.role}`);
  if (filter.search) {
    const pattern = likePattern(filter.search);
    where.push(sql`(m.full_name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  if (filter.after) where.push(sql`(lower(m.full_name), m.user_id) > (${filter.after.name}, ${filter.after.id}::uuid)`);
  return sql`${memberSelect(companyId)} AND ${sql.join(where, sql` AND `)}
             ORDER BY lower(m.full_name), m.user_id LIMIT ${filter.limit + 1}`;
}

/**
 * One page in (lower(full_name), user_id) order, walking memberships_company_name_idx from the
 * cursor: the cost of a page does not grow with the company's size. Fetches one extra row to
 * know whether another page follows.
 */
export async function listMembers(
  db: Queryable,
  companyId: string,
  filter: MemberFilter,
): Promise<{ items: Member[]; last: { name: string; id: string } | null }> {
  const found = await rows<MemberRow>(db, memberPageQuery(companyId, filter));
  const page = found.slice(0, filter.limit);
  const tail = page.at(-1);
  return {
    items: page.map(toMember),
    last: found.length > filter.limit && tail ? { name: tail.sort_name, id: tail.id } : null,
  };
}

export interface MembershipState {
  userId: string;
  fullName: string;
  email: string;
  role: Role;
  permissions: Permission[];
  status: MemberStatus;
  locale: 'en' | 'ar';
  accessUntil: Date | null;
}

/** The membership as stored, for decisions inside a transaction (after lockCompany). */
export async function getMembership(db: Queryable, companyId: string, userId: string): Promise<MembershipState | null> {
  const [row] = await rows<{
    user_id: string;
    full_name: string;
    email: string;
    role: Role;
    permissions: Permission[] | null;
    status: MemberStatus;
    locale: 'en' | 'ar';
    access_until: Date | string | null;
  }>(
    db,
    sql`SELECT m.user_id, m.full_name, u.email, m.role, m.permissions, m.status, u.locale, m.access_until
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = ${companyId} AND m.user_id = ${userId}`,
  );
  if (!row) return null;
  return {
    userId: row.user_id,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    permissions: normalizePermissions(row.permissions ?? []),
    status: row.status,
    locale: row.locale,
    accessUntil: row.access_until === null ? null : new Date(row.access_until),
  };
}

/** Active CompanyAdmins other than `exceptUserId`. */
export async function countOtherActiveAdmins(db: Queryable, companyId: string, exceptUserId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM memberships
        WHERE company_id = ${companyId} AND role = 'CompanyAdmin' AND status = 'active' AND user_id <> ${exceptUserId}`,
  );
  return row!.n;
}

export async function listActiveAdmins(db: Queryable, companyId: string) {
  return rows<{ id: string; fullName: string; email: string }>(
    db,
    sql`SELECT m.user_id AS id, m.full_name AS "fullName", u.email
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = ${companyId} AND m.role = 'CompanyAdmin' AND m.status = 'active'
        ORDER BY lower(m.full_name), m.user_id`,
  );
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await rows<{ id: string; locale: 'en' | 'ar' }>(
    db,
    sql`SELECT id, locale FROM users WHERE lower(email) = ${email.trim().toLowerCase()}`,
  );
  return row ?? null;
}
