import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { createTestApp, signUpCompany, STRONG_PASSWORD, uniqueEmail, type TestApp } from '../../../../tests/setup/app.js';
import { addActiveMember, auditActions, invite, setPlan } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const codeOf = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('adding users', () => {
  it('lists an added user as invited with who invited them, and refuses an existing member', async () => {
    const admin = await signUpCompany(t, 'Adders');
    const member = await invite(t, admin.client, { fullName: 'Ivy Invited', permissions: ['contacts.manage'] });
    const list = (await admin.client.get('/api/users')).json();
    expect(list.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Adders Admin', 'Ivy Invited']);
    expect(list.items[1]).toMatchObject({
      id: member.id,
      email: member.email,
      role: 'TenantUser',
      permissions: ['contacts.view', 'contacts.manage'],
      status: 'invited',
      lastActiveAt: null,
      invitedBy: { id: admin.userId, fullName: 'Adders Admin' },
    });
    for (const email of [member.email, admin.email.toUpperCase()]) {
      const again = await admin.client.post('/api/users', { fullName: 'Again', email, role: 'TenantUser', permissions: [] });
      expect(again.statusCode).toBe(409);
      expect(codeOf(again)).toBe('ALREADY_MEMBER');
    }
  });

  it('refuses a user past the plan limit with 402 and the numbers', async () => {
    const admin = await signUpCompany(t);
    await invite(t, admin.client);
    await invite(t, admin.client);
    const res = await admin.client.post('/api/users', { fullName: 'Four', email: uniqueEmail(), role: 'TenantUser' });
    expect(res.statusCode).toBe(402);
    expect(res.json().error).toMatchObject({ code: 'USER_LIMIT_REACHED', details: { limit: 3, used: 3, plan: 'free' } });
    await setPlan(t, admin.companyId, 'enterprise');
    expect(
      (await admin.client.post('/api/users', { fullName: 'Four', email: uniqueEmail(), role: 'TenantUser' })).statusCode,
    ).toBe(201);
  });

  it('validates the body with field errors', async () => {
    const admin = await signUpCompany(t);
    const res = await admin.client.post('/api/users', {
      fullName: '',
      email: 'nope',
      role: 'Owner',
      permissions: ['billing.manage'],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields).sort()).toEqual(['email', 'fullName', 'permissions.0', 'role']);
  });
});

describe('listing', () => {
  it('searches name and email case-insensitively, treats % and _ literally, and filters by role and status', async () => {
    const admin = await signUpCompany(t, 'Finders');
    await setPlan(t, admin.companyId, 'growth');
    const tag = `qx${Math.random().toString(36).slice(2, 8)}`;
    await invite(t, admin.client, { fullName: 'Olga 100% Sure', role: 'CompanyAdmin' });
    await invite(t, admin.client, { fullName: 'Omar Under_score', email: uniqueEmail(`omar${tag}`) });
    const gone = await addActiveMember(t, admin.client, { fullName: 'Gone Person' });
    await admin.client.delete(`/api/users/${gone.id}`);
    const names = async (query: string) =>
      ((await admin.client.get(`/api/users?${query}`)).json().items as { fullName: string }[]).map((m) => m.fullName);

    expect(await names('search=OLGA')).toEqual(['Olga 100% Sure']);
    expect(await names('search=%25')).toEqual(['Olga 100% Sure']);
    expect(await names('search=_')).toEqual(['Omar Under_score']);
    expect(await names(`search=${tag.toUpperCase()}`)).toEqual(['Omar Under_score']);
    expect(await names('role=CompanyAdmin')).toEqual(['Finders Admin', 'Olga 100% Sure']);
    expect(await names('status=invited')).toEqual(['Olga 100% Sure', 'Omar Under_score']);
    expect(await names('')).not.toContain('Gone Person');
    expect(await names('status=removed')).toEqual(['Gone Person']);
    expect((await admin.client.get('/api/users?status=gone')).statusCode).toBe(400);
    expect((await admin.client.get('/api/users?limit=101')).statusCode).toBe(400);
    const badCursor = await admin.client.get('/api/users?cursor=bm90LWEtY3Vyc29y');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details.fields).toEqual({ cursor: 'invalid' });
  });

  it('pages through 61 members 25 at a time without duplicates or gaps, ties broken by id', async () => {
    const admin = await signUpCompany(t, 'Pager');
    await setPlan(t, admin.companyId, 'business');
    for (let i = 0; i < 60; i++) {
      // Repeated names, in mixed case, make the id tie-break matter.
      const res = await admin.client.post('/api/users', {
        fullName: `${i % 2 ? 'member' : 'Member'} ${String(i % 7)}`,
        email: uniqueEmail('page'),
        role: 'TenantUser',
      });
      expect(res.statusCode).toBe(201);
    }
    const seen: { id: string; fullName: string }[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.client.get(`/api/users?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page: { items: { id: string; fullName: string }[]; nextCursor: string | null } = res.json();
      sizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([25, 25, 11]);
    expect(new Set(seen.map((m) => m.id)).size).toBe(61);
    const [all] = await rows<{ ids: string[] }>(
      t.database.db,
      sql`SELECT array_agg(user_id::text ORDER BY lower(full_name), user_id) AS ids FROM memberships WHERE company_id = ${admin.companyId}`,
    );
    expect(seen.map((m) => m.id)).toEqual(all!.ids);
  });

  it('names the active CompanyAdmins to any member', async () => {
    const admin = await signUpCompany(t, 'Askers');
    const member = await addActiveMember(t, admin.client);
    const res = await member.client.get('/api/company/admins');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: admin.userId, fullName: 'Askers Admin', email: admin.email }] });
  });
});

describe('guards', () => {
  it('refuses every users route to a TenantUser with 403 COMPANY_ADMIN_REQUIRED and to a stranger with 401', async () => {
    const admin = await signUpCompany(t);
    const member = await addActiveMember(t, admin.client);
    const target = `/api/users/${admin.userId}`;
    const calls = [
      ['GET', '/api/users'],
      ['POST', '/api/users', { fullName: 'X', email: uniqueEmail(), role: 'TenantUser' }],
      ['GET', target],
      ['PATCH', target, { role: 'TenantUser' }],
      ['DELETE', target],
      ['GET', `${target}/items`],
      ['POST', `${target}/invitation`, {}],
    ] as const;
    for (const [method, url, body] of calls) {
      const res = await member.client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(codeOf(res)).toBe('COMPANY_ADMIN_REQUIRED');
      expect((await t.client().request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await admin.client.get(target)).json()).toMatchObject({ role: 'CompanyAdmin', status: 'active' });
  });

  it('keeps an admin from deactivating or deleting themselves, and the last admin from being demoted', async () => {
    const admin = await signUpCompany(t);
    const self = `/api/users/${admin.userId}`;
    const deactivate = await admin.client.patch(self, { status: 'deactivated' });
    expect(deactivate.statusCode).toBe(403);
    expect(codeOf(deactivate)).toBe('CANNOT_CHANGE_SELF');
    const del = await admin.client.delete(self);
    expect(del.statusCode).toBe(403);
    expect(codeOf(del)).toBe('CANNOT_CHANGE_SELF');
    const demote = await admin.client.patch(self, { role: 'TenantUser' });
    expect(demote.statusCode).toBe(409);
    expect(codeOf(demote)).toBe('LAST_COMPANY_ADMIN');

    const other = await addActiveMember(t, admin.client, { role: 'CompanyAdmin' });
    const demoteNow = await admin.client.patch(self, { role: 'TenantUser' });
    expect(demoteNow.statusCode).toBe(200);
    expect((await admin.client.get('/api/me')).json().role).toBe('TenantUser');
    const back = await other.client.patch(`/api/users/${other.id}`, { role: 'TenantUser' });
    expect(codeOf(back)).toBe('LAST_COMPANY_ADMIN');
  });

  it('answers 404 for a member of another company on every route and leaves them unchanged', async () => {
    const mine = await signUpCompany(t);
    const theirs = await signUpCompany(t, 'Theirs');
    const victim = await invite(t, theirs.client, { fullName: 'Their Person' });
    const before = (await theirs.client.get(`/api/users/${victim.id}`)).json();
    for (const id of [victim.id, theirs.userId]) {
      const url = `/api/users/${id}`;
      const results = [
        await mine.client.get(url),
        await mine.client.patch(url, { fullName: 'Hijacked', role: 'CompanyAdmin' }),
        await mine.client.patch(url, { status: 'deactivated' }),
        await mine.client.delete(url),
        await mine.client.post(`${url}/invitation`),
        await mine.client.get(`${url}/items`),
      ];
      expect(results.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
      expect(results.every((r) => codeOf(r) === 'NOT_FOUND')).toBe(true);
    }
    expect((await theirs.client.get(`/api/users/${victim.id}`)).json()).toEqual(before);
    expect((await theirs.client.get('/api/me')).json().role).toBe('CompanyAdmin');
    const [mails] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = ${victim.email}`,
    );
    expect(mails!.n).toBe(1);
  });

  it('allows a status change only between active and deactivated, and resend only for invited users', async () => {
    const admin = await signUpCompany(t);
    const invited = await invite(t, admin.client);
    const activate = await admin.client.patch(`/api/users/${invited.id}`, { status: 'active' });
    expect(activate.statusCode).toBe(409);
    expect(codeOf(activate)).toBe('INVALID_STATE');
    expect(codeOf(await admin.client.patch(`/api/users/${invited.id}`, { status: 'deactivated' }))).toBe('INVALID_STATE');
    expect((await admin.client.patch(`/api/users/${invited.id}`, { fullName: 'Renamed' })).json().fullName).toBe('Renamed');
    expect(codeOf(await admin.client.post(`/api/users/${admin.userId}/invitation`))).toBe('INVALID_STATE');
    expect(codeOf(await admin.client.patch(`/api/users/${admin.userId}`, {}))).toBe('VALIDATION_FAILED');
    await admin.client.delete(`/api/users/${invited.id}`);
    expect(codeOf(await admin.client.patch(`/api/users/${invited.id}`, { status: 'active' }))).toBe('INVALID_STATE');
    expect(codeOf(await admin.client.delete(`/api/users/${invited.id}`))).toBe('INVALID_STATE');
  });

  it('needs a free seat to reactivate', async () => {
    const admin = await signUpCompany(t);
    const a = await addActiveMember(t, admin.client);
    expect((await admin.client.patch(`/api/users/${a.id}`, { status: 'deactivated' })).statusCode).toBe(200);
    await invite(t, admin.client);
    await invite(t, admin.client);
    const res = await admin.client.patch(`/api/users/${a.id}`, { status: 'active' });
    expect(res.statusCode).toBe(402);
    expect(res.json().error).toMatchObject({ code: 'USER_LIMIT_REACHED', details: { limit: 3, used: 3, plan: 'free' } });
    expect((await admin.client.get(`/api/users/${a.id}`)).json().status).toBe('deactivated');
  });
});

describe('editing', () => {
  it('applies role and permission changes on the member’s very next request', async () => {
    const admin = await signUpCompany(t);
    const member = await addActiveMember(t, admin.client, { permissions: ['contacts.view'] });
    expect((await member.client.get('/api/me')).json().permissions).toEqual(['contacts.view']);
    const res = await admin.client.patch(`/api/users/${member.id}`, { permissions: ['whatsapp.send', 'email.view'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().permissions).toEqual(['email.view', 'whatsapp.view', 'whatsapp.send']);
    expect((await member.client.get('/api/me')).json().permissions).toEqual(['email.view', 'whatsapp.view', 'whatsapp.send']);
    expect((await member.client.get('/api/users')).statusCode).toBe(403);
    await admin.client.patch(`/api/users/${member.id}`, { role: 'CompanyAdmin' });
    expect((await member.client.get('/api/me')).json().role).toBe('CompanyAdmin');
    expect((await member.client.get('/api/users')).statusCode).toBe(200);
  });

  it('deactivation ends the member’s sessions in this company only; reactivation restores access', async () => {
    const first = await signUpCompany(t, 'First');
    const second = await signUpCompany(t, 'Second');
    const member = await addActiveMember(t, first.client);
    const elsewhere = t.client();
    await elsewhere.post('/api/auth/login', { email: member.email, password: STRONG_PASSWORD });
    const secondToken = (await invite(t, second.client, { email: member.email })).token;
    expect((await elsewhere.post(`/api/invitations/${secondToken}/accept`, {})).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).json().company.name).toBe('Second');
    expect((await member.client.get('/api/me')).json().company.name).toBe('First');

    const off = await first.client.patch(`/api/users/${member.id}`, { status: 'deactivated' });
    expect(off.json().status).toBe('deactivated');
    expect((await member.client.get('/api/me')).statusCode).toBe(401);
    expect((await elsewhere.get('/api/me')).json().company.name).toBe('Second');
    expect((await elsewhere.post('/api/auth/switch-company', { companyId: first.companyId })).statusCode).toBe(404);
    const login = t.client();
    expect((await login.post('/api/auth/login', { email: member.email, password: STRONG_PASSWORD })).json().company.name).toBe(
      'Second',
    );
    const [left] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${member.id} AND company_id = ${first.companyId}`,
    );
    expect(left!.n).toBe(0);

    expect((await first.client.patch(`/api/users/${member.id}`, { status: 'active' })).json().status).toBe('active');
    expect((await elsewhere.post('/api/auth/switch-company', { companyId: first.companyId })).statusCode).toBe(200);
  });
});

describe('deleting', () => {
  it('ends access, keeps the row as removed, and lets the person be invited again', async () => {
    const admin = await signUpCompany(t);
    const member = await addActiveMember(t, admin.client);
    const keeper = await addActiveMember(t, admin.client);
    expect((await admin.client.get(`/api/users/${member.id}/items`)).json()).toEqual({
      contacts: 0,
      campaigns: 0,
      messages: 0,
      workflows: 0,
    });
    const self = await admin.client.delete(`/api/users/${member.id}`, { reassignTo: member.id });
    expect(self.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { reassignTo: expect.any(String) } },
    });
    const stranger = await admin.client.delete(`/api/users/${member.id}`, { reassignTo: (await signUpCompany(t)).userId });
    expect(codeOf(stranger)).toBe('VALIDATION_FAILED');

    expect((await admin.client.delete(`/api/users/${member.id}`, { reassignTo: keeper.id })).statusCode).toBe(204);
    expect((await member.client.get('/api/me')).statusCode).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: member.email, password: STRONG_PASSWORD })).statusCode).toBe(403);
    expect((await admin.client.get(`/api/users/${member.id}`)).json().status).toBe('removed');
    const [event] = await rows<{ details: { reassignTo?: string } }>(
      t.database.db,
      sql`SELECT details FROM audit_events WHERE company_id = ${admin.companyId} AND target_id = ${member.id} AND action = 'user.deleted'`,
    );
    expect(event!.details).toEqual({ reassignTo: keeper.id });
    const again = await admin.client.post('/api/users', { fullName: 'Back Again', email: member.email, role: 'TenantUser' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: member.id, status: 'invited' });
  });

  it('accepts a DELETE with no body, or an empty one labelled JSON', async () => {
    const admin = await signUpCompany(t);
    const a = await invite(t, admin.client);
    const b = await invite(t, admin.client);
    const bare = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${a.id}`,
      headers: { cookie: admin.client.cookie!, origin: 'http://localhost:3000' },
    });
    expect(bare.statusCode).toBe(204);
    const empty = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${b.id}`,
      headers: { cookie: admin.client.cookie!, origin: 'http://localhost:3000', 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(204);
    const broken = await admin.client.request('POST', '/api/users', undefined, { 'content-type': 'application/json' });
    expect(broken.statusCode).toBe(400);
  });
});

describe('audit', () => {
  it('records every action with actor, target, IP and before/after values', async () => {
    const admin = await signUpCompany(t, 'Audited');
    await setPlan(t, admin.companyId, 'starter');
    admin.client.ip = '203.0.113.9';
    const member = await addActiveMember(t, admin.client, { fullName: 'Ava Audit' });
    const url = `/api/users/${member.id}`;
    await admin.client.patch(url, { fullName: 'Ava Renamed', role: 'CompanyAdmin', permissions: ['email.send'] });
    await admin.client.patch(url, { status: 'deactivated' });
    await admin.client.patch(url, { status: 'active' });
    await admin.client.delete(url);
    expect(await auditActions(t, admin.companyId, member.id)).toEqual([
      'user.invited',
      'invitation.accepted',
      'user.name_changed',
      'user.role_changed',
      'user.permissions_changed',
      'user.deactivated',
      'user.reactivated',
      'user.deleted',
    ]);
    const pending = await invite(t, admin.client);
    await admin.client.post(`/api/users/${pending.id}/invitation`);
    await admin.client.delete(`/api/users/${pending.id}`);
    expect(await auditActions(t, admin.companyId, pending.id)).toEqual([
      'user.invited',
      'invitation.resent',
      'invitation.revoked',
    ]);

    const events = await rows<{
      action: string;
      actor_id: string;
      actor_name: string;
      target_name: string;
      ip: string;
      details: unknown;
    }>(
      t.database.db,
      sql`SELECT action, actor_id, actor_name, target_name, ip, details FROM audit_events
          WHERE company_id = ${admin.companyId} AND target_id = ${member.id} AND action LIKE 'user.%' AND action <> 'user.invited'`,
    );
    for (const e of events) expect(e).toMatchObject({ actor_id: admin.userId, actor_name: 'Audited Admin', ip: '203.0.113.9' });
    const byAction = Object.fromEntries(events.map((e) => [e.action, e.details]));
    expect(byAction['user.role_changed']).toEqual({ before: 'TenantUser', after: 'CompanyAdmin' });
    expect(byAction['user.name_changed']).toEqual({ before: 'Ava Audit', after: 'Ava Renamed' });
    expect(byAction['user.permissions_changed']).toEqual({ before: [], after: ['email.view', 'email.send'] });
  });
});

describe('OpenAPI', () => {
  it('documents the users and invitations routes with their tags and response statuses', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(doc.paths['/api/users'].post.tags).toEqual(['users']);
    expect(Object.keys(doc.paths['/api/users'].post.responses)).toEqual(expect.arrayContaining(['201', '402', '409']));
    expect(Object.keys(doc.paths['/api/users/{id}'].delete.responses)).toEqual(expect.arrayContaining(['204', '404', '409']));
    expect(doc.paths['/api/users/{id}/invitation'].post.summary).toMatch(/Resend/);
    expect(doc.paths['/api/company/admins'].get.tags).toEqual(['users']);
    expect(doc.paths['/api/invitations/{token}/accept'].post.tags).toEqual(['invitations']);
    expect(Object.keys(doc.paths['/api/invitations/{token}'].get.responses)).toEqual(expect.arrayContaining(['200', '410']));
  });
});
