import { sql } from 'drizzle-orm';
import type { Member } from '../../../shared/api.js';
import type { ReviewGroup } from '../../../shared/review.js';
import { DAY } from '../../clock.js';
import { rows, type Queryable } from '../../db/client.js';
import { memberSelect, toMember, type MemberRow } from '../users/users.queries.js';

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/**
 * Every active or invited member placed in at most one review group, with the exact size of the
 * group, and at most `limit` members of each (the longest inactive first). Active members fall in
 * exactly one group, so the active-member counts add up to the users list's status=active total.
 */
export async function reviewGroups(db: Queryable, companyId: string, now: Date, limit: number) {
  const found = await rows<MemberRow & { bucket: ReviewGroup; total: number }>(
    db,
    sql`
    WITH base AS (${memberSelect(companyId)} AND m.status IN ('active', 'invited')),
    bucketed AS (
      SELECT base.*,
        CASE
          WHEN base.status = 'active' AND base.last_active_at IS NULL THEN 'neverSignedIn'
          WHEN base.status = 'active' AND base.last_active_at > ${ago(now, 30)} THEN 'active'
          WHEN base.status = 'active' AND base.last_active_at > ${ago(now, 60)} THEN 'dormant30'
          WHEN base.status = 'active' AND base.last_active_at > ${ago(now, 90)} THEN 'dormant60'
          WHEN base.status = 'active' THEN 'dormant90'
          WHEN NOT EXISTS (
            SELECT 1 FROM invitations i
            WHERE i.company_id = ${companyId} AND i.user_id = base.id AND i.state = 'pending'
              AND i.created_at > ${ago(now, 7)} AND i.expires_at > ${now}
          ) THEN 'pendingInvitations'
        END AS bucket
      FROM base
    ),
    ranked AS (
      SELECT bucketed.*,
        row_number() OVER (PARTITION BY bucket
                           ORDER BY last_active_at ASC NULLS FIRST, invitation_expires_at ASC NULLS FIRST, sort_name, id) AS rn,
        (count(*) OVER (PARTITION BY bucket))::int AS total
      FROM bucketed WHERE bucket IS NOT NULL
    )
    SELECT * FROM ranked WHERE rn <= ${limit} ORDER BY bucket, rn`,
  );
  const groups = new Map<ReviewGroup, { total: number; items: Member[] }>();
  for (const row of found) {
    const group = groups.get(row.bucket) ?? { total: row.total, items: [] };
    group.items.push(toMember(row));
    groups.set(row.bucket, group);
  }
  return groups;
}

/** Active members whose access ends by `until` (including any the expiry job has yet to reach). */
export async function expiringMembers(db: Queryable, companyId: string, until: Date, limit: number) {
  const found = await rows<MemberRow & { total: number }>(
    db,
    sql`SELECT * FROM (
          SELECT base.*, (count(*) OVER ())::int AS total
          FROM (${memberSelect(companyId)} AND m.status = 'active' AND m.access_until <= ${until}) base
        ) x
        ORDER BY access_until, sort_name, id LIMIT ${limit}`,
  );
  return { count: found[0]?.total ?? 0, items: found.map(toMember) };
}

export async function countActiveAdmins(db: Queryable, companyId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM memberships WHERE company_id = ${companyId} AND role = 'CompanyAdmin' AND status = 'active'`,
  );
  return row!.n;
}
