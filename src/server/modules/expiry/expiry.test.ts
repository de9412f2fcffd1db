import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../clock.js';
import { rows } from '../../db/client.js';
import { createTestApp, signUpCompany, STRONG_PASSWORD, uniqueEmail, type TestApp } from '../../../../tests/setup/app.js';
import { addActiveMember, invitationToken, setPlan } from '../users/test-fixtures.js';
import { startExpiryJob } from './expiry.job.js';
import { expireAccess } from './expiry.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const inFuture = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();

async function statusOf(companyId: string, userId: string): Promise<string> {
  const [row] = await rows<{ status: string }>(
    t.database.db,
    sql`SELECT status FROM memberships WHERE company_id = ${companyId} AND user_id = ${userId}`,
  );
  return row!.status;
}

async function auditOf(companyId: string, action: string) {
  return rows<{ actor_id: string | null; actor_name: string | null; target_id: string; details: Record<string, unknown> }>(
    t.database.db,
    sql`SELECT actor_id, actor_name, target_id, details FROM audit_events WHERE company_id = ${companyId} AND action = ${action} ORDER BY id`,
  );
}

describe('time-limited access', () => {
  it('takes an access-until date on Add User and on Edit, audits changes and refuses a past date', async () => {
    const admin = await signUpCompany(t, 'Limits');
    const until = inFuture(30 * DAY);
    const added = await admin.client.post('/api/users', {
      fullName: 'Contractor',
      email: uniqueEmail('c'),
      role: 'TenantUser',
      accessUntil: until,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().accessUntil).toBe(until);
    const id = added.json().id as string;
    expect((await auditOf(admin.companyId, 'user.invited'))[0]!.details).toMatchObject({ accessUntil: until });

    const past = await admin.client.post('/api/users', {
      fullName: 'Too Late',
      email: uniqueEmail('late'),
      role: 'TenantUser',
      accessUntil: inFuture(-HOUR),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { accessUntil: 'in the past' } } });

    const later = new Date(Date.parse(until) + DAY).toISOString().replace('Z', '+00:00');
    const edited = await admin.client.patch(`/api/users/${id}`, { accessUntil: later });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().accessUntil).toBe(new Date(later).toISOString());
    const cleared = await admin.client.patch(`/api/users/${id}`, { accessUntil: null });
    expect(cleared.json().accessUntil).toBeNull();
    expect((await admin.client.patch(`/api/users/${id}`, { accessUntil: null })).statusCode).toBe(200);
    expect((await auditOf(admin.companyId, 'user.access_until_changed')).map((a) => a.details)).toEqual([
      { before: until, after: new Date(later).toISOString() },
      { before: new Date(later).toISOString(), after: null },
    ]);

    for (const accessUntil of ['tomorrow', '2030-01-01', inFuture(-1)]) {
      const res = await admin.client.patch(`/api/users/${id}`, { accessUntil });
      expect(res.statusCode, accessUntil).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('past the date the member is refused at once, then deactivated by the job: audited, sessions ended, seat freed', async () => {
    const admin = await signUpCompany(t, 'Expiring');
    const contractor = await addActiveMember(t, admin.client, { fullName: 'Temp Worker' });
    const colleague = await addActiveMember(t, admin.client, { fullName: 'Stays' });
    // The contractor also works for another company, without a time limit there.
    const other = await signUpCompany(t, 'Other Co');
    await setPlan(t, other.companyId, 'starter');
    await other.client.post('/api/users', { fullName: 'Temp Elsewhere', email: contractor.email, role: 'TenantUser' });
    const otherToken = await invitationToken(t, contractor.email);
    const elsewhere = t.client();
    expect((await elsewhere.post(`/api/invitations/${otherToken}/accept`, { password: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).json().company.id).toBe(other.companyId);

    expect((await admin.client.patch(`/api/users/${contractor.id}`, { accessUntil: inFuture(2 * HOUR) })).statusCode).toBe(200);
    expect((await contractor.client.get('/api/company/admins')).statusCode).toBe(200);
    expect((await t.client().post('/api/auth/login', { email: contractor.email, password: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );

    t.clock.advance(3 * HOUR);
    // Before the job runs: the session no longer serves the company.
    const refused = await contractor.client.get('/api/company/admins');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('NO_ACTIVE_MEMBERSHIP');
    expect((await colleague.client.get('/api/company/admins')).statusCode).toBe(200);
    expect((await admin.client.get('/api/billing/subscription')).json().seats.used).toBe(3);

    expect(await expireAccess(t.app.ctx)).toEqual({ expired: 1, keptLastAdmin: [] });
    expect(await statusOf(admin.companyId, contractor.id)).toBe('deactivated');
    expect((await contractor.client.get('/api/me')).statusCode).toBe(401);
    const sessions = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${contractor.id} AND company_id = ${admin.companyId}`,
    );
    expect(sessions[0]!.n).toBe(0);
    // Their other company is untouched.
    expect((await elsewhere.get('/api/me')).json().company.id).toBe(other.companyId);
    expect(await statusOf(other.companyId, contractor.id)).toBe('active');

    const audit = await auditOf(admin.companyId, 'user.access_expired');
    expect(audit).toEqual([
      { actor_id: null, actor_name: null, target_id: contractor.id, details: { accessUntil: expect.any(String) } },
    ]);
    expect((await admin.client.get('/api/billing/subscription')).json().seats.used).toBe(2);
    expect(await expireAccess(t.app.ctx)).toEqual({ expired: 0, keptLastAdmin: [] });

    // Reactivating needs a new date (or none): the old one has passed.
    const stale = await admin.client.patch(`/api/users/${contractor.id}`, { status: 'active' });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details.fields).toEqual({ accessUntil: 'in the past' });
    const back = await admin.client.patch(`/api/users/${contractor.id}`, { status: 'active', accessUntil: inFuture(DAY) });
    expect(back.statusCode).toBe(200);
    const again = t.client();
    expect((await again.post('/api/auth/login', { email: contractor.email, password: STRONG_PASSWORD })).statusCode).toBe(200);
  });

  it('never expires the last active CompanyAdmin', async () => {
    const solo = await signUpCompany(t, 'Solo');
    expect((await solo.client.patch(`/api/users/${solo.userId}`, { accessUntil: inFuture(HOUR) })).statusCode).toBe(200);
    const duo = await signUpCompany(t, 'Duo');
    const second = await addActiveMember(t, duo.client, { fullName: 'Second Admin', role: 'CompanyAdmin' });
    expect((await duo.client.patch(`/api/users/${duo.userId}`, { accessUntil: inFuture(HOUR) })).statusCode).toBe(200);
    expect((await duo.client.patch(`/api/users/${second.id}`, { accessUntil: inFuture(2 * HOUR) })).statusCode).toBe(200);

    t.clock.advance(3 * HOUR);
    // Both of Duo's admins are past their date; one of them is still let in, as is Solo's only admin.
    expect((await solo.client.get('/api/users')).statusCode).toBe(200);

    const outcome = await expireAccess(t.app.ctx);
    expect(outcome.keptLastAdmin).toEqual(
      expect.arrayContaining([
        { companyId: solo.companyId, userId: solo.userId },
        { companyId: duo.companyId, userId: second.id },
      ]),
    );
    expect(await statusOf(solo.companyId, solo.userId)).toBe('active');
    // The one whose access ended first goes; the other keeps the company administrable.
    expect(await statusOf(duo.companyId, duo.userId)).toBe('deactivated');
    expect(await statusOf(duo.companyId, second.id)).toBe('active');
    expect((await second.client.get('/api/users')).statusCode).toBe(200);
    expect((await solo.client.get('/api/users')).statusCode).toBe(200);
    expect(await auditOf(solo.companyId, 'user.access_expired')).toEqual([]);
  });

  it('runs on its own every interval', async () => {
    const admin = await signUpCompany(t, 'Scheduled');
    const member = await addActiveMember(t, admin.client);
    await t.database.db.execute(
      sql`UPDATE memberships SET access_until = ${new Date(t.clock.now().getTime() - 1000)}
          WHERE company_id = ${admin.companyId} AND user_id = ${member.id}`,
    );
    const job = startExpiryJob(t.app.ctx, 50);
    try {
      for (let i = 0; i < 100 && (await statusOf(admin.companyId, member.id)) === 'active'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await job.stop();
    }
    expect(await statusOf(admin.companyId, member.id)).toBe('deactivated');
  });
});
