import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_GROUP_LIMIT, REVIEW_GROUPS, type AccessReview } from '../../../shared/review.js';
import { DAY, MINUTE } from '../../clock.js';
import { rows } from '../../db/client.js';
import { createTestApp, signUpCompany, STRONG_PASSWORD, type TestApp, type TestClient } from '../../../../tests/setup/app.js';
import { addActiveMember, invite, setPlan } from '../users/test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const ago = (ms: number) => new Date(t.clock.now().getTime() - ms);

async function setLastActive(companyId: string, userId: string, at: Date | null) {
  await t.database.db.execute(
    sql`UPDATE memberships SET last_active_at = ${at} WHERE company_id = ${companyId} AND user_id = ${userId}`,
  );
}

async function review(client: TestClient): Promise<AccessReview> {
  const res = await client.get('/api/access-review');
  expect(res.statusCode).toBe(200);
  return res.json();
}

const idsIn = (r: AccessReview, group: (typeof REVIEW_GROUPS)[number]) => r.groups[group].map((m) => m.id).sort();

async function logInAgain(client: TestClient, email: string) {
  const res = await client.post('/api/auth/login', { email, password: STRONG_PASSWORD });
  expect(res.statusCode).toBe(200);
}

describe('access review', () => {
  it('groups members by last activity as the clock moves, and its counts match the users list', async () => {
    const admin = await signUpCompany(t, 'Reviewers');
    await setPlan(t, admin.companyId, 'enterprise');
    const early = await addActiveMember(t, admin.client, { fullName: 'Early Bird' });
    const staleInvite = await invite(t, admin.client, { fullName: 'Stale Invite' });
    expect(idsIn(await review(admin.client), 'active')).toEqual([admin.userId, early.id].sort());

    // 35 days on: the member has done nothing since accepting; the admin comes back (logging in is activity).
    t.clock.advance(35 * DAY);
    await logInAgain(admin.client, admin.email);
    const fresh = await invite(t, admin.client, { fullName: 'Fresh Invite' });
    const recent = await addActiveMember(t, admin.client, { fullName: 'Recent' });
    const edge30 = await addActiveMember(t, admin.client, { fullName: 'Exactly Thirty' });
    const justUnder30 = await addActiveMember(t, admin.client, { fullName: 'Almost Thirty' });
    const d60 = await addActiveMember(t, admin.client, { fullName: 'Sixty Something' });
    const d90 = await addActiveMember(t, admin.client, { fullName: 'Ninety Plus' });
    const never = await addActiveMember(t, admin.client, { fullName: 'Never Seen' });
    const gone = await addActiveMember(t, admin.client, { fullName: 'Gone Away' });
    await setLastActive(admin.companyId, edge30.id, ago(30 * DAY));
    await setLastActive(admin.companyId, justUnder30.id, ago(30 * DAY - MINUTE));
    await setLastActive(admin.companyId, d60.id, ago(75 * DAY));
    const ninetyDaysAgo = ago(90 * DAY);
    await setLastActive(admin.companyId, d90.id, ninetyDaysAgo);
    await setLastActive(admin.companyId, never.id, null);
    expect((await admin.client.patch(`/api/users/${gone.id}`, { status: 'deactivated' })).statusCode).toBe(200);

    const r = await review(admin.client);
    expect(idsIn(r, 'active')).toEqual([admin.userId, recent.id, justUnder30.id].sort());
    expect(idsIn(r, 'dormant30')).toEqual([early.id, edge30.id].sort());
    expect(idsIn(r, 'dormant60')).toEqual([d60.id]);
    expect(idsIn(r, 'dormant90')).toEqual([d90.id]);
    expect(idsIn(r, 'neverSignedIn')).toEqual([never.id]);
    // Invited 35 days ago (the link has expired); the fresh invitation is not overdue.
    expect(idsIn(r, 'pendingInvitations')).toEqual([staleInvite.id]);
    expect(r.groups.pendingInvitations[0]).toMatchObject({ fullName: 'Stale Invite', status: 'invited' });
    expect(r.counts).toEqual({ active: 3, dormant30: 2, dormant60: 1, dormant90: 1, neverSignedIn: 1, pendingInvitations: 1 });
    expect(r.groups.dormant90[0]!.lastActiveAt).toBe(ninetyDaysAgo.toISOString());
    expect(fresh.id).not.toBe(staleInvite.id);

    // The users list and the review agree.
    const activeList = (await admin.client.get('/api/users?status=active&limit=100')).json().items;
    const c = r.counts;
    expect(c.active + c.dormant30 + c.dormant60 + c.dormant90 + c.neverSignedIn).toBe(activeList.length);
    const reviewed = REVIEW_GROUPS.filter((g) => g !== 'pendingInvitations').flatMap((g) => idsIn(r, g));
    expect(reviewed.sort()).toEqual(activeList.map((m: { id: string }) => m.id).sort());
    const invitedList = (await admin.client.get('/api/users?status=invited&limit=100')).json().items;
    expect(invitedList.map((m: { id: string }) => m.id).sort()).toEqual([staleInvite.id, fresh.id].sort());

    // Resending the stale invitation makes it fresh again.
    expect((await admin.client.post(`/api/users/${staleInvite.id}/invitation`)).statusCode).toBe(200);
    expect((await review(admin.client)).counts.pendingInvitations).toBe(0);

    // Eight more days: the fresh invitation is now overdue too.
    t.clock.advance(8 * DAY);
    await logInAgain(admin.client, admin.email);
    expect(idsIn(await review(admin.client), 'pendingInvitations')).toEqual([staleInvite.id, fresh.id].sort());
  });

  it('warns when the company has a single CompanyAdmin', async () => {
    const admin = await signUpCompany(t, 'Lonely');
    let r = await review(admin.client);
    expect(r).toMatchObject({ adminCount: 1, singleAdminWarning: true });
    const member = await addActiveMember(t, admin.client);
    expect((await admin.client.patch(`/api/users/${member.id}`, { role: 'CompanyAdmin' })).statusCode).toBe(200);
    r = await review(admin.client);
    expect(r).toMatchObject({ adminCount: 2, singleAdminWarning: false });
  });

  it('lists members whose access ends within 14 days, soonest first', async () => {
    const admin = await signUpCompany(t, 'Contractors');
    await setPlan(t, admin.companyId, 'starter');
    const soon = await addActiveMember(t, admin.client, { fullName: 'Soon' });
    const sooner = await addActiveMember(t, admin.client, { fullName: 'Sooner' });
    const inFourWeeks = new Date(t.clock.now().getTime() + 28 * DAY).toISOString();
    const invitedSoon = await invite(t, admin.client);
    for (const [id, days] of [
      [soon.id, 10],
      [sooner.id, 2],
      [invitedSoon.id, 3],
    ] as const) {
      const accessUntil = new Date(t.clock.now().getTime() + days * DAY).toISOString();
      expect((await admin.client.patch(`/api/users/${id}`, { accessUntil })).statusCode).toBe(200);
    }
    expect((await admin.client.patch(`/api/users/${admin.userId}`, { accessUntil: inFourWeeks })).statusCode).toBe(200);
    const r = await review(admin.client);
    expect(r.expiringSoon.count).toBe(2);
    expect(r.expiringSoon.items.map((m) => m.fullName)).toEqual(['Sooner', 'Soon']);
    expect(r.expiringSoon.items[0]!.accessUntil).toBeTruthy();
  });

  it('caps each group at the limit while the counts stay exact', async () => {
    const admin = await signUpCompany(t, 'Crowded');
    const extra = REVIEW_GROUP_LIMIT + 5;
    await t.database.db.execute(sql`
      WITH u AS (
        INSERT INTO users (email, full_name)
        SELECT 'crowd' || g || '.' || ${admin.companyId} || '@example.com', 'Crowd ' || g FROM generate_series(1, ${extra}) g
        RETURNING id, full_name)
      INSERT INTO memberships (company_id, user_id, full_name, role, status) SELECT ${admin.companyId}, id, full_name, 'TenantUser', 'active' FROM u`);
    const r = await review(admin.client);
    expect(r.counts.neverSignedIn).toBe(extra);
    expect(r.groups.neverSignedIn).toHaveLength(REVIEW_GROUP_LIMIT);
    expect(r.groupLimit).toBe(REVIEW_GROUP_LIMIT);
  });

  it('is for CompanyAdmins only and sees only the own company', async () => {
    const admin = await signUpCompany(t, 'Mine');
    const other = await signUpCompany(t, 'Theirs');
    const stranger = await addActiveMember(t, other.client, { fullName: 'Stranger' });
    const member = await addActiveMember(t, admin.client);
    const denied = await member.client.get('/api/access-review');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('COMPANY_ADMIN_REQUIRED');
    expect((await t.client().get('/api/access-review')).statusCode).toBe(401);
    const r = await review(admin.client);
    const everyone = REVIEW_GROUPS.flatMap((g) => idsIn(r, g));
    expect(everyone).not.toContain(stranger.id);
    expect(everyone).not.toContain(other.userId);
  });
});

describe('bulk deactivate', () => {
  const post = (client: TestClient, ids: string[]) => client.post('/api/users/bulk-deactivate', { ids });

  it('judges each id on its own with the one-by-one guards, in one transaction, and ends sessions', async () => {
    const admin = await signUpCompany(t, 'Bulk');
    await setPlan(t, admin.companyId, 'enterprise');
    const adminB = await addActiveMember(t, admin.client, { fullName: 'Admin B', role: 'CompanyAdmin' });
    const adminC = await addActiveMember(t, admin.client, { fullName: 'Admin C', role: 'CompanyAdmin' });
    const worker = await addActiveMember(t, admin.client, { fullName: 'Worker' });
    const bystander = await addActiveMember(t, admin.client, { fullName: 'Bystander' });
    const invited = await invite(t, admin.client, { fullName: 'Invited' });
    const other = await signUpCompany(t, 'Elsewhere');
    const unknown = '00000000-0000-4000-8000-000000000000';

    const res = await post(admin.client, [
      adminB.id,
      adminC.id,
      admin.userId,
      worker.id,
      invited.id,
      other.userId,
      unknown,
      worker.id,
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { id: adminB.id, ok: true },
      { id: adminC.id, ok: true },
      { id: admin.userId, ok: false, code: 'CANNOT_CHANGE_SELF', message: expect.any(String) },
      { id: worker.id, ok: true },
      { id: invited.id, ok: false, code: 'INVALID_STATE', message: expect.any(String) },
      { id: other.userId, ok: false, code: 'NOT_FOUND', message: expect.any(String) },
      { id: unknown, ok: false, code: 'NOT_FOUND', message: expect.any(String) },
    ]);

    // All admins selected at once: one is left standing.
    const admins = await rows<{ user_id: string }>(
      t.database.db,
      sql`SELECT user_id FROM memberships WHERE company_id = ${admin.companyId} AND role = 'CompanyAdmin' AND status = 'active'`,
    );
    expect(admins.map((a) => a.user_id)).toEqual([admin.userId]);
    for (const gone of [adminB, adminC, worker]) {
      expect((await gone.client.get('/api/me')).statusCode).toBe(401);
    }
    expect((await bystander.client.get('/api/me')).statusCode).toBe(200);
    expect((await other.client.get('/api/me')).statusCode).toBe(200);
    expect((await admin.client.get(`/api/users/${invited.id}`)).json().status).toBe('invited');

    const audit = await rows<{ action: string; target_id: string; actor_id: string }>(
      t.database.db,
      sql`SELECT action, target_id, actor_id FROM audit_events WHERE company_id = ${admin.companyId} AND action = 'user.deactivated' ORDER BY id`,
    );
    expect(audit).toEqual(
      [adminB.id, adminC.id, worker.id].map((id) => ({ action: 'user.deactivated', target_id: id, actor_id: admin.userId })),
    );

    // Again: already deactivated members are fine and not audited twice.
    const again = await post(admin.client, [worker.id]);
    expect(again.json().results).toEqual([{ id: worker.id, ok: true }]);
    const count = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE company_id = ${admin.companyId} AND action = 'user.deactivated'`,
    );
    expect(count[0]!.n).toBe(3);
  });

  it('leaves one CompanyAdmin when two admins deactivate each other at the same time', async () => {
    for (let round = 0; round < 10; round++) {
      const admin = await signUpCompany(t, `Duel ${round}`);
      const rival = await addActiveMember(t, admin.client, { role: 'CompanyAdmin' });
      const [a, b] = await Promise.all([post(admin.client, [rival.id]), post(rival.client, [admin.userId])]);
      const succeeded = [a, b].filter((r) => r.statusCode === 200 && r.json().results[0].ok);
      expect(succeeded).toHaveLength(1);
      const left = await rows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM memberships WHERE company_id = ${admin.companyId} AND role = 'CompanyAdmin' AND status = 'active'`,
      );
      expect(left[0]!.n).toBe(1);
    }
  });

  it('validates the body and is for CompanyAdmins only', async () => {
    const admin = await signUpCompany(t, 'Strict');
    const member = await addActiveMember(t, admin.client);
    for (const ids of [[], ['not-a-uuid'], Array.from({ length: 201 }, () => member.id)]) {
      const res = await post(admin.client, ids);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const denied = await post(member.client, [admin.userId]);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('COMPANY_ADMIN_REQUIRED');
    expect((await admin.client.get(`/api/users/${admin.userId}`)).json().status).toBe('active');
  });
});
