import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/server/modules/users/test-fixtures.js';
import { createTestApp, type TestApp } from '../setup/app.js';
import { newCompany, newMember, type Company } from './fixtures.js';

/** GET /api/members: whom a member may choose as an item's owner. */
let t: TestApp;
let acme: Company;
let other: Company;

beforeAll(async () => {
  t = await createTestApp();
  acme = await newCompany(t, 'Acme');
  other = await newCompany(t, 'Other');
});
afterAll(async () => t?.close());

describe('GET /api/members', () => {
  it('lists the active members of the caller’s company to any member, by name, with id and name only', async () => {
    const zed = await newMember(t, acme, [], 'Zed Zimmer');
    const amy = await newMember(t, acme, ['contacts.manage'], 'amy Archer');
    const paused = await newMember(t, acme, [], 'Pia Paused');
    const gone = await newMember(t, acme, [], 'Rob Removed');
    await invite(t, acme.admin, { fullName: 'Ivy Invited' });
    await newMember(t, other, [], 'Olga Other');
    expect((await acme.admin.patch(`/api/users/${paused.id}`, { status: 'deactivated' })).statusCode).toBe(200);
    expect((await acme.admin.delete(`/api/users/${gone.id}`)).statusCode).toBe(204);

    // A TenantUser without any permission may read it: GET /api/users stays CompanyAdmin-only.
    const res = await zed.client.get('/api/members');
    expect(res.statusCode).toBe(200);
    expect((await zed.client.get('/api/users')).statusCode).toBe(403);
    expect(res.json()).toEqual({
      items: [
        { id: acme.adminId, fullName: 'Acme Admin' },
        { id: amy.id, fullName: 'amy Archer' },
        { id: zed.id, fullName: 'Zed Zimmer' },
      ],
    });
  });

  it('answers another company only with its own members', async () => {
    const res = await other.admin.get('/api/members');
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as { fullName: string }[]).map((m) => m.fullName);
    expect(names).toContain('Other Admin');
    expect(names).not.toContain('Acme Admin');
  });

  it('refuses a caller without a session', async () => {
    const res = await t.client().get('/api/members');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});
