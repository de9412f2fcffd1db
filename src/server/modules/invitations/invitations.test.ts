import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../clock.js';
import { rows } from '../../db/client.js';
import {
  APP_URL,
  createTestApp,
  signUpCompany,
  STRONG_PASSWORD,
  uniqueEmail,
  type TestApp,
} from '../../../../tests/setup/app.js';
import { addActiveMember, auditActions, invite, invitationToken, setPlan } from '../users/test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const reasonOf = async (token: string) => {
  const view = await t.client().get(`/api/invitations/${token}`);
  const accept = await t.client().post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD });
  expect(view.statusCode).toBe(410);
  expect(accept.statusCode).toBe(410);
  expect(view.json().error.code).toBe('INVITATION_INVALID');
  expect(view.json().error.message).toMatch(/\w+ \w+/);
  expect(accept.json().error.details.reason).toBe(view.json().error.details.reason);
  return view.json().error.details.reason as string;
};

describe('invitation mail', () => {
  it('mails a working link, keeps only the hash of the token, and shows what the invitation is for', async () => {
    const admin = await signUpCompany(t, 'Mailco');
    const email = uniqueEmail('dana');
    const res = await admin.client.post('/api/users', {
      fullName: 'Dana Doe',
      email: ` ${email.toUpperCase()} `,
      role: 'TenantUser',
      permissions: [],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, status: 'invited', invitedBy: { id: admin.userId, fullName: 'Mailco Admin' } });
    expect(Date.parse(res.json().invitationExpiresAt)).toBeGreaterThan(t.clock.now().getTime() + 7 * DAY - MINUTE);

    expect(await t.flushMail()).toBeGreaterThan(0);
    const mail = t.mailbox.to(email).at(-1)!;
    expect(mail.subject).toContain('Mailco');
    expect(mail.html).toContain('<a href=');
    const link = t.mailbox.lastLink(email);
    expect(link.startsWith(`${APP_URL}/invitations/accept#token=`)).toBe(true);
    const token = link.split('#token=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const stored = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM invitations WHERE token_hash = ${token}`,
    );
    expect(stored[0]!.n).toBe(0);

    const view = await t.client().get(`/api/invitations/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      company: { name: 'Mailco' },
      email,
      fullName: 'Dana Doe',
      invitedBy: 'Mailco Admin',
      accountExists: false,
    });
  });

  it("writes in the invited person's language: the admin's for a new person, the account's for a known one", async () => {
    const admin = await signUpCompany(t);
    await setPlan(t, admin.companyId, 'starter');
    await admin.client.put('/api/me/locale', { locale: 'ar' });
    const fresh = uniqueEmail('fresh');
    await admin.client.post('/api/users', { fullName: 'Fresh', email: fresh, role: 'TenantUser' });
    const chosen = uniqueEmail('chosen');
    await admin.client.post('/api/users', { fullName: 'Chosen', email: chosen, role: 'TenantUser', locale: 'en' });
    const known = await signUpCompany(t, 'Known');
    await admin.client.post('/api/users', { fullName: 'Known', email: known.email, role: 'TenantUser' });
    await t.flushMail();
    expect(t.mailbox.to(fresh).at(-1)!.html).toContain('dir="rtl"');
    expect(t.mailbox.to(chosen).at(-1)!.html).toContain('dir="ltr"');
    expect(t.mailbox.to(known.email).at(-1)!.html).toContain('dir="ltr"');
  });
});

describe('accepting', () => {
  it('lets a new person set a password and lands them in the company', async () => {
    const admin = await signUpCompany(t, 'Landing');
    const { email, token, id } = await invite(t, admin.client, { permissions: ['email.send'] });
    const client = t.client();
    const missing = await client.post(`/api/invitations/${token}/accept`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { password: 'required' } } });
    const weak = await client.post(`/api/invitations/${token}/accept`, { password: 'password1234' });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');

    const res = await client.post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD, fullName: 'Dana Chosen' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { id, email, fullName: 'Dana Chosen' },
      company: { id: admin.companyId },
      role: 'TenantUser',
    });
    const me = (await client.get('/api/me')).json();
    expect(me.company.name).toBe('Landing');
    expect(me.permissions).toEqual(['email.view', 'email.send']);
    expect((await admin.client.get(`/api/users/${id}`)).json()).toMatchObject({
      status: 'active',
      fullName: 'Dana Chosen',
      invitationExpiresAt: null,
    });
    expect((await t.client().post('/api/auth/login', { email, password: STRONG_PASSWORD })).statusCode).toBe(200);
    expect(await auditActions(t, admin.companyId, id)).toEqual(['user.invited', 'invitation.accepted']);
    expect(await reasonOf(token)).toBe('used');
  });

  it('joins a known person through their own session, switching it to the new company', async () => {
    const admin = await signUpCompany(t, 'Joiner');
    const person = await signUpCompany(t, 'Home');
    const { token } = await invite(t, admin.client, { email: person.email });
    const view = (await t.client().get(`/api/invitations/${token}`)).json();
    expect(view.accountExists).toBe(true);
    const res = await person.client.post(`/api/invitations/${token}/accept`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().company.id).toBe(admin.companyId);
    const me = (await person.client.get('/api/me')).json();
    expect(me.company.id).toBe(admin.companyId);
    expect(me.companies.map((c: { name: string }) => c.name).sort()).toEqual(['Home', 'Joiner']);
  });

  it('joins a known person with their password, and refuses a wrong one or none', async () => {
    const admin = await signUpCompany(t, 'ByPassword');
    const person = await signUpCompany(t, 'Elsewhere');
    const { token } = await invite(t, admin.client, { email: person.email });
    const none = await t.client().post(`/api/invitations/${token}/accept`, {});
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const wrong = await t.client().post(`/api/invitations/${token}/accept`, { password: 'Wrong-Password-99' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const client = t.client();
    const res = await client.post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/me')).json().company.id).toBe(admin.companyId);
    // The person's account keeps its password: the invitation could not change it.
    expect((await t.client().post('/api/auth/login', { email: person.email, password: STRONG_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a session of a different person and leaves the invitation usable', async () => {
    const admin = await signUpCompany(t);
    const person = await signUpCompany(t, 'Invited');
    const stranger = await signUpCompany(t, 'Stranger');
    const { token, id } = await invite(t, admin.client, { email: person.email });
    const res = await stranger.client.post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect((await stranger.client.get('/api/me')).json().company.id).toBe(stranger.companyId);
    expect((await admin.client.get(`/api/users/${id}`)).json().status).toBe('invited');
    expect((await person.client.post(`/api/invitations/${token}/accept`, {})).statusCode).toBe(200);
  });

  it('refuses expired, revoked, replaced, used and unknown tokens, each with its reason', async () => {
    const admin = await signUpCompany(t);
    await setPlan(t, admin.companyId, 'starter');
    const expired = await invite(t, admin.client);
    t.clock.advance(7 * DAY + MINUTE);
    try {
      expect(await reasonOf(expired.token)).toBe('expired');
    } finally {
      t.clock.reset();
    }

    const revoked = await invite(t, admin.client);
    expect((await admin.client.delete(`/api/users/${revoked.id}`)).statusCode).toBe(204);
    expect(await reasonOf(revoked.token)).toBe('revoked');

    const resent = await invite(t, admin.client);
    const again = await admin.client.post(`/api/users/${resent.id}/invitation`);
    expect(again.statusCode).toBe(200);
    const newToken = await invitationToken(t, resent.email);
    expect(newToken).not.toBe(resent.token);
    expect(await reasonOf(resent.token)).toBe('replaced');
    expect((await t.client().get(`/api/invitations/${newToken}`)).statusCode).toBe(200);

    const used = await addActiveMember(t, admin.client);
    expect(await reasonOf(used.token)).toBe('used');
    expect(await reasonOf('not-a-real-token')).toBe('unknown');
  });

  it('lets exactly one of 20 concurrent accepts of one token succeed', async () => {
    const admin = await signUpCompany(t);
    const { token, id } = await invite(t, admin.client);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.client().post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD })),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.statusCode !== 200)) {
      expect([410, 401]).toContain(r.statusCode);
    }
    const [counts] = await rows<{ active: number; accepted: number; sessions: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM memberships WHERE company_id = ${admin.companyId} AND user_id = ${id} AND status = 'active') AS active,
                 (SELECT count(*)::int FROM invitations WHERE company_id = ${admin.companyId} AND user_id = ${id} AND state = 'accepted') AS accepted,
                 (SELECT count(*)::int FROM sessions WHERE user_id = ${id}) AS sessions`,
    );
    expect(counts).toEqual({ active: 1, accepted: 1, sessions: 1 });
    expect((await auditActions(t, admin.companyId, id)).filter((a) => a === 'invitation.accepted')).toHaveLength(1);
  });

  it('refuses to accept when a downgrade left the company without a free seat', async () => {
    const admin = await signUpCompany(t);
    const a = await invite(t, admin.client);
    await invite(t, admin.client);
    // Three seats used on free (limit 3); a fourth membership slipped in when the plan was larger.
    const { companyId } = admin;
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO users (email, full_name) VALUES (${uniqueEmail('extra')}, 'Extra') RETURNING id`,
    );
    await t.database.db.execute(
      sql`INSERT INTO memberships (company_id, user_id, full_name, role, status) VALUES (${companyId}, ${user!.id}, 'Extra', 'TenantUser', 'active')`,
    );
    const res = await t.client().post(`/api/invitations/${a.token}/accept`, { password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(402);
    expect(res.json().error).toMatchObject({ code: 'USER_LIMIT_REACHED', details: { limit: 3, used: 4, plan: 'free' } });
    expect((await t.client().get(`/api/invitations/${a.token}`)).statusCode).toBe(200);
  });

  it('keeps one membership per person when a removed user is invited again', async () => {
    const admin = await signUpCompany(t);
    const member = await addActiveMember(t, admin.client, { fullName: 'First Name' });
    expect((await admin.client.delete(`/api/users/${member.id}`)).statusCode).toBe(204);
    const again = await admin.client.post('/api/users', {
      fullName: 'Second Name',
      email: member.email,
      role: 'CompanyAdmin',
      permissions: [],
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: member.id, status: 'invited', role: 'CompanyAdmin', fullName: 'Second Name' });
    const token = await invitationToken(t, member.email);
    expect((await t.client().get(`/api/invitations/${token}`)).json().accountExists).toBe(true);
    const res = await member.client.post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('CompanyAdmin');
  });
});
